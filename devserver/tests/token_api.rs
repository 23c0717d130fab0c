//! The devserver's token API over real HTTP: test cards, auth, CORS, the rate limit, faults,
//! CDN test mode, and the merchant origin's charge and request log.

mod common;

use std::time::{Duration, Instant};

use common::*;

const ORIGIN: &str = "http://localhost:9999";

fn server() -> Devserver {
    Devserver::start(&["--rate", "1000", "--allow-origin", ORIGIN])
}

const SUCCESS_CARDS: &[(&str, &str)] = &[
    ("4242424242424242", "Visa"),
    ("4012888888881881", "Visa"),
    ("5555555555554444", "MasterCard"),
    ("5105105105105100", "MasterCard"),
    ("3530111333300000", "JCB"),
    ("3566002020360505", "JCB"),
    ("378282246310005", "American Express"),
    ("371449635398431", "American Express"),
    ("38520000023237", "Diners Club"),
    ("30569309025904", "Diners Club"),
    ("6011111111111117", "Discover"),
    ("6011000990139424", "Discover"),
];

const CARD_FIELDS: &[&str] = &[
    "object", "id", "brand", "last4", "exp_month", "exp_year", "fingerprint", "name", "email", "phone",
    "country", "address_state", "address_city", "address_line1", "address_line2", "address_zip",
    "address_zip_check", "cvc_check", "three_d_secure_status", "customer", "metadata", "livemode", "created",
];

fn cvc_for(number: &str) -> &'static str {
    if number.starts_with("34") || number.starts_with("37") { "1234" } else { "123" }
}

#[test]
fn every_success_card_gets_a_complete_token() {
    let s = server();
    for (number, brand) in SUCCESS_CARDS {
        let r = create_token(s.payment, PK_TEST, &card_form(number, cvc_for(number)));
        assert_eq!(r.status, 200, "{number}: {}", r.body);
        let t = r.json();
        assert_eq!(t["object"], "token");
        assert!(t["id"].as_str().unwrap().starts_with("tok_"));
        assert_eq!(t["livemode"], false);
        assert_eq!(t["used"], false);
        assert!(t["created"].as_u64().unwrap() > 1_700_000_000);
        let card = &t["card"];
        for field in CARD_FIELDS {
            assert!(card.get(field).is_some(), "{number}: card.{field} missing");
        }
        assert!(card["id"].as_str().unwrap().starts_with("car_"));
        assert_eq!(card["brand"], *brand);
        assert_eq!(card["last4"], &number[number.len() - 4..]);
        assert_eq!((card["exp_month"].as_u64(), card["exp_year"].as_u64()), (Some(12), Some(2040)));
        assert_eq!(card["cvc_check"], "passed");
        assert_eq!(card["address_zip_check"], "unchecked");
        assert!(card["three_d_secure_status"].is_null());
        assert!(!r.body.contains(number), "the token must not contain the number");
    }
    // The log shows brand and last4 at most.
    let out = s.output();
    for (number, _) in SUCCESS_CARDS {
        assert!(!out.contains(number), "the server log contains a card number:\n{out}");
    }
    assert!(out.contains("****4242"));
}

#[test]
fn declining_cards_give_exact_card_errors() {
    let s = server();
    for (number, code) in [
        ("4000000000000002", "card_declined"),
        ("4000000000000069", "expired_card"),
        ("4000000000000127", "invalid_cvc"),
        ("4000000000000119", "processing_error"),
        ("36227206271667", "unacceptable_brand"),
    ] {
        let r = create_token(s.payment, PK_TEST, &card_form(number, "123"));
        assert_eq!(r.status, 402, "{number}");
        let e = &r.json()["error"];
        assert_eq!(e["type"], "card_error", "{number}");
        assert_eq!(e["code"], code, "{number}");
        assert_eq!(e["status"], 402);
        assert!(e["message"].is_string());
        let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
        assert!(keys.iter().all(|k| ["code", "message", "param", "status", "type"].contains(&k.as_str())), "{keys:?}");
    }
}

