//! 3-D Secure on PAY.JP's protocol over real HTTP: `start` with a registered redirect name or a
//! signed `back_url`, the issuer on its own origin, `finish` and its 303 to the return URL, each
//! outcome applied by `tds_finish`; and every forgery refused: a raw or unknown `back`, a `back_url`
//! signed with another key or `alg: none`, a session replayed or walked for another id, the
//! issuer framed by a stranger, and a page that tries to drive the control endpoints.

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::*;
use hmac::{Hmac, Mac};
use sha2::Sha256;

const SHOP: &str = "http://localhost:9999";

fn server() -> Devserver {
    Devserver::start(&["--rate", "1000", "--allow-origin", SHOP, "--tds-redirect", "shop=http://localhost:9999/thanks?order=7"])
}

fn finish_token(s: &Devserver, id: &str, key: &str) -> Reply {
    send(s.payment, "POST", &format!("/v1/tokens/{id}/tds_finish"), &[("Authorization", &basic(key))], "").unwrap()
}

fn charge(s: &Devserver, id: &str) -> Reply {
    send(s.merchant, "POST", "/charge", &[JSON], &format!("{{\"token\":\"{id}\"}}")).unwrap()
}

fn control(s: &Devserver, body: &str) -> Reply {
    send(s.payment, "POST", "/__control/tds", &[JSON], body).unwrap()
}

