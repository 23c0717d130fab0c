//! The server API a merchant's backend calls with its secret key, over real HTTP: charges (token
//! or customer, capture now or later, failures the test cards carry), customers, tokens retrieved
//! and finished with the secret key; and the key rules: secret keys only here, public keys only
//! for tokens, and one account never sees another's objects.

mod common;

use common::*;

fn server() -> Devserver {
    Devserver::start(&["--rate", "1000"])
}

#[test]
fn help_prints_the_demo_key_pair() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_devserver")).arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains(PK_TEST) && text.contains(SK_TEST), "{text}");
}

#[test]
fn a_charge_with_a_token_has_payjps_shape_and_uses_the_token_up() {
    let s = server();
    let token = plain_token(s.payment, PK_TEST, "4242424242424242");
    let r = post_form(s.payment, SK_TEST, "/v1/charges", &format!("card={token}&amount=3980&currency=jpy&description=order+7"));
    assert_eq!(r.status, 200, "{}", r.body);
    let c = r.json();
    for field in ["object", "id", "amount", "amount_refunded", "captured", "captured_at", "card", "created", "currency", "customer", "description", "expired_at", "failure_code", "failure_message", "livemode", "metadata", "paid", "refunded", "three_d_secure_status"] {
        assert!(c.get(field).is_some(), "charge.{field} missing: {c}");
    }
    assert_eq!(c["object"], "charge");
    assert!(c["id"].as_str().unwrap().starts_with("ch_"));
    assert_eq!((c["amount"].as_u64(), c["paid"].as_bool(), c["captured"].as_bool()), (Some(3980), Some(true), Some(true)));
    assert_eq!(c["card"]["last4"], "4242");
    assert_eq!(c["description"], "order 7");
    assert_eq!(get_with(s.payment, SK_TEST, &format!("/v1/charges/{}", c["id"].as_str().unwrap())).json(), c, "retrieved as made");
    let again = post_form(s.payment, SK_TEST, "/v1/charges", &format!("card={token}&amount=3980&currency=jpy"));
    assert_eq!(again.json()["error"]["code"], "token_already_used");
    assert_eq!(get_with(s.payment, SK_TEST, &format!("/v1/tokens/{token}")).json()["used"], true);
}

#[test]
fn authorize_now_capture_later() {
    let s = server();
    let token = plain_token(s.payment, PK_TEST, "5555555555554444");
    let c = post_form(s.payment, SK_TEST, "/v1/charges", &format!("card={token}&amount=1200&currency=jpy&capture=false")).json();
    assert_eq!((c["paid"].as_bool(), c["captured"].as_bool()), (Some(true), Some(false)));
    assert!(c["expired_at"].is_u64(), "an authorization expires");
    let id = c["id"].as_str().unwrap();
    let captured = post_form(s.payment, SK_TEST, &format!("/v1/charges/{id}/capture"), "").json();
    assert_eq!(captured["captured"], true);
    assert!(captured["captured_at"].is_u64());
    assert_eq!(post_form(s.payment, SK_TEST, &format!("/v1/charges/{id}/capture"), "").json()["error"]["code"], "already_captured");
}

#[test]
fn bad_charges_get_payjps_errors() {
    let s = server();
    let token = plain_token(s.payment, PK_TEST, "4242424242424242");
    let cases = [
        (format!("card={token}&currency=jpy"), "invalid_param", 400),
        (format!("card={token}&amount=10&currency=jpy"), "invalid_amount", 400),
        (format!("card={token}&amount=1000&currency=usd"), "invalid_currency", 400),
        (format!("card={token}&amount=1000&capture=maybe"), "invalid_param", 400),
        ("amount=1000&currency=jpy".to_string(), "missing_card", 400),
        ("card=tok_nope&amount=1000&currency=jpy".to_string(), "invalid_id", 404),
    ];
    for (body, code, status) in cases {
        let r = post_form(s.payment, SK_TEST, "/v1/charges", &body);
        assert_eq!((r.status, r.json()["error"]["code"].as_str()), (status, Some(code)), "{body}: {}", r.body);
    }
    // A card whose token succeeds but whose charge is declined.
    let token = plain_token(s.payment, PK_TEST, "4000000000080319");
    let r = post_form(s.payment, SK_TEST, "/v1/charges", &format!("card={token}&amount=1000&currency=jpy"));
    assert_eq!((r.status, r.json()["error"]["type"].as_str()), (402, Some("card_error")), "{}", r.body);
    // A token waiting for 3-D Secure is not chargeable until tds_finish.
    let tds = unverified_token(s.payment, PK_TEST, "4242424242424242");
    let r = post_form(s.payment, SK_TEST, "/v1/charges", &format!("card={tds}&amount=1000&currency=jpy"));
    assert_eq!(r.json()["error"]["code"], "unverified_token");
}

