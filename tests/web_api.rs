//! The token client in real browsers against a live devserver (started by
//! scripts/with-devserver.sh): real tokens, retries on 429, the retry budget, timeouts, block
//! pages, CDN test mode, refused secret keys, and one request per user action.
//!
//! wasm-bindgen-test runs these concurrently, so each test uses its own public key, and queues
//! faults and reads counters for that key only.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Promise, Reflect};
use payjp_wasm::api::{CardData, TokenRequest};
use payjp_wasm::js::payjp::{payjp, PayjpInstance};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn api_base() -> &'static str {
    option_env!("PAYJP_TEST_API_BASE").expect("run the browser tests through scripts/with-devserver.sh (make test-chromium)")
}

fn cdn_api_base() -> &'static str {
    option_env!("PAYJP_TEST_CDN_API_BASE").expect("run the browser tests through scripts/with-devserver.sh")
}

/// The server's origin, for its control endpoints.
fn control(path: &str) -> String {
    format!("{}{path}", api_base().trim_end_matches("/v1"))
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn s(v: &JsValue, key: &str) -> Option<String> {
    get(v, key).as_string()
}

fn options(base: &str, extra: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"apiBase".into(), &base.into()).unwrap();
    for (k, v) in extra {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn client(key: &str) -> PayjpInstance {
    payjp(key.into(), options(api_base(), &[])).unwrap_or_else(|_| panic!("client for {key}"))
}

fn card(number: &str) -> TokenRequest {
    let mut c = CardData::default();
    c.number = number.into();
    c.cvc = "123".into();
    c.exp_month = "12".into();
    c.exp_year = "2040".into();
    TokenRequest { card: c, ..TokenRequest::default() }
}

async fn wait(p: Promise) -> JsValue {
    JsFuture::from(p).await.expect("API promises never reject")
}

async fn post_control(path: &str, body: &str) -> JsValue {
    let r = gloo_net::http::Request::post(&control(path)).header("content-type", "application/json").body(body).unwrap().send().await.unwrap();
    assert!(r.ok(), "control {path}: {}", r.status());
    JsValue::from_str(&r.text().await.unwrap())
}

/// A counter of the devserver for requests made with `key`.
async fn stat(key: &str, counter: &str) -> f64 {
    let url = format!("{}?key={key}", control("/__control/stats"));
    let r = gloo_net::http::Request::get(&url).send().await.unwrap();
    let stats = js_sys::JSON::parse(&r.text().await.unwrap()).unwrap();
    get(&stats, counter).as_f64().unwrap()
}

/// Queues `fault` for the next `count` requests made with `key`.
async fn fault(key: &str, fault: &str, count: u32) {
    post_control("/__control/faults", &format!(r#"{{"fault":"{fault}","count":{count},"key":"{key}"}}"#)).await;
}

fn error_code(result: &JsValue) -> Option<String> {
    let e = get(result, "error");
    if e.is_undefined() { None } else { s(&e, "code") }
}

#[wasm_bindgen_test]
async fn creates_a_real_token() {
    let key = "pk_test_00000000000000000000000a";
    let r = wait(client(key).create_token(card("4242424242424242"))).await;
    assert!(s(&r, "id").unwrap().starts_with("tok_"), "{r:?}");
    let c = get(&r, "card");
    assert_eq!(s(&c, "brand").as_deref(), Some("Visa"));
    assert_eq!(s(&c, "last4").as_deref(), Some("4242"));
    assert_eq!(get(&c, "exp_year").as_f64(), Some(2040.0));
    assert_eq!(get(&r, "livemode").as_bool(), Some(false));
    assert_eq!(stat(key, "tokens_created").await, 1.0);
}

#[wasm_bindgen_test]
async fn declines_resolve_as_localized_errors() {
    let ja = wait(client("pk_test_00000000000000000000000b").create_token(card("4000000000000002"))).await;
    let e = get(&ja, "error");
    assert_eq!(s(&e, "type").as_deref(), Some("card_error"));
    assert_eq!(s(&e, "code").as_deref(), Some("card_declined"));
    assert_eq!(get(&e, "status").as_f64(), Some(402.0));
    assert_eq!(s(&e, "apiMessage").as_deref(), Some("Card declined"));
    assert!(s(&e, "message").unwrap().contains("カード"));
    let en = payjp("pk_test_00000000000000000000000c".into(), options(api_base(), &[("locale", "en".into())])).unwrap();
    let r = wait(en.create_token(card("4000000000000069"))).await;
    assert_eq!(s(&get(&r, "error"), "message").as_deref(), Some("Your card has expired."));
}

#[wasm_bindgen_test]
async fn retries_a_429_then_succeeds() {
    let key = "pk_test_00000000000000000000000d";
    fault(key, "status=429", 1).await;
    let r = wait(client(key).create_token(card("5555555555554444"))).await;
    assert!(s(&r, "id").is_some(), "{r:?}");
    assert_eq!(stat(key, "token_requests").await, 2.0, "one 429 and one retry");
}

#[wasm_bindgen_test]
async fn gives_up_after_the_retry_budget() {
    let key = "pk_test_00000000000000000000000e";
    fault(key, "status=429", 10).await;
    let r = wait(client(key).create_token(card("4242424242424242"))).await;
    assert_eq!(error_code(&r).as_deref(), Some("over_capacity"));
    assert_eq!(get(&get(&r, "error"), "status").as_f64(), Some(429.0));
    // The second retry goes only if the backoff (Retry-After 1 s plus a random share of 8 s,
    // then of 16 s) leaves 5 s of the 15 s deadline: it may or may not.
    let sent = stat(key, "token_requests").await;
    assert!(sent == 2.0 || sent == 3.0, "one try and at most two retries, not {sent}");
}

#[wasm_bindgen_test]
async fn a_timeout_is_a_network_error_with_its_own_code() {
    let key = "pk_test_00000000000000000000000f";
    fault(key, "latency=3000", 1).await;
    let p = payjp(key.into(), options(api_base(), &[("timeout", 300.into())])).unwrap();
    let r = wait(p.create_token(card("4242424242424242"))).await;
    let e = get(&r, "error");
    assert_eq!((s(&e, "type").as_deref(), s(&e, "code").as_deref()), (Some("network_error"), Some("timeout")));
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_a_network_error() {
    let key = "pk_test_000000000000000000000010";
    // Browsers silently resend when a reused connection closes (Firefox more than once): drop
    // those resends too.
    fault(key, "drop", 5).await;
    let r = wait(client(key).create_token(card("4242424242424242"))).await;
    assert_eq!(error_code(&r).as_deref(), Some("network_error"));
    assert_eq!(stat(key, "tokens_created").await, 0.0);
}

#[wasm_bindgen_test]
async fn an_html_block_page_is_an_invalid_response() {
    let key = "pk_test_000000000000000000000011";
    fault(key, "html403", 1).await;
    let r = wait(client(key).create_token(card("4242424242424242"))).await;
    let e = get(&r, "error");
    assert_eq!((s(&e, "type").as_deref(), s(&e, "code").as_deref()), (Some("api_error"), Some("invalid_response")));
    assert_eq!(get(&e, "status").as_f64(), Some(403.0));
    assert!(s(&e, "message").unwrap().contains("CDN"));
    let key = "pk_test_000000000000000000000012";
    fault(key, "truncated", 1).await;
    let r = wait(client(key).create_token(card("4242424242424242"))).await;
    assert_eq!(error_code(&r).as_deref(), Some("invalid_response"));
}

#[wasm_bindgen_test]
async fn cdn_test_mode() {
    let p = payjp("pk_test_000000000000000000000013".into(), options(cdn_api_base(), &[])).unwrap();
    let check = wait(p.check_connection()).await;
    assert_eq!(get(&check, "reachable").as_bool(), Some(true), "PAY.JP-shaped error JSON counts as reachable");
    assert_eq!(get(&check, "status").as_f64(), Some(404.0));
    assert!(get(&check, "latencyMs").as_f64().unwrap() >= 0.0);
    let r = wait(p.create_token(card("4242424242424242"))).await;
    let e = get(&r, "error");
    assert_eq!(s(&e, "type").as_deref(), Some("client_error"));
    assert_eq!(s(&e, "apiMessage").as_deref(), Some("Test response."));
    assert_eq!(get(&e, "status").as_f64(), Some(404.0));
}

#[wasm_bindgen_test]
async fn check_connection_and_availability_against_the_api() {
    let key = "pk_test_000000000000000000000014";
    let p = client(key);
    let check = wait(p.check_connection()).await;
    assert_eq!((get(&check, "reachable").as_bool(), get(&check, "status").as_f64()), (Some(true), Some(200.0)));
    let brands = wait(p.retrieve_availability(JsValue::UNDEFINED)).await;
    assert_eq!(js_sys::Array::from(&get(&brands, "card_types_supported")).length(), 6);
    fault(key, "html403", 1).await;
    let blocked = wait(p.check_connection()).await;
    assert_eq!(s(&blocked, "reason").as_deref(), Some("blocked"));
    // Firefox resends a dropped GET many times over: drop them all.
    fault(key, "drop", 30).await;
    let down = wait(p.check_connection()).await;
    assert_eq!((get(&down, "reachable").as_bool(), s(&down, "reason").as_deref()), (Some(false), Some("network")), "{:?}", js_sys::JSON::stringify(&down));
}

#[wasm_bindgen_test]
async fn a_secret_key_is_refused_at_once() {
    let secret = "sk_test_0123456789abcdef01234567";
    let err = payjp(secret.into(), options(api_base(), &[])).err().expect("throws");
    let err: js_sys::Error = err.dyn_into().unwrap();
    let message: String = err.message().into();
    assert!(message.contains("Secret keys must never be used in a browser"), "{message}");
    assert!(!message.contains("0123456789abcdef"), "the key is not echoed");
    for (key, base) in [("pk_test_x", "http://api.example/v1"), ("nope", "https://api.pay.jp/v1")] {
        assert!(payjp(key.into(), options(base, &[])).is_err(), "{key} {base}");
    }
    assert!(payjp(JsValue::from(1), JsValue::UNDEFINED).err().unwrap().is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
async fn a_double_call_makes_one_request() {
    let key = "pk_test_000000000000000000000015";
    let p = client(key);
    let first = p.create_token(card("3530111333300000"));
    let second = p.create_token(card("3530111333300000"));
    assert!(Object::is(&first, &second), "the second call joins the first");
    let (a, b) = (wait(first.clone()).await, wait(second).await);
    assert_eq!(s(&a, "id"), s(&b, "id"));
    assert_eq!(stat(key, "token_requests").await, 1.0);
    // The same card right after the answer (a double click landing late): the same answer.
    assert!(Object::is(&first, &p.create_token(card("3530111333300000"))), "the answer is shared for 2 s");
    // Another card right after waits out the cool-down, then goes.
    let start = js_sys::Date::now();
    let c = wait(p.create_token(card("4242424242424242"))).await;
    assert!(js_sys::Date::now() - start >= 1_500.0, "waited for the cool-down");
    assert_ne!(s(&c, "id"), s(&a, "id"));
    assert_eq!(stat(key, "token_requests").await, 2.0);
}
