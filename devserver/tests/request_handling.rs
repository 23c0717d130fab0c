//! How the devserver reads requests, over real HTTP: form bodies with PAY.JP's bracketed and
//! repeated keys, the key from Basic auth, JSON bodies of the control endpoints and the demo
//! merchant; and every request it cannot read answered with PAY.JP's error body, checked in the
//! order PAY.JP checks (the key before the body).

mod common;

use common::*;

fn server() -> Devserver {
    Devserver::start(&["--rate", "1000"])
}

/// Asserts PAY.JP's error shape and returns the code.
fn error_code(r: &Reply, status: u16) -> String {
    assert_eq!(r.status, status, "{}", r.body);
    assert!(r.header("content-type").unwrap().starts_with("application/json"), "{:?}", r.headers);
    let e = &r.json()["error"];
    assert_eq!(e["status"], status, "{e}");
    assert!(e["type"].is_string() && e["message"].is_string(), "{e}");
    let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
    assert!(keys.iter().all(|k| ["code", "message", "param", "status", "type"].contains(&k.as_str())), "{keys:?}");
    e["code"].as_str().unwrap_or_default().to_string()
}

#[test]
fn form_bodies_take_raw_brackets_and_the_first_of_repeated_keys() {
    let s = server();
    let body = "card[number]=4242424242424242&card[number]=5555555555554444&card[exp_month]=12&card[exp_year]=2040&card[name]=TARO+YAMADA";
    let t = create_token(s.payment, PK_TEST, body);
    assert_eq!(t.status, 200, "{}", t.body);
    assert_eq!((t.json()["card"]["last4"].as_str(), t.json()["card"]["name"].as_str()), (Some("4242"), Some("TARO YAMADA")));
    // An empty field is no field.
    let t = create_token(s.payment, PK_TEST, &format!("{}&card%5Bemail%5D=", card_form("4242424242424242", "123")));
    assert!(t.json()["card"]["email"].is_null(), "{}", t.body);
}

#[test]
fn bodies_that_are_not_forms_get_payjps_400_and_never_echo_the_card() {
    let s = server();
    let auth = basic(PK_TEST);
    for content_type in ["application/json", "text/plain", "multipart/form-data; boundary=x"] {
        let r = send(s.payment, "POST", "/v1/tokens", &[("Authorization", &auth), ("Content-Type", content_type)], &card_form("4242424242424242", "123")).unwrap();
        assert_eq!(error_code(&r, 400), "invalid_request_body", "{content_type}");
        assert!(!r.body.contains("4242424242424242"), "{}", r.body);
    }
    let none = send(s.payment, "POST", "/v1/tokens", &[("Authorization", &auth)], &card_form("4242424242424242", "123")).unwrap();
    assert_eq!(error_code(&none, 400), "invalid_request_body");
    // The key is checked before the body: a secret key is refused whatever it sent.
    let secret = send(s.payment, "POST", "/v1/tokens", &[("Authorization", &basic(SK_TEST)), ("Content-Type", "application/json")], "{}").unwrap();
    assert_eq!(secret.status, 401, "{}", secret.body);
    let public = send(s.payment, "POST", "/v1/customers", &[("Authorization", &auth), ("Content-Type", "application/json")], "{}").unwrap();
    assert_eq!(public.status, 401, "{}", public.body);
}

#[test]
fn basic_auth_is_read_as_rfc_7617_says() {
    use base64::Engine;
    let s = server();
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let body = card_form("4242424242424242", "123");
    let with = |auth: String| send(s.payment, "POST", "/v1/tokens", &[("Authorization", &auth), FORM], &body).unwrap();
    assert_eq!(with(format!("basic {}", b64(&format!("{PK_TEST}:")))).status, 200, "the scheme in any case");
    assert_eq!(with(format!("Basic {}", b64(&format!("{PK_TEST}:anything")))).status, 200, "a password is ignored");
    for bad in [format!("Basic {}", b64(PK_TEST)), format!("Bearer {PK_TEST}"), "Basic !!!".to_string()] {
        let r = with(bad.clone());
        assert_eq!(error_code(&r, 401), "", "{bad}");
        assert_eq!(r.json()["error"]["type"], "auth_error");
    }
}

#[test]
fn control_and_merchant_json_bodies_that_cannot_be_read_get_payjps_400() {
    let s = server();
    for (path, body) in [("/__control/faults", "{"), ("/__control/faults", r#"{"fault":"status=500","count":"2"}"#), ("/__control/tds", "[]"), ("/__control/tds", r#"{"frame":"no"}"#)] {
        let r = send(s.payment, "POST", path, &[JSON], body).unwrap();
        assert_eq!(error_code(&r, 400), "invalid_body", "{path} {body}");
    }
    // Nothing was queued by the refused requests.
    assert_eq!(create_token(s.payment, PK_TEST, &card_form("4242424242424242", "123")).status, 200);
    let r = send(s.merchant, "POST", "/charge", &[], "token=tok_x").unwrap();
    assert_eq!(error_code(&r, 400), "invalid_body");
    let r = send(s.merchant, "POST", "/charge", &[JSON], "{}").unwrap();
    assert_eq!(error_code(&r, 400), "missing_param");
}

#[test]
fn query_strings_are_decoded() {
    let s = server();
    // `key` is percent-decoded like every other parameter.
    create_token(s.payment, PK_OTHER, &card_form("4242424242424242", "123"));
    let encoded = PK_OTHER.replace('_', "%5F");
    let mine = send(s.payment, "GET", &format!("/__control/stats?key={encoded}"), &[], "").unwrap().json();
    assert_eq!(mine["tokens_created"], 1, "{mine}");
    // A tenant named with `+` for a space, as forms encode it.
    send(s.payment, "GET", "/v1/accounts/brands?tenant=ten+ant", &[("Authorization", &basic(PK_TEST))], "").unwrap();
    let mine = send(s.payment, "GET", &format!("/__control/stats?key={PK_TEST}"), &[], "").unwrap().json();
    assert_eq!(mine["last_tenant"], "ten ant", "{mine}");
}

/// `/v1/` itself, which the `/v1` routes' catch-all does not reach, and a known URL with a method
/// it does not take answer as every unknown API URL does (found by
/// fuzz/fuzz_targets/devserver_request.rs: they were axum's empty 404 and 405).
#[test]
fn unknown_api_urls_and_methods_get_payjps_404() {
    let s = server();
    for (method, path) in [
        ("GET", "/v1/"), ("POST", "/v1/"), ("GET", "/v1/nothing"), ("GET", "/v1/tokens/a/b/c"),
        ("POST", "/v1/tokens/tok_1"), ("GET", "/v1/tokens"), ("PUT", "/v1/charges"), ("DELETE", "/v1/accounts/brands"),
    ] {
        let r = send(s.payment, method, path, &[("Authorization", &basic(PK_TEST))], "").unwrap();
        assert_eq!(error_code(&r, 404), "invalid_request", "{method} {path}");
    }
}