#[test]
fn check_result_cards_and_charge_failures() {
    let s = server();
    let zip_failed = create_token(s.payment, PK_TEST, &format!("{}&card%5Baddress_zip%5D=1000001", card_form("4000000000000036", "123"))).json();
    assert_eq!(zip_failed["card"]["address_zip_check"], "failed");
    assert_eq!(zip_failed["card"]["address_zip"], "1000001");
    assert_eq!(create_token(s.payment, PK_TEST, &card_form("4000000000000101", "123")).json()["card"]["cvc_check"], "failed");
    assert_eq!(create_token(s.payment, PK_TEST, &card_form("4000000000000044", "123")).json()["card"]["cvc_check"], "unavailable");
    for number in ["4000000000080319", "4000000000004012", "4000000000080202", "4000000000000077"] {
        let t = create_token(s.payment, PK_TEST, &card_form(number, "123"));
        assert_eq!(t.status, 200, "{number}: token succeeds");
        let id = t.json()["id"].as_str().unwrap().to_string();
        let charge = send(s.merchant, "POST", "/charge", &[("Content-Type", "application/json")], &format!("{{\"token\":\"{id}\"}}")).unwrap();
        assert_eq!(charge.status, 402, "{number}: the charge fails");
        assert_eq!(charge.json()["error"]["code"], "card_declined");
    }
}

#[test]
fn bad_card_data_gets_payjp_codes() {
    let s = server();
    let cases = [
        ("card%5Bnumber%5D=4242424242424241&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040", "invalid_number"),
        ("card%5Bnumber%5D=424242424242&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040", "invalid_number"),
        ("card%5Bnumber%5D=6221260000000000&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040", "unacceptable_brand"),
        ("card%5Bnumber%5D=4242424242424242&card%5Bexp_month%5D=13&card%5Bexp_year%5D=2040", "invalid_expiry_month"),
        ("card%5Bnumber%5D=4242424242424242&card%5Bexp_month%5D=12&card%5Bexp_year%5D=20401", "invalid_expiry_year"),
        ("card%5Bnumber%5D=4242424242424242&card%5Bexp_month%5D=01&card%5Bexp_year%5D=2020", "invalid_expiration_date"),
        ("card%5Bnumber%5D=4242424242424242&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040&card%5Bcvc%5D=1234", "invalid_cvc"),
        ("card%5Bnumber%5D=378282246310005&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040&card%5Bcvc%5D=123", "invalid_cvc"),
        ("card%5Bnumber%5D=4242424242424242&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040&card%5Bname%5D=%E5%B1%B1%E7%94%B0", "invalid_card_name"),
        ("card%5Bnumber%5D=4242424242424242&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040&card%5Bemail%5D=nope", "invalid_email"),
    ];
    for (body, code) in cases {
        let r = create_token(s.payment, PK_TEST, body);
        assert_eq!(r.status, 402, "{code}: {}", r.body);
        assert_eq!(r.json()["error"]["code"], code, "{body}");
        assert_eq!(r.json()["error"]["type"], "card_error");
    }
    let missing = create_token(s.payment, PK_TEST, "card%5Bexp_month%5D=12");
    assert_eq!(missing.status, 400);
    assert_eq!(missing.json()["error"]["code"], "missing_card");
}

#[test]
fn test_cards_are_refused_in_live_mode() {
    let s = server();
    let r = create_token(s.payment, PK_LIVE, &card_form("4242424242424242", "123"));
    assert_eq!(r.status, 402);
    assert_eq!(r.json()["error"]["code"], "test_card_on_livemode");
}

#[test]
fn fingerprints_are_stable_per_number_and_never_the_number() {
    let s = server();
    let fp = |n: &str| create_token(s.payment, PK_TEST, &card_form(n, "123")).json()["card"]["fingerprint"].as_str().unwrap().to_string();
    let a = fp("4242424242424242");
    assert_eq!(a, fp("4242424242424242"));
    assert_ne!(a, fp("4012888888881881"));
    assert!(!a.contains("4242") && a.len() >= 32, "{a}");
    // Ids are random.
    let t1 = create_token(s.payment, PK_TEST, &card_form("4242424242424242", "123")).json();
    let t2 = create_token(s.payment, PK_TEST, &card_form("4242424242424242", "123")).json();
    assert_ne!(t1["id"], t2["id"]);
    assert_ne!(t1["card"]["id"], t2["card"]["id"]);
    // A server with another secret gives another fingerprint.
    let other = Devserver::start(&["--rate", "1000", "--fingerprint-secret", "other"]);
    let b = create_token(other.payment, PK_TEST, &card_form("4242424242424242", "123")).json();
    assert_ne!(b["card"]["fingerprint"].as_str().unwrap(), a);
}