/// A JWS as PAY.JP's payjp-php-tds-sample makes it (firebase/php-jwt, HS256), over `payload`.
fn jws(header: &str, payload: &str, key: &str) -> String {
    let (h, p) = (URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(payload));
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(format!("{h}.{p}").as_bytes());
    format!("{h}.{p}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

fn signed(url: &str, key: &str) -> String {
    jws(r#"{"typ":"JWT","alg":"HS256"}"#, &format!(r#"{{"url":"{url}"}}"#), key)
}

#[test]
fn a_registered_name_returns_to_its_url_and_tds_finish_applies_each_outcome() {
    let s = server();
    for (choice, status) in [("verified", "verified"), ("attempted", "attempted"), ("failed", "failed"), ("aborted", "aborted")] {
        let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
        let before = finish_token(&s, &id, PK_TEST);
        assert_eq!(before.json()["error"]["code"], "three_d_secure_incompleted", "{choice}: before the challenge");
        let back = walk_challenge(&s, &id, PK_TEST, "back=shop", choice);
        assert_eq!(back.status, 303, "{choice}: {}", back.body);
        assert_eq!(back.header("location"), Some("http://localhost:9999/thanks?order=7"), "{choice}: the registered URL, nothing added");
        let done = finish_token(&s, &id, PK_TEST);
        assert_eq!(done.status, 200, "{}", done.body);
        assert_eq!(done.json()["card"]["three_d_secure_status"], status);
        let paid = charge(&s, &id);
        if matches!(choice, "verified" | "attempted") {
            assert_eq!(paid.status, 200, "{choice}: {}", paid.body);
            assert_eq!(paid.json()["paid"], true);
        } else {
            assert_eq!(paid.json()["error"]["code"], "three_d_secure_failed", "{choice}");
        }
    }
}

#[test]
fn the_default_name_returns_to_the_frame_origins_return_page() {
    let s = server();
    let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let back = walk_challenge(&s, &id, PK_TEST, "back=payjp-wasm", "verified");
    assert_eq!(back.header("location").unwrap(), format!("http://{}/tds-return.html", s.payment));
    let page = send(s.payment, "GET", "/tds-return.html", &[], "").unwrap();
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains(&format!("frame-ancestors 'self' {SHOP}")), "{csp}");
    // The launcher on that page returns buyers to the allowed shops only.
    assert!(page.body.contains(&format!("<meta name=\"payjp-return-origin\" content=\"{SHOP}\">")), "{}", page.body);
    // Finished with the public key, as the browser's SDK does; the merchant's server may call it
    // again with its secret key, as PAY.JP's guide says, and gets the same token.
    assert_eq!(finish_token(&s, &id, PK_TEST).json()["card"]["three_d_secure_status"], "verified");
    let again = finish_token(&s, &id, SK_TEST);
    assert_eq!((again.status, again.json()["card"]["three_d_secure_status"].as_str()), (200, Some("verified")));
    assert_eq!(finish_token(&s, &id, SK_OTHER).status, 404, "not another account's");
}

#[test]
fn a_signed_back_url_returns_there() {
    let s = server();
    let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let url = "https://shop.example/callback?id=1";
    let back = walk_challenge(&s, &id, PK_TEST, &format!("back_url={}", signed(url, SK_TEST)), "verified");
    assert_eq!(back.status, 303, "{}", back.body);
    assert_eq!(back.header("location"), Some(url));
    assert_eq!(finish_token(&s, &id, SK_TEST).json()["card"]["three_d_secure_status"], "verified", "the merchant's server finishes with its secret key");
}

#[test]
fn forged_returns_are_refused_with_payjps_error_shape() {
    let s = server();
    let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let none_header = r#"{"alg":"none","typ":"JWT"}"#;
    let evil = r#"{"url":"https://evil.example/"}"#;
    let cases: Vec<(&str, String, &str)> = vec![
        ("a raw URL as back", format!("back={}", "https%3A%2F%2Fevil.example%2F"), "back"),
        ("an unknown name", "back=evil".into(), "back"),
        ("no back at all", String::new(), "back"),
        ("both back and back_url", format!("back=shop&back_url={}", signed("https://shop.example/", SK_TEST)), "back"),
        ("signed with another account's key", format!("back_url={}", signed("https://evil.example/", SK_OTHER)), "back_url"),
        ("signed with the public key", format!("back_url={}", signed("https://evil.example/", PK_TEST)), "back_url"),
        ("alg none, empty signature", format!("back_url={}.{}.", URL_SAFE_NO_PAD.encode(none_header), URL_SAFE_NO_PAD.encode(evil)), "back_url"),
        ("alg none, no signature", format!("back_url={}.{}", URL_SAFE_NO_PAD.encode(none_header), URL_SAFE_NO_PAD.encode(evil)), "back_url"),
        ("HS512 claimed", format!("back_url={}", jws(r#"{"alg":"HS512"}"#, evil, SK_TEST)), "back_url"),
        ("no url in the payload", format!("back_url={}", jws(r#"{"alg":"HS256"}"#, r#"{"return":"https://x.example/"}"#, SK_TEST)), "back_url"),
        ("a javascript: url", format!("back_url={}", signed("javascript:alert(1)", SK_TEST)), "back_url"),
        ("a data: url", format!("back_url={}", signed("data:text/html,hi", SK_TEST)), "back_url"),
        ("not a JWS", "back_url=hello".into(), "back_url"),
    ];
    for (what, query, param) in cases {
        let r = send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={PK_TEST}&{query}"), &[], "").unwrap();
        assert_eq!(r.status, 400, "{what}: {}", r.body);
        assert!(r.header("content-type").unwrap().starts_with("application/json"), "{what}");
        let e = &r.json()["error"];
        assert_eq!(e["type"], "client_error", "{what}");
        assert_eq!(e["status"], 400, "{what}");
        assert_eq!(e["param"], param, "{what}");
        assert!(e["code"].is_string() && e["message"].is_string(), "{what}: {e}");
        assert!(r.header("location").is_none(), "{what}: nowhere to go");
    }
}

#[test]
fn only_the_accounts_public_key_starts_a_challenge_for_an_object_waiting_for_it() {
    let s = server();
    let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let start = |id: &str, key: &str| send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={key}&back=shop"), &[], "").unwrap();
    assert_eq!(start(&id, PK_OTHER).status, 404, "another account's key");
    assert_eq!(start(&id, SK_TEST).status, 401, "a secret key in a URL");
    assert_eq!(start(&id, "pk_test_nope").status, 401, "not a key");
    assert_eq!(start("tok_nope", PK_TEST).status, 404, "an unknown token");
    assert_eq!(start("cus_nope", PK_TEST).status, 404, "not a kind 3-D Secure takes");
    let plain = plain_token(s.payment, PK_TEST, "4242424242424242");
    assert_eq!(start(&plain, PK_TEST).json()["error"]["code"], "invalid_three_d_secure_status", "a token without 3-D Secure");
    walk_challenge(&s, &id, PK_TEST, "back=shop", "verified");
    finish_token(&s, &id, PK_TEST);
    assert_eq!(start(&id, PK_TEST).json()["error"]["code"], "invalid_three_d_secure_status", "a finished token");
}

#[test]
fn a_session_is_one_challenge_for_one_id_and_ends_at_finish() {
    let s = server();
    let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let other = unverified_token(s.payment, PK_TEST, "4012888888881881");
    let started = send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={PK_TEST}&back=shop"), &[], "").unwrap();
    let session = started.header("location").unwrap().split("?s=").nth(1).unwrap().to_string();
    // Finish before the buyer chose: nothing applied.
    let early = send(s.payment, "GET", &format!("/v1/tds/{id}/finish?s={session}"), &[], "").unwrap();
    assert_eq!(early.json()["error"]["code"], "three_d_secure_incompleted");
    // The session for another id, or a made-up session: refused at the issuer and at finish.
    let wrong = send(s.issuer, "POST", &format!("/issuer/{other}"), &[FORM], &format!("s={session}&code=123456&choice=verified")).unwrap();
    assert_eq!(wrong.status, 400);
    let made_up = send(s.issuer, "GET", &format!("/issuer/{id}?s=00000000000000000000000000000000"), &[], "").unwrap();
    assert_eq!(made_up.status, 400);
    // A wrong code is asked again; a right one goes on to finish.
    let again = send(s.issuer, "POST", &format!("/issuer/{id}"), &[FORM], &format!("s={session}&code=000000&choice=verified")).unwrap();
    assert_eq!(again.status, 200);
    assert!(again.body.contains("role=\"alert\""));
    let chosen = send(s.issuer, "POST", &format!("/issuer/{id}"), &[FORM], &format!("s={session}&code=123456&choice=verified")).unwrap();
    assert_eq!(chosen.status, 303);
    let finish = path_of(chosen.header("location").unwrap());
    assert_eq!(send(s.payment, "GET", &finish, &[], "").unwrap().status, 303);
    // Replayed: the session is gone.
    assert_eq!(send(s.payment, "GET", &finish, &[], "").unwrap().status, 400, "a finish replayed");
    assert_eq!(send(s.issuer, "POST", &format!("/issuer/{id}"), &[FORM], &format!("s={session}&code=123456&choice=failed")).unwrap().status, 400);
    assert_eq!(finish_token(&s, &other, PK_TEST).json()["error"]["code"], "three_d_secure_incompleted", "the other token is untouched");
}

#[test]
fn two_challenges_for_one_object_the_first_to_return_decides() {
    // Two tabs started a challenge for one token; the buyer fails in one and the other (or an
    // attacker holding a second session) says attempted. The failure stands, and once an outcome
    // is in, no third challenge can start.
    let s = server();
    let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let open = |_: ()| {
        let started = send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={PK_TEST}&back=shop"), &[], "").unwrap();
        assert_eq!(started.status, 302, "{}", started.body);
        started.header("location").unwrap().split("?s=").nth(1).unwrap().to_string()
    };
    let (a, b) = (open(()), open(()));
    let choose = |session: &str, choice: &str| {
        let chosen = send(s.issuer, "POST", &format!("/issuer/{id}"), &[FORM], &format!("s={session}&code=123456&choice={choice}")).unwrap();
        send(s.payment, "GET", &path_of(chosen.header("location").unwrap()), &[], "").unwrap()
    };
    assert_eq!(choose(&a, "failed").header("location"), Some("http://localhost:9999/thanks?order=7"));
    let late = choose(&b, "attempted");
    assert_eq!(late.header("location"), Some("http://localhost:9999/thanks?order=7"), "the late buyer still goes back");
    let again = send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={PK_TEST}&back=shop"), &[], "").unwrap();
    assert_eq!(again.json()["error"]["code"], "invalid_three_d_secure_status", "an outcome is in");
    assert_eq!(finish_token(&s, &id, PK_TEST).json()["card"]["three_d_secure_status"], "failed");
}

#[test]
fn the_issuer_is_another_origin_framed_only_by_the_allowed() {
    let s = server();
    let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let started = send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={PK_TEST}&back=shop"), &[], "").unwrap();
    let page = send(s.issuer, "GET", &path_of(started.header("location").unwrap()), &[], "").unwrap();
    assert_ne!(s.issuer.port(), s.payment.port());
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains(&format!("frame-ancestors http://{} {SHOP}", s.payment)), "{csp}");
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"), "no script at all: {csp}");
    for needle in ["name=\"code\"", "value=\"verified\"", "value=\"attempted\"", "value=\"failed\"", "value=\"aborted\"", "123456"] {
        assert!(page.body.contains(needle), "{needle} missing");
    }
    assert!(!page.body.contains("<script"), "no script");
    // The card frames' origin does not serve the issuer.
    assert_eq!(send(s.payment, "GET", &path_of(started.header("location").unwrap()), &[], "").unwrap().status, 404);
    // A test switch makes the issuer refuse every framing.
    assert_eq!(control(&s, r#"{"frame": false}"#).json()["frame"], false);
    let refused = send(s.issuer, "GET", &path_of(started.header("location").unwrap()), &[], "").unwrap();
    assert!(refused.header("content-security-policy").unwrap().contains("frame-ancestors 'none'"));
    assert_eq!(refused.header("x-frame-options"), Some("DENY"));
    control(&s, r#"{"frame": true}"#);
}

#[test]
fn hang_and_auto_switches_are_per_key() {
    let s = server();
    assert_eq!(control(&s, &format!(r#"{{"mode":"auto","outcome":"attempted","key":"{PK_TEST}"}}"#)).status, 200);
    let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let started = send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={PK_TEST}&back=shop"), &[], "").unwrap();
    assert_eq!(started.status, 303, "auto: straight to finish");
    let back = send(s.payment, "GET", &path_of(started.header("location").unwrap()), &[], "").unwrap();
    assert_eq!(back.header("location"), Some("http://localhost:9999/thanks?order=7"));
    assert_eq!(finish_token(&s, &id, PK_TEST).json()["card"]["three_d_secure_status"], "attempted");
    // Another key is not affected; hang offers nothing to click.
    control(&s, &format!(r#"{{"mode":"hang","key":"{PK_OTHER}"}}"#));
    let other = unverified_token(s.payment, PK_OTHER, "4242424242424242");
    let started = send(s.payment, "GET", &format!("/v1/tds/{other}/start?publickey={PK_OTHER}&back=shop"), &[], "").unwrap();
    let page = send(s.issuer, "GET", &path_of(started.header("location").unwrap()), &[], "").unwrap();
    assert!(!page.body.contains("<form"), "a hanging issuer offers nothing to click");
    assert_eq!(control(&s, r#"{"mode":"sideways"}"#).status, 400);
}

#[test]
fn a_page_cannot_drive_the_control_endpoints() {
    let s = server();
    // A no-cors form post from any page: text/plain, with its Origin.
    let plain = send(s.payment, "POST", "/__control/tds", &[("Origin", "http://evil.example"), ("Content-Type", "text/plain")], r#"{"mode":"auto","outcome":"verified"}"#).unwrap();
    assert_eq!(plain.status, 403, "another origin");
    let plain = send(s.payment, "POST", "/__control/tds", &[("Content-Type", "text/plain")], r#"{"mode":"auto","outcome":"verified"}"#).unwrap();
    assert_eq!(plain.status, 415, "not JSON");
    let form = send(s.payment, "POST", "/__control/faults", &[FORM], "fault=drop").unwrap();
    assert_eq!(form.status, 415);
    let evil_json = send(s.payment, "POST", "/__control/reset", &[("Origin", "http://evil.example"), JSON], "{}").unwrap();
    assert_eq!(evil_json.status, 403);
    let preflight = send(s.payment, "OPTIONS", "/__control/tds", &[("Origin", "http://evil.example"), ("Access-Control-Request-Method", "POST")], "").unwrap();
    assert!(preflight.header("access-control-allow-origin").is_none(), "no preflight for a stranger");
    // Nothing changed: the buyer still chooses.
    let id = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let started = send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={PK_TEST}&back=shop"), &[], "").unwrap();
    assert_eq!(started.status, 302, "the issuer is still asked");
    // DNS rebinding: a page on a host name that resolves to 127.0.0.1 is same-origin and sends no
    // Origin with a GET; its Host header still names it.
    for host in ["rebind.evil.example", "rebind.evil.example:80", "127.0.0.1.evil.example"] {
        let r = send(s.payment, "GET", "/__control/stats", &[("Host", host)], "").unwrap();
        assert_eq!((r.status, r.json()["error"]["code"].as_str()), (403, Some("host_not_allowed")), "{host}");
    }
    for host in ["localhost", "LOCALHOST:8080", "pay.localhost:1", "127.0.0.1:9", "[::1]:9"] {
        assert_eq!(send(s.payment, "GET", "/__control/stats", &[("Host", host)], "").unwrap().status, 200, "{host}");
    }
    // The allowed origin and the harness (no Origin, JSON) may.
    assert_eq!(send(s.payment, "POST", "/__control/reset", &[("Origin", SHOP), JSON], "{}").unwrap().status, 200);
    assert_eq!(control(&s, r#"{"mode":"normal"}"#).status, 200);
}

#[test]
fn charge_level_and_saved_card_challenges() {
    let s = server();
    // A charge with three_d_secure=true waits; the buyer's challenge; tds_finish pays it.
    let token = plain_token(s.payment, PK_TEST, "4242424242424242");
    let charge = post_form(s.payment, SK_TEST, "/v1/charges", &format!("card={token}&amount=3980&currency=jpy&three_d_secure=true")).json();
    let ch = charge["id"].as_str().unwrap();
    assert_eq!((charge["paid"].as_bool(), charge["three_d_secure_status"].as_str()), (Some(false), Some("unverified")));
    let back = walk_challenge(&s, ch, PK_TEST, "back=shop", "verified");
    assert_eq!(back.status, 303);
    let done = post_form(s.payment, SK_TEST, &format!("/v1/charges/{ch}/tds_finish"), "").json();
    assert_eq!((done["paid"].as_bool(), done["captured"].as_bool(), done["three_d_secure_status"].as_str()), (Some(true), Some(true), Some("verified")));
    // A customer's saved card: a 3-D Secure request, finished when the challenge returns.
    let token = plain_token(s.payment, PK_TEST, "4012888888881881");
    let customer = post_form(s.payment, SK_TEST, "/v1/customers", &format!("card={token}&email=taro%40example.jp")).json();
    let card = customer["default_card"].as_str().unwrap();
    let tdsr = post_form(s.payment, SK_TEST, "/v1/three_d_secure_requests", &format!("resource_id={card}")).json();
    let tdsr_id = tdsr["id"].as_str().unwrap();
    assert!(tdsr_id.starts_with("tdsr_"));
    assert_eq!(tdsr["state"], "created");
    assert_eq!(walk_challenge(&s, tdsr_id, PK_TEST, "back=shop", "verified").status, 303);
    let finished = get_with(s.payment, SK_TEST, &format!("/v1/three_d_secure_requests/{tdsr_id}")).json();
    assert_eq!((finished["state"].as_str(), finished["three_d_secure_status"].as_str()), (Some("finished"), Some("verified")));
    assert!(finished["finished_at"].is_u64());
    let customer = get_with(s.payment, SK_TEST, &format!("/v1/customers/{}", customer["id"].as_str().unwrap())).json();
    assert_eq!(customer["cards"]["data"][0]["three_d_secure_status"], "verified");
    // Another account's key cannot start either.
    let r = send(s.payment, "GET", &format!("/v1/tds/{tdsr_id}/start?publickey={PK_OTHER}&back=shop"), &[], "").unwrap();
    assert_eq!(r.status, 404);
}