#[test]
fn a_customer_keeps_the_card_and_is_charged_by_id() {
    let s = server();
    let token = plain_token(s.payment, PK_TEST, "3530111333300000");
    let cus = post_form(s.payment, SK_TEST, "/v1/customers", &format!("card={token}&email=taro%40example.jp&description=taro")).json();
    assert_eq!(cus["object"], "customer");
    assert!(cus["id"].as_str().unwrap().starts_with("cus_"));
    assert_eq!(cus["email"], "taro@example.jp");
    assert_eq!(cus["cards"]["data"][0]["brand"], "JCB");
    assert_eq!(cus["cards"]["data"][0]["customer"], cus["id"]);
    let c = post_form(s.payment, SK_TEST, "/v1/charges", &format!("customer={}&amount=500&currency=jpy", cus["id"].as_str().unwrap())).json();
    assert_eq!((c["paid"].as_bool(), c["customer"].as_str()), (Some(true), cus["id"].as_str()));
    assert_eq!(c["card"]["id"], cus["default_card"]);
    assert_eq!(post_form(s.payment, SK_TEST, "/v1/customers", &format!("card={token}")).json()["error"]["code"], "token_already_used");
}

#[test]
fn keys_go_where_they_belong() {
    let s = server();
    let token = plain_token(s.payment, PK_TEST, "4242424242424242");
    // The server API takes secret keys only.
    for (method, path) in [("POST", "/v1/charges"), ("POST", "/v1/customers"), ("POST", "/v1/three_d_secure_requests"), ("GET", "/v1/charges/ch_x")] {
        let r = send(s.payment, method, path, &[("Authorization", &basic(PK_TEST)), FORM], &format!("card={token}&amount=1000")).unwrap();
        assert_eq!((r.status, r.json()["error"]["type"].as_str()), (401, Some("auth_error")), "{method} {path}");
    }
    // Tokens are made with public keys only.
    let r = create_token(s.payment, SK_TEST, &card_form("4242424242424242", "123"));
    assert_eq!(r.status, 401);
    assert!(r.json()["error"]["message"].as_str().unwrap().contains("must never be used in a browser"));
    // A secret key shipped to a browser: every browser request carries Origin, PAY.JP's
    // libraries never do.
    // (The merchant's own page and the payment origin's pages are allowed origins for tokens.)
    for origin in [format!("http://localhost:{}", s.merchant.port()), format!("http://{}", s.payment)] {
        let r = send(s.payment, "POST", "/v1/charges", &[("Authorization", &basic(SK_TEST)), ("Origin", &origin), FORM], &format!("card={token}&amount=1000&currency=jpy")).unwrap();
        assert_eq!((r.status, r.json()["error"]["code"].as_str()), (403, Some("secret_key_in_browser")), "{origin}");
        assert!(r.body.contains("Keep it on your server"), "{}", r.body);
    }
    // An account sees its own objects only, with either of its keys.
    assert_eq!(get_with(s.payment, PK_TEST, &format!("/v1/tokens/{token}")).status, 200);
    assert_eq!(get_with(s.payment, SK_TEST, &format!("/v1/tokens/{token}")).status, 200);
    assert_eq!(get_with(s.payment, SK_OTHER, &format!("/v1/tokens/{token}")).status, 404);
    assert_eq!(post_form(s.payment, SK_OTHER, "/v1/charges", &format!("card={token}&amount=1000&currency=jpy")).status, 404);
    let c = post_form(s.payment, SK_TEST, "/v1/charges", &format!("card={token}&amount=1000&currency=jpy")).json();
    assert_eq!(get_with(s.payment, SK_OTHER, &format!("/v1/charges/{}", c["id"].as_str().unwrap())).status, 404);
    // A body that is not a form gets PAY.JP's error shape.
    let r = send(s.payment, "POST", "/v1/charges", &[("Authorization", &basic(SK_TEST)), ("Content-Type", "application/json")], "{}").unwrap();
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["type"], "client_error");
}