#[test]
fn retrieve_brands_and_tds_finish() {
    let s = server();
    let auth = basic(PK_TEST);
    let t = create_token(s.payment, PK_TEST, &card_form("4242424242424242", "123")).json();
    let id = t["id"].as_str().unwrap();
    let got = send(s.payment, "GET", &format!("/v1/tokens/{id}"), &[("Authorization", &auth)], "").unwrap();
    assert_eq!(got.status, 200);
    assert_eq!(got.json()["id"], id);
    let other = send(s.payment, "GET", &format!("/v1/tokens/{id}"), &[("Authorization", &basic(PK_OTHER))], "").unwrap();
    assert_eq!(other.status, 404, "another key cannot read it");
    let missing = send(s.payment, "GET", "/v1/tokens/tok_nope", &[("Authorization", &auth)], "").unwrap();
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.json(),
        serde_json::json!({"error":{"code":"invalid_id","message":"No such token: tok_nope","param":"id","status":404,"type":"client_error"}})
    );

    let brands = send(s.payment, "GET", "/v1/accounts/brands", &[("Authorization", &auth)], "").unwrap().json();
    assert_eq!(brands["card_types_supported"].as_array().unwrap().len(), 6);
    assert_eq!(brands["livemode"], false);

    let tds = create_token(s.payment, PK_TEST, &format!("{}&card%5Bname%5D=TARO+YAMADA&card%5Bemail%5D=taro%40example.jp&three_d_secure=true", card_form("4242424242424242", "123"))).json();
    assert_eq!(tds["card"]["three_d_secure_status"], "unverified");
    assert_eq!(tds["card"]["name"], "TARO YAMADA");
    let tds_id = tds["id"].as_str().unwrap();
    let charge = send(s.merchant, "POST", "/charge", &[], &format!("{{\"token\":\"{tds_id}\"}}")).unwrap();
    assert_eq!(charge.json()["error"]["code"], "unverified_token");
    let early = send(s.payment, "POST", &format!("/v1/tokens/{tds_id}/tds_finish"), &[("Authorization", &auth)], "").unwrap();
    assert_eq!(early.json()["error"]["code"], "three_d_secure_incompleted", "not before the challenge");
    let back = walk_challenge(&s, tds_id, PK_TEST, "back=payjp-wasm", "verified");
    assert_eq!(back.status, 303, "{}", back.body);
    let finished = send(s.payment, "POST", &format!("/v1/tokens/{tds_id}/tds_finish"), &[("Authorization", &auth)], "").unwrap();
    assert_eq!(finished.json()["card"]["three_d_secure_status"], "verified");
    let again = send(s.payment, "POST", &format!("/v1/tokens/{id}/tds_finish"), &[("Authorization", &auth)], "").unwrap();
    assert_eq!(again.status, 400, "a token without 3-D Secure cannot be finished");
}

#[test]
fn auth_errors() {
    let s = server();
    let body = card_form("4242424242424242", "123");
    let none = send(s.payment, "POST", "/v1/tokens", &[FORM], &body).unwrap();
    assert_eq!(none.status, 401);
    assert_eq!(none.json()["error"]["type"], "auth_error");
    for bad in ["pk_test_123", "pk_test_0123456789ABCDEF01234567", "pk_prod_0123456789abcdef01234567", "hello"] {
        let r = create_token(s.payment, bad, &body);
        assert_eq!(r.status, 401, "{bad}");
        assert_eq!(r.json()["error"]["type"], "auth_error");
    }
    let secret = create_token(s.payment, "sk_test_0123456789abcdef01234567", &body);
    assert_eq!(secret.status, 401);
    let message = secret.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(message.contains("never") && message.contains("browser"), "{message}");
    assert!(!message.contains("0123456789abcdef"), "the secret key is not echoed: {message}");
}

