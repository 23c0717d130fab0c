//! The simulated issuer for 3-D Secure over real HTTP: the challenge page, each outcome applied
//! by tds_finish, what /charge accepts afterwards, and the hang and auto-complete switches.

mod common;

use common::*;

const SHOP: &str = "http://localhost:9999";

fn server() -> Devserver {
    Devserver::start(&["--rate", "1000", "--allow-origin", SHOP])
}

/// A token awaiting 3-D Secure.
fn unverified(s: &Devserver, key: &str) -> String {
    let body = format!("{}&card%5Bname%5D=TARO+YAMADA&card%5Bemail%5D=taro%40example.jp&three_d_secure=true", card_form("4242424242424242", "123"));
    let t = create_token(s.payment, key, &body).json();
    assert_eq!(t["card"]["three_d_secure_status"], "unverified");
    t["id"].as_str().unwrap().to_string()
}

fn start(s: &Devserver, id: &str, key: &str, back: &str) -> Reply {
    send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={key}&back={back}"), &[], "").unwrap()
}

fn choose(s: &Devserver, id: &str, key: &str, choice: &str, code: &str) -> Reply {
    let form = format!("publickey={key}&back={SHOP}%2Fdone%3Forder%3D7&code={code}&choice={choice}");
    send(s.payment, "POST", &format!("/v1/tds/{id}/challenge"), &[FORM], &form).unwrap()
}

fn finish(s: &Devserver, id: &str, key: &str) -> Reply {
    send(s.payment, "POST", &format!("/v1/tokens/{id}/tds_finish"), &[("Authorization", &basic(key))], "").unwrap()
}

fn charge(s: &Devserver, id: &str) -> Reply {
    send(s.merchant, "POST", "/charge", &[], &format!("{{\"token\":\"{id}\"}}")).unwrap()
}

#[test]
fn the_challenge_page_asks_for_a_code_and_offers_every_choice() {
    let s = server();
    let id = unverified(&s, PK_TEST);
    let page = start(&s, &id, PK_TEST, &format!("{SHOP}/done"));
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "{csp}");
    for needle in ["name=\"code\"", "value=\"verified\"", "value=\"attempted\"", "value=\"failed\"", "value=\"aborted\"", "123456"] {
        assert!(page.body.contains(needle), "{needle} missing");
    }
    assert!(!page.body.contains("<script>"), "no inline script");
}

#[test]
fn bad_starts_are_refused() {
    let s = server();
    let id = unverified(&s, PK_TEST);
    assert_eq!(start(&s, &id, PK_OTHER, &format!("{SHOP}/done")).status, 400, "another key");
    assert_eq!(start(&s, "tok_nope", PK_TEST, &format!("{SHOP}/done")).status, 400, "unknown token");
    assert_eq!(start(&s, &id, PK_TEST, "http://evil.example/steal").status, 400, "back on an origin that is not allowed");
    assert_eq!(start(&s, &id, PK_TEST, "javascript:alert(1)").status, 400);
    let plain = create_token(s.payment, PK_TEST, &card_form("4242424242424242", "123")).json();
    assert_eq!(start(&s, plain["id"].as_str().unwrap(), PK_TEST, &format!("{SHOP}/done")).status, 400, "no 3-D Secure requested");
}

#[test]
fn authenticate_needs_the_code_then_verifies() {
    let s = server();
    let id = unverified(&s, PK_TEST);
    assert_eq!(finish(&s, &id, PK_TEST).json()["error"]["code"], "three_d_secure_incompleted");
    assert_eq!(charge(&s, &id).json()["error"]["code"], "unverified_token", "not usable before it is finished");
    let wrong = choose(&s, &id, PK_TEST, "verified", "000000");
    assert!(wrong.body.contains("role=\"alert\""), "the wrong code is refused on the page");
    let done = choose(&s, &id, PK_TEST, "verified", "123456");
    assert!(done.body.contains("data-outcome=\"verified\""));
    assert!(done.body.contains(&format!("href=\"{SHOP}/done?order=7&amp;payjp_tds_token={id}\"")), "{}", done.body);
    assert!(done.body.contains(&format!("data-origin=\"{SHOP}\"")));
    assert!(done.body.contains("<script src=\"/v1/tds/finish.js\"></script>"));
    let token = finish(&s, &id, PK_TEST).json();
    assert_eq!(token["card"]["three_d_secure_status"], "verified");
    assert_eq!(charge(&s, &id).status, 200);
}

#[test]
fn each_outcome_is_applied_and_charges_follow_it() {
    let s = server();
    for (choice, chargeable) in [("attempted", true), ("failed", false), ("aborted", false)] {
        let id = unverified(&s, PK_TEST);
        choose(&s, &id, PK_TEST, choice, "");
        assert_eq!(finish(&s, &id, PK_TEST).json()["card"]["three_d_secure_status"], choice);
        let c = charge(&s, &id);
        assert_eq!(c.status == 200, chargeable, "{choice}: {}", c.body);
        if !chargeable {
            assert_eq!(c.json()["error"]["code"], "three_d_secure_failed");
        }
        assert_eq!(finish(&s, &id, PK_TEST).status, 400, "{choice}: finished once");
    }
}

#[test]
fn hang_and_auto_complete_switches() {
    let s = server();
    let control = |body: &str| send(s.payment, "POST", "/__control/tds", &[], body).unwrap();
    assert_eq!(control(&format!(r#"{{"mode":"hang","key":"{PK_OTHER}"}}"#)).status, 200);
    let hung = unverified(&s, PK_OTHER);
    let page = start(&s, &hung, PK_OTHER, &format!("{SHOP}/done"));
    assert!(!page.body.contains("<form"), "a hanging issuer offers nothing to click");
    assert_eq!(finish(&s, &hung, PK_OTHER).json()["error"]["code"], "three_d_secure_incompleted");
    // Other keys are not affected.
    let normal = unverified(&s, PK_TEST);
    assert!(start(&s, &normal, PK_TEST, &format!("{SHOP}/done")).body.contains("<form"));

    assert_eq!(control(r#"{"mode":"auto","outcome":"failed"}"#).status, 200);
    let auto = unverified(&s, PK_TEST);
    let page = start(&s, &auto, PK_TEST, &format!("{SHOP}/done"));
    assert!(page.body.contains("data-outcome=\"failed\""), "completed at once");
    assert_eq!(finish(&s, &auto, PK_TEST).json()["card"]["three_d_secure_status"], "failed");
    assert_eq!(control(r#"{"mode":"sideways"}"#).status, 400);
}

#[test]
fn the_finish_script_reports_to_the_exact_origin() {
    let s = server();
    let js = send(s.payment, "GET", "/v1/tds/finish.js", &[], "").unwrap();
    assert!(js.header("content-type").unwrap().starts_with("text/javascript"));
    assert!(js.body.contains("postMessage(message, link.dataset.origin)"), "never '*'");
    assert!(!js.body.contains("'*'"));
    assert_eq!(send(s.payment, "GET", "/v1/tds/issuer.css", &[], "").unwrap().status, 200);
}