#[test]
fn cors_preflight_allowed_and_refused_origins() {
    let s = server();
    let pre = send(s.payment, "OPTIONS", "/v1/tokens", &[("Origin", ORIGIN), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "authorization,content-type,x-payjp-client-user-agent")], "").unwrap();
    assert!(pre.status == 204 || pre.status == 200);
    assert_eq!(pre.header("access-control-allow-origin"), Some(ORIGIN));
    let allowed_headers = pre.header("access-control-allow-headers").unwrap().to_ascii_lowercase();
    for h in ["authorization", "content-type", "x-payjp-client-user-agent"] {
        assert!(allowed_headers.contains(h), "{allowed_headers}");
    }
    assert!(pre.header("access-control-allow-methods").unwrap().contains("POST"));

    let auth = basic(PK_TEST);
    let ok = send(s.payment, "POST", "/v1/tokens", &[("Origin", ORIGIN), ("Authorization", &auth), FORM], &card_form("4242424242424242", "123")).unwrap();
    assert_eq!(ok.status, 200);
    assert_eq!(ok.header("access-control-allow-origin"), Some(ORIGIN));
    assert!(ok.header("access-control-expose-headers").unwrap().contains("Retry-After"));

    let evil = "http://evil.example";
    let pre = send(s.payment, "OPTIONS", "/v1/tokens", &[("Origin", evil), ("Access-Control-Request-Method", "POST")], "").unwrap();
    assert_eq!(pre.status, 403);
    assert_eq!(pre.header("access-control-allow-origin"), None);
    let refused = send(s.payment, "POST", "/v1/tokens", &[("Origin", evil), ("Authorization", &auth), FORM], &card_form("4242424242424242", "123")).unwrap();
    assert_eq!(refused.status, 403);
    assert_eq!(refused.header("access-control-allow-origin"), None);
}

#[test]
fn default_allowed_origin_is_the_merchant() {
    let s = Devserver::start(&[]);
    let merchant = format!("http://localhost:{}", s.merchant.port());
    let pre = send(s.payment, "OPTIONS", "/v1/tokens", &[("Origin", &merchant), ("Access-Control-Request-Method", "POST")], "").unwrap();
    assert_eq!(pre.header("access-control-allow-origin"), Some(merchant.as_str()));
    let other = send(s.payment, "OPTIONS", "/v1/tokens", &[("Origin", "http://localhost:1"), ("Access-Control-Request-Method", "POST")], "").unwrap();
    assert_eq!(other.status, 403);
}

const OVER_CAPACITY: &str = r#"{"error":{"code":"over_capacity","message":"The service is over capacity. Please try again later.","status":429,"type":"client_error"}}"#;

#[test]
fn rate_limit_per_key_with_retry_after() {
    let s = Devserver::start(&["--rate", "2"]);
    let body = card_form("4242424242424242", "123");
    assert_eq!(create_token(s.payment, PK_TEST, &body).status, 200);
    assert_eq!(create_token(s.payment, PK_TEST, &body).status, 200);
    let limited = create_token(s.payment, PK_TEST, &body);
    assert_eq!(limited.status, 429);
    assert_eq!(limited.body, OVER_CAPACITY);
    assert_eq!(limited.header("retry-after"), Some("1"));
    // Another key has its own bucket.
    assert_eq!(create_token(s.payment, PK_OTHER, &body).status, 200);
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(create_token(s.payment, PK_TEST, &body).status, 200, "the bucket refills");

    let quiet = Devserver::start(&["--rate", "1", "--no-retry-after"]);
    assert_eq!(create_token(quiet.payment, PK_TEST, &body).status, 200);
    let limited = create_token(quiet.payment, PK_TEST, &body);
    assert_eq!(limited.status, 429);
    assert_eq!(limited.header("retry-after"), None);
}

fn with_fault(s: &Devserver, fault: &str) -> Result<Reply, String> {
    let auth = basic(PK_TEST);
    send(s.payment, "POST", "/v1/tokens", &[("Authorization", &auth), FORM, ("X-Devserver-Fault", fault)], &card_form("4242424242424242", "123"))
}

#[test]
fn faults_by_header() {
    let s = server();
    let start = Instant::now();
    assert_eq!(with_fault(&s, "latency=300").unwrap().status, 200);
    assert!(start.elapsed() >= Duration::from_millis(300), "latency is added");

    let e500 = with_fault(&s, "status=500").unwrap();
    assert_eq!((e500.status, e500.json()["error"]["type"].as_str()), (500, Some("server_error")));
    let e503 = with_fault(&s, "status=503").unwrap();
    assert_eq!((e503.status, e503.json()["error"]["type"].as_str()), (503, Some("server_error")));
    let e429 = with_fault(&s, "status=429").unwrap();
    assert_eq!((e429.status, e429.body.as_str()), (429, OVER_CAPACITY));

    let html = with_fault(&s, "html403").unwrap();
    assert_eq!(html.status, 403);
    assert!(html.header("content-type").unwrap().starts_with("text/html"));
    assert!(html.body.starts_with("<!DOCTYPE html>"));

    let truncated = with_fault(&s, "truncated").unwrap();
    assert_eq!(truncated.status, 200);
    assert!(serde_json::from_str::<serde_json::Value>(&truncated.body).is_err());
    let garbage = with_fault(&s, "garbage").unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&garbage.body).is_err());

    assert!(with_fault(&s, "drop").is_err(), "the connection is dropped without a response");
    // `lost`: the token is made, and its answer breaks off after the headers.
    let stats = || send(s.payment, "GET", &format!("/__control/stats?key={PK_TEST}"), &[], "").unwrap().json()["tokens_created"].as_u64().unwrap();
    let before = stats();
    let lost = with_fault(&s, "lost");
    assert!(lost.as_ref().map_or(true, |r| serde_json::from_str::<serde_json::Value>(&r.body).is_err()), "no token reaches the client: {:?}", lost.map(|r| r.status));
    assert_eq!(stats(), before + 1, "the token was created");
    let bad = with_fault(&s, "explode").unwrap();
    assert_eq!(bad.status, 400);
    // The server still answers after all that.
    assert_eq!(with_fault(&s, "").unwrap().status, 200);
}

#[test]
fn faults_by_control_endpoint_apply_to_the_next_requests() {
    let s = server();
    let queued = send(s.payment, "POST", "/__control/faults", &[JSON], r#"{"fault":"status=503","count":2}"#).unwrap();
    assert_eq!(queued.status, 200);
    let body = card_form("4242424242424242", "123");
    assert_eq!(create_token(s.payment, PK_TEST, &body).status, 503);
    assert_eq!(create_token(s.payment, PK_TEST, &body).status, 503);
    assert_eq!(create_token(s.payment, PK_TEST, &body).status, 200);
    send(s.payment, "POST", "/__control/faults", &[JSON], r#"{"fault":"drop"}"#).unwrap();
    let auth = basic(PK_TEST);
    assert!(send(s.payment, "POST", "/v1/tokens", &[("Authorization", &auth), FORM], &body).is_err(), "a queued drop drops");
    let stats = send(s.payment, "GET", "/__control/stats", &[], "").unwrap().json();
    assert_eq!(stats["token_requests"], 3, "dropped requests never reach the API: {stats}");
    assert_eq!(stats["tokens_created"], 1);
    let bad = send(s.payment, "POST", "/__control/faults", &[JSON], r#"{"fault":"status=418"}"#).unwrap();
    assert_eq!(bad.status, 400);
    // A count is stored as that many entries: one too many is refused, not a crash (it was a
    // capacity overflow, or an allocation that aborted the devserver).
    for count in ["1001", "100000000000", "18446744073709551615"] {
        let r = send(s.payment, "POST", "/__control/faults", &[JSON], &format!(r#"{{"fault":"drop","count":{count}}}"#)).unwrap();
        assert_eq!((r.status, r.json()["error"]["code"].as_str()), (400, Some("invalid_fault")), "{count}");
    }
    assert_eq!(create_token(s.payment, PK_TEST, &body).status, 200, "nothing was queued, and the server still answers");
    send(s.payment, "POST", "/__control/reset", &[JSON], "").unwrap();
    assert_eq!(send(s.payment, "GET", "/__control/stats", &[], "").unwrap().json()["requests"], 0);
}

#[test]
fn cdn_test_mode_answers_everything_with_the_test_response() {
    let s = Devserver::start(&["--cdn-test"]);
    let expected = r#"{"error":{"message":"Test response.","status":404,"type":"client_error"}}"#;
    for (method, path) in [("POST", "/v1/tokens"), ("GET", "/v1/accounts/brands"), ("GET", "/v1/tokens/tok_x"), ("GET", "/v1/anything")] {
        let r = send(s.payment, method, path, &[("Authorization", &basic(PK_TEST)), FORM], &card_form("4242424242424242", "123")).unwrap();
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.body, expected, "{path}");
    }
    let no_auth = send(s.payment, "POST", "/v1/tokens", &[], "").unwrap();
    assert_eq!((no_auth.status, no_auth.body.as_str()), (404, expected));
}

#[test]
fn merchant_charges_tokens_once_and_records_every_request() {
    let s = server();
    let t = create_token(s.payment, PK_TEST, &card_form("4242424242424242", "123")).json();
    let id = t["id"].as_str().unwrap();
    let body = format!("{{\"token\":\"{id}\",\"amount\":3980}}");
    let charge = send(s.merchant, "POST", "/charge", &[("Content-Type", "application/json")], &body).unwrap();
    assert_eq!(charge.status, 200, "{}", charge.body);
    let c = charge.json();
    assert_eq!((c["object"].as_str(), c["amount"].as_u64(), c["paid"].as_bool()), (Some("charge"), Some(3980), Some(true)));
    assert_eq!(c["card"]["last4"], "4242");
    let again = send(s.merchant, "POST", "/charge", &[], &body).unwrap();
    assert_eq!(again.json()["error"]["code"], "token_already_used");
    let unknown = send(s.merchant, "POST", "/charge", &[], r#"{"token":"tok_unknown"}"#).unwrap();
    assert_eq!(unknown.status, 404);
    send(s.merchant, "GET", "/index.html?x=1", &[], "").unwrap();

    let log = send(s.merchant, "GET", "/__log", &[], "").unwrap().json();
    let entries = log.as_array().unwrap();
    assert!(entries.iter().any(|e| e["body"] == body.as_str()), "{log}");
    assert!(entries.iter().any(|e| e["uri"] == "/index.html?x=1"), "{log}");
    assert!(!log.to_string().contains("4242424242424242"));
    // The merchant page and the package are served.
    assert_eq!(send(s.merchant, "GET", "/", &[], "").unwrap().status, 200);
}

#[test]
fn faults_and_counters_can_be_scoped_to_one_key() {
    let s = server();
    let body = card_form("4242424242424242", "123");
    let queued = send(s.payment, "POST", "/__control/faults", &[JSON], &format!(r#"{{"fault":"status=500","count":1,"key":"{PK_OTHER}"}}"#)).unwrap();
    assert_eq!(queued.status, 200);
    assert_eq!(create_token(s.payment, PK_TEST, &body).status, 200, "another key is not affected");
    assert_eq!(create_token(s.payment, PK_OTHER, &body).status, 500);
    assert_eq!(create_token(s.payment, PK_OTHER, &body).status, 200);
    let mine = send(s.payment, "GET", &format!("/__control/stats?key={PK_OTHER}"), &[], "").unwrap().json();
    assert_eq!((mine["token_requests"].as_u64(), mine["tokens_created"].as_u64(), mine["faults_applied"].as_u64()), (Some(2), Some(1), Some(1)));
    let unknown = send(s.payment, "GET", "/__control/stats?key=sk_test_never_seen", &[], "").unwrap().json();
    assert_eq!(unknown["requests"], 0);
    let all = send(s.payment, "GET", "/__control/stats", &[], "").unwrap().json();
    assert_eq!(all["token_requests"], 3);
}

#[test]
fn the_demo_merchant_charges_an_order_once() {
    let s = server();
    let json = [("Content-Type", "application/json")];
    let charge = |token: &str, order: &str| send(s.merchant, "POST", "/charge", &json, &format!("{{\"token\":\"{token}\",\"order\":\"{order}\"}}")).unwrap();
    let first = plain_token(s.payment, PK_TEST, "4242424242424242");
    let made = charge(&first, "order-1");
    assert_eq!(made.status, 200);
    // The same checkout again, with the same token or a new one: the first charge, no second.
    let again = charge(&first, "order-1");
    assert_eq!((again.status, again.json()["id"].clone()), (200, made.json()["id"].clone()));
    let second = plain_token(s.payment, PK_TEST, "4242424242424242");
    assert_eq!(charge(&second, "order-1").json()["id"], made.json()["id"]);
    // Another order is another charge, and a declined order can be paid with another card.
    let other = charge(&second, "order-2");
    assert_eq!(other.status, 200);
    assert_ne!(other.json()["id"], made.json()["id"]);
    let declined = plain_token(s.payment, PK_TEST, "4000000000000077");
    assert_eq!(charge(&declined, "order-3").status, 402);
    let retry = plain_token(s.payment, PK_TEST, "4242424242424242");
    assert_eq!(charge(&retry, "order-3").status, 200);
}
