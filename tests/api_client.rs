//! The token API client, natively: configuration, request encoding, reading PAY.JP's fixtures
//! (parsed by serde_json here, by the browser in the product) (PAYJP.md §3), the retry policy on a fake clock, and the request gate.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use payjp_wasm::api::client::{self, Clock, Connection, HttpRequest, HttpResponse, Transport, TransportError, UnreachableReason};
use payjp_wasm::api::gate::{self, request_key, Admission, RequestGate};
use payjp_wasm::api::retry::{parse_retry_after, RetryPolicy};
use payjp_wasm::api::{ApiBase, ApiError, CardData, ClientConfig, ConfigError, PublicKey, Token, TokenRequest};
use serde_json::Value;

mod support;
use support::Doc;
use payjp_wasm::core::Lang;

/// Runs a future whose every await is ready at once (the fakes never pend).
fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    match f.as_mut().poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("a fake pended"),
    }
}

type Reply = Result<HttpResponse<Doc>, TransportError>;

#[derive(Default)]
struct FakeTransport {
    replies: RefCell<VecDeque<Reply>>,
    sent: RefCell<Vec<(String, String, Vec<(&'static str, String)>, String, f64)>>,
}

impl FakeTransport {
    fn with(replies: Vec<Reply>) -> FakeTransport {
        FakeTransport { replies: RefCell::new(replies.into()), sent: RefCell::default() }
    }
    fn count(&self) -> usize {
        self.sent.borrow().len()
    }
}

impl Transport for FakeTransport {
    type Document = Doc;
    async fn send(&self, r: &HttpRequest) -> Reply {
        let body = r.body.as_ref().map(|b| b.to_string()).unwrap_or_default();
        self.sent.borrow_mut().push((r.method.as_str().into(), r.url.clone(), r.headers.clone(), body, r.timeout_ms));
        self.replies.borrow_mut().pop_front().expect("a scripted reply")
    }
}

struct FakeClock {
    now: Cell<f64>,
    jitter: f64,
    slept: RefCell<Vec<f64>>,
    /// Time each `send` takes, simulated by advancing the clock in `now_ms` calls is too
    /// implicit; tests advance it explicitly through `sleep` only.
    _private: (),
}

impl FakeClock {
    fn new(jitter: f64) -> FakeClock {
        FakeClock { now: Cell::new(1_000.0), jitter, slept: RefCell::default(), _private: () }
    }
}

impl Clock for FakeClock {
    fn now_ms(&self) -> f64 {
        self.now.get()
    }
    async fn sleep(&self, ms: f64) {
        self.slept.borrow_mut().push(ms);
        self.now.set(self.now.get() + ms);
    }
    fn jitter(&self) -> f64 {
        self.jitter
    }
}

/// An answer as the browser transport hands it on: the body parsed if it is JSON; HTML when it
/// looks like a page (the browser reads `Content-Type`).
fn reply(status: u16, body: &str) -> Reply {
    let html = body.trim_start().starts_with('<');
    Ok(HttpResponse { status, retry_after: None, json: serde_json::from_str(body).ok().map(Doc), html })
}

fn reply_retry_after(status: u16, body: &str, retry_after: &str) -> Reply {
    Ok(HttpResponse { retry_after: Some(retry_after.into()), ..reply(status, body)? })
}

const KEY: &str = "pk_test_0123456789abcdef01234567";

fn config() -> ClientConfig {
    ClientConfig::new(PublicKey::parse(KEY).unwrap(), ApiBase::parse("http://127.0.0.1:8787/v1").unwrap())
}

fn visa() -> TokenRequest {
    let mut card = CardData::default();
    card.number = "4242424242424242".into();
    card.cvc = "123".into();
    card.exp_month = "12".into();
    card.exp_year = "2030".into();
    TokenRequest { card, ..TokenRequest::default() }
}

const TOKEN_JSON: &str = r#"{"card":{"address_city":null,"address_line1":null,"address_line2":null,"address_state":null,"address_zip":null,"address_zip_check":"unchecked","brand":"Visa","country":null,"created":1442290383,"customer":null,"cvc_check":"passed","exp_month":12,"exp_year":2030,"fingerprint":"e1d8225886e3a7211127df751c86787f","id":"car_e3ccd4e0959f45e7c75bacc4be90","livemode":false,"metadata":{},"last4":"4242","name":"PAY TARO","email":null,"phone":null,"three_d_secure_status":null,"object":"card"},"created":1442290383,"id":"tok_5ca06b51685e001723a2c3b4aeb4","livemode":false,"object":"token","used":false}"#;
const OVER_CAPACITY: &str = r#"{"error":{"code":"over_capacity","message":"The service is over capacity. Please try again later.","status":429,"type":"client_error"}}"#;

// --- configuration ------------------------------------------------------------------------------

#[test]
fn public_keys() {
    for ok in [KEY, "pk_live_0123456789abcdef01234567", " pk_test_abc "] {
        assert!(PublicKey::parse(ok).is_ok(), "{ok}");
    }
    assert_eq!(PublicKey::parse("sk_test_0123456789abcdef01234567"), Err(ConfigError::SecretKey));
    assert_eq!(PublicKey::parse("sk_live_x"), Err(ConfigError::SecretKey));
    for bad in ["", "pk_test_", "pk_prod_abc", "pk_test_ab-c", "rk_test_abc", "test"] {
        assert_eq!(PublicKey::parse(bad), Err(ConfigError::NotAPublicKey), "{bad:?}");
    }
    assert!(ConfigError::SecretKey.message().contains("never be used in a browser"));
    assert!(!format!("{:?}", PublicKey::parse(KEY).unwrap()).contains("0123"));
}

#[test]
fn api_bases() {
    for (url, expected) in [
        ("https://api.pay.jp/v1", "https://api.pay.jp/v1"),
        ("https://api.pay.jp/v1/", "https://api.pay.jp/v1"),
        ("http://127.0.0.1:8787/v1", "http://127.0.0.1:8787/v1"),
        ("http://localhost:8787/v1", "http://localhost:8787/v1"),
        ("http://[::1]:8787/v1", "http://[::1]:8787/v1"),
        ("https://cdn-test.example:8443/v1", "https://cdn-test.example:8443/v1"),
    ] {
        assert_eq!(ApiBase::parse(url).map(|b| b.as_str().to_string()), Ok(expected.to_string()), "{url}");
    }
    for (url, err) in [
        ("http://api.pay.jp/v1", ConfigError::InsecureApiBase),
        ("http://127.0.0.1.evil.example/v1", ConfigError::InsecureApiBase),
        ("http://10.0.0.1/v1", ConfigError::InsecureApiBase),
        ("ftp://api.pay.jp", ConfigError::InsecureApiBase),
        ("api.pay.jp/v1", ConfigError::InvalidApiBase),
        ("https://", ConfigError::InvalidApiBase),
        ("https://user@api.pay.jp/v1", ConfigError::InvalidApiBase),
        ("https://api.pay.jp/v1?x=1", ConfigError::InvalidApiBase),
        ("https://api.pay.jp:x/v1", ConfigError::InvalidApiBase),
        // A backslash is a slash to the browser, and tabs and line breaks vanish: the host it
        // reads is another (fuzz/artifacts/api_config/).
        ("https://\\", ConfigError::InvalidApiBase),
        ("https://\\/v1", ConfigError::InvalidApiBase),
        ("https://api.pay.jp\\evil.example/v1", ConfigError::InvalidApiBase),
        ("http://localhost\\evil.example/v1", ConfigError::InvalidApiBase),
        ("https://\r\r/customer@s", ConfigError::InvalidApiBase),
        ("https://api.pay.jp\t/v1", ConfigError::InvalidApiBase),
    ] {
        assert_eq!(ApiBase::parse(url), Err(err), "{url}");
    }
    assert_eq!(ApiBase::default().as_str(), "https://api.pay.jp/v1");
}

// --- request encoding -------------------------------------------------------------------------

#[test]
fn token_request_form_body_uses_payjp_field_names() {
    let mut r = visa();
    r.card.name = "TARO YAMADA".into();
    r.card.email = "taro+shop@example.jp".into();
    r.card.phone = "+819012345678".into();
    r.card.address_zip = "100-0001".into();
    r.three_d_secure = true;
    assert_eq!(
        r.form_body().as_str(),
        "card%5Bnumber%5D=4242424242424242&card%5Bcvc%5D=123&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2030\
&card%5Bname%5D=TARO+YAMADA&card%5Bemail%5D=taro%2Bshop%40example.jp&card%5Bphone%5D=%2B819012345678\
&card%5Baddress_zip%5D=100-0001&three_d_secure=true"
    );
    let mut t = visa();
    t.tenant = "ten_1".into();
    t.card.address_city = "千代田区".into();
    assert!(t.form_body().ends_with("card%5Baddress_city%5D=%E5%8D%83%E4%BB%A3%E7%94%B0%E5%8C%BA&tenant=ten_1"));
    assert!(!format!("{:?}", visa()).contains("4242"), "Debug hides card data");
}

#[test]
fn headers_on_the_wire() {
    let t = FakeTransport::with(vec![reply(200, TOKEN_JSON)]);
    let clock = FakeClock::new(0.5);
    block_on(client::create_token(&t, &clock, &config(), visa())).unwrap();
    let sent = t.sent.borrow();
    let (method, url, headers, body, timeout) = &sent[0];
    assert_eq!((method.as_str(), url.as_str()), ("POST", "http://127.0.0.1:8787/v1/tokens"));
    let header = |n: &str| headers.iter().find(|(k, _)| *k == n).map(|(_, v)| v.clone()).unwrap();
    // base64("pk_test_0123456789abcdef01234567:")
    assert_eq!(header("Authorization"), "Basic cGtfdGVzdF8wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc6");
    assert_eq!(header("Content-Type"), "application/x-www-form-urlencoded");
    let ua: Value = serde_json::from_str(&header("X-Payjp-Client-User-Agent")).expect("JSON user agent");
    assert_eq!(ua["bindings_name"], "payjp-wasm");
    assert_eq!(ua["bindings_version"], env!("CARGO_PKG_VERSION"));
    assert!(body.contains("card%5Bnumber%5D=4242424242424242"));
    assert_eq!(*timeout, 15_000.0);
}

#[test]
fn availability_for_the_account_or_a_tenant() {
    let brands = r#"{"card_types_supported":["Visa"],"livemode":false}"#;
    let cases: [(Option<&str>, &str); 4] = [
        (None, "http://127.0.0.1:8787/v1/accounts/brands"),
        (Some(""), "http://127.0.0.1:8787/v1/accounts/brands"),
        (Some("ten_1"), "http://127.0.0.1:8787/v1/accounts/brands?tenant=ten_1"),
        // Whatever a platform's tenant id holds, it stays one query value.
        (Some("a&b=c d"), "http://127.0.0.1:8787/v1/accounts/brands?tenant=a%26b%3Dc+d"),
    ];
    for (tenant, url) in cases {
        let t = FakeTransport::with(vec![reply(200, brands)]);
        block_on(client::retrieve_availability(&t, &FakeClock::new(0.5), &config(), tenant)).unwrap();
        assert_eq!(t.sent.borrow()[0].1, url, "{tenant:?}");
    }
}

// --- decoding the fixtures of PAYJP.md §3 --------------------------------------------------------

#[test]
fn decodes_a_token() {
    let t = FakeTransport::with(vec![reply(200, TOKEN_JSON)]);
    let answer = block_on(client::create_token(&t, &FakeClock::new(0.0), &config(), visa())).unwrap();
    // Handed on whole, every field PAY.JP sent.
    assert_eq!(answer.0, serde_json::from_str::<Value>(TOKEN_JSON).unwrap());
    let token = Token::read(&answer).unwrap();
    assert_eq!(token.id, "tok_5ca06b51685e001723a2c3b4aeb4");
    assert_eq!((token.brand.as_str(), token.last4.as_str()), ("Visa", "4242"));
    assert_eq!(token.three_d_secure_status, None);
    assert!(!token.livemode);
    let doc = |s: &str| Doc(serde_json::from_str(s).unwrap());
    for not_a_token in [
        r#"{"object":"token","id":"xyz"}"#,
        r#"{"object":"token","id":"xyz","livemode":false,"card":{"object":"card","brand":"Visa","last4":"4242"}}"#,
        r#"{"object":"card","id":"tok_1","livemode":false,"card":{"object":"card","brand":"Visa","last4":"4242"}}"#,
        r#"{"object":"token","id":"tok_1","livemode":false,"card":{"object":"bank","brand":"Visa","last4":"4242"}}"#,
        r#"{"object":"token","id":"tok_1","livemode":"no","card":{"object":"card","brand":"Visa","last4":"4242"}}"#,
        r#"["object","token"]"#,
    ] {
        assert!(Token::read(&doc(not_a_token)).is_none(), "{not_a_token}");
    }
}

fn error_for(status: u16, body: &str) -> ApiError {
    let t = FakeTransport::with(vec![reply(status, body)]);
    let mut c = config();
    c.retry.max_retries = 0;
    block_on(client::create_token(&t, &FakeClock::new(0.0), &c, visa())).unwrap_err()
}

#[test]
fn decodes_every_error_fixture() {
    let cases = [
        (401, r#"{"error":{"message":"Invalid API Key: {0}","status":401,"type":"auth_error"}}"#, "auth_error", None, None),
        (402, r#"{"error":{"code":"card_declined","message":"Card declined","status":402,"type":"card_error"}}"#, "card_error", Some("card_declined"), None),
        (404, r#"{"error":{"code":"invalid_id","message":"No such token: tok_…","param":"id","status":404,"type":"client_error"}}"#, "client_error", Some("invalid_id"), Some("id")),
        (429, OVER_CAPACITY, "client_error", Some("over_capacity"), None),
        (404, r#"{"error":{"message":"Test response.","status":404,"type":"client_error"}}"#, "client_error", None, None),
        (402, r#"{"error":{"code":"some_future_code","message":"New","status":402,"type":"card_error"}}"#, "card_error", Some("some_future_code"), None),
    ];
    for (status, body, kind, code, param) in cases {
        let e = error_for(status, body);
        assert_eq!(e.kind, kind, "{body}");
        assert_eq!(e.code.as_deref(), code, "{body}");
        assert_eq!(e.param.as_deref(), param, "{body}");
        assert_eq!(e.status, Some(status));
        // The API's text is kept; the buyer gets ours.
        let api_message = serde_json::from_str::<Value>(body).unwrap()["error"]["message"].as_str().unwrap().to_string();
        assert_eq!(e.api_message.as_deref(), Some(api_message.as_str()));
        assert_ne!(e.message(Lang::En), api_message);
        assert_ne!(e.message(Lang::Ja), e.message(Lang::En));
    }
    assert_eq!(error_for(402, r#"{"error":{"code":"card_declined","message":"Card declined","status":402,"type":"card_error"}}"#).message(Lang::Ja), "カードが拒否されました。別のカードをお試しください。");
}

#[test]
fn non_payjp_answers_are_invalid_response() {
    for (status, body) in [
        (403, "<!DOCTYPE html><html><body>Attention Required!</body></html>"),
        (200, r#"{"object":"token","id":"tok_"#),
        (200, "\u{1f}\u{8b}garbage"),
        (200, r#"{"hello":"world"}"#),
        (502, "Bad Gateway"),
        (500, r#"{"message":"no error envelope"}"#),
    ] {
        let e = error_for(status, body);
        assert_eq!((e.kind.as_str(), e.code(), e.status), ("api_error", "invalid_response", Some(status)), "{body}");
        assert!(e.message(Lang::En).contains("CDN"));
    }
}

// --- retries ----------------------------------------------------------------------------------

#[test]
fn retries_429_then_succeeds() {
    let t = FakeTransport::with(vec![reply(429, OVER_CAPACITY), reply(200, TOKEN_JSON)]);
    let clock = FakeClock::new(0.5);
    assert!(block_on(client::create_token(&t, &clock, &config(), visa())).is_ok());
    assert_eq!(t.count(), 2);
    // Full jitter: half of the first backoff window (8 s).
    assert_eq!(*clock.slept.borrow(), vec![4_000.0]);
}

#[test]
fn gives_up_after_two_retries_with_over_capacity() {
    let t = FakeTransport::with(vec![reply(429, OVER_CAPACITY), reply(429, OVER_CAPACITY), reply(429, OVER_CAPACITY)]);
    let clock = FakeClock::new(0.2);
    let e = block_on(client::create_token(&t, &clock, &config(), visa())).unwrap_err();
    assert_eq!((e.code(), e.status), ("over_capacity", Some(429)));
    assert_eq!(t.count(), 3, "one try and two retries");
    // The window doubles: 20% of 8 s, then of 16 s.
    assert_eq!(*clock.slept.borrow(), vec![1_600.0, 3_200.0]);
}

#[test]
fn retries_503_and_reports_the_server_error_when_it_persists() {
    let body = r#"{"error":{"message":"Service unavailable","status":503,"type":"server_error"}}"#;
    let t = FakeTransport::with(vec![reply(503, body), reply(503, body), reply(503, body)]);
    let e = block_on(client::create_token(&t, &FakeClock::new(0.1), &config(), visa())).unwrap_err();
    assert_eq!((e.kind.as_str(), e.status), ("server_error", Some(503)));
    assert_eq!(t.count(), 3);
}

#[test]
fn honours_retry_after_within_the_deadline() {
    let t = FakeTransport::with(vec![reply_retry_after(429, OVER_CAPACITY, "3"), reply(200, TOKEN_JSON)]);
    let clock = FakeClock::new(0.0);
    assert!(block_on(client::create_token(&t, &clock, &config(), visa())).is_ok());
    assert_eq!(*clock.slept.borrow(), vec![3000.0]);
    // The second try's timeout shrinks to what is left of the 15 s deadline.
    assert_eq!(t.sent.borrow()[1].4, 12_000.0);

    // A Retry-After past the deadline is not waited out.
    let t = FakeTransport::with(vec![reply_retry_after(429, OVER_CAPACITY, "20")]);
    let clock = FakeClock::new(0.0);
    let e = block_on(client::create_token(&t, &clock, &config(), visa())).unwrap_err();
    assert_eq!(e.code(), "over_capacity");
    assert_eq!(t.count(), 1);
    assert!(clock.slept.borrow().is_empty());
}

/// Every buyer refused in the same second gets the same Retry-After; waiting exactly that long
/// brought them all back in the same second (the 429 storm, README). Now it is a floor, with the
/// jittered backoff on top.
#[test]
fn retry_after_is_a_floor_not_a_meeting_time() {
    let waits: Vec<f64> = [0.1, 0.4, 0.7]
        .iter()
        .map(|jitter| {
            let t = FakeTransport::with(vec![reply_retry_after(429, OVER_CAPACITY, "1"), reply(200, TOKEN_JSON)]);
            let clock = FakeClock::new(*jitter);
            block_on(client::create_token(&t, &clock, &config(), visa())).unwrap();
            let wait = clock.slept.borrow()[0];
            wait
        })
        .collect();
    assert_eq!(waits, vec![1_800.0, 4_200.0, 6_600.0]);
}

/// A retry starts only with 5 s of the deadline left: a request cut short by the deadline may
/// have made a token whose answer is lost, and the buyer then pays again with a second one.
#[test]
fn no_retry_starts_too_close_to_the_deadline() {
    let t = FakeTransport::with(vec![reply(429, OVER_CAPACITY), reply(429, OVER_CAPACITY), reply(200, TOKEN_JSON)]);
    // 90% of 8 s, then 90% of 16 s would start the second retry at 21.6 s.
    let clock = FakeClock::new(0.9);
    let e = block_on(client::create_token(&t, &clock, &config(), visa())).unwrap_err();
    assert_eq!(e.code(), "over_capacity");
    assert_eq!(t.count(), 2);
    assert_eq!(*clock.slept.borrow(), vec![7_200.0], "answered at once, not after a wait for nothing");
    // The first retry went with 7.8 s left, its timeout cut to that.
    assert_eq!(t.sent.borrow()[1].4, 7_800.0);
}

#[test]
fn nothing_else_is_retried() {
    for status in [400, 401, 402, 404, 500, 502] {
        let t = FakeTransport::with(vec![reply(status, r#"{"error":{"message":"x","status":500,"type":"server_error"}}"#)]);
        let _ = block_on(client::create_token(&t, &FakeClock::new(0.5), &config(), visa()));
        assert_eq!(t.count(), 1, "{status}");
    }
    for (failure, code) in [(TransportError::Network, "network_error"), (TransportError::Timeout, "timeout")] {
        let t = FakeTransport::with(vec![Err(failure)]);
        let e = block_on(client::create_token(&t, &FakeClock::new(0.5), &config(), visa())).unwrap_err();
        assert_eq!((e.kind.as_str(), e.code()), ("network_error", code));
        if code == "timeout" {
            assert!(e.message(Lang::En).contains("in time"), "{code}");
        }
        assert_eq!(t.count(), 1);
    }
}

#[test]
fn retry_policy_table() {
    let p = RetryPolicy::default();
    // (refusals in a row, Retry-After, jitter) → wait: Retry-After plus a jittered share of
    // 8 s, 16 s, then 32 s at most.
    for (refusals, retry_after, jitter, wait) in [
        (1, None, 0.0, 0.0),
        (1, None, 0.5, 4_000.0),
        (1, None, 1.0, 8_000.0),
        (2, None, 1.0, 16_000.0),
        (3, None, 1.0, 32_000.0),
        (9, None, 1.0, 32_000.0),
        (u32::MAX, None, 0.5, 16_000.0),
        (0, None, 1.0, 8_000.0),
        (1, Some(2_000.0), 0.0, 2_000.0),
        (1, Some(2_000.0), 0.5, 6_000.0),
        (1, None, 7.0, 8_000.0),
    ] {
        assert_eq!(p.backoff_ms(refusals, retry_after, jitter), wait, "{refusals} {retry_after:?} {jitter}");
    }
    // (call started, request would start, per-request timeout) → may it go?
    for (start, at, timeout, go) in [
        (0.0, 0.0, 15_000.0, true),
        (0.0, 10_000.0, 15_000.0, true),
        (0.0, 10_001.0, 15_000.0, false),
        (1_000.0, 11_000.0, 15_000.0, true),
        // A merchant's shorter timeout is all a request needs.
        (0.0, 12_000.0, 3_000.0, true),
        (0.0, 12_001.0, 3_000.0, false),
    ] {
        assert_eq!(p.may_send(start, at, timeout), go, "{start} {at} {timeout}");
    }
    for (v, ms) in [("1", Some(1000.0)), (" 2 ", Some(2000.0)), ("0", Some(0.0)), ("", None), ("-1", None), ("Wed, 21 Oct 2015 07:28:00 GMT", None), ("1.5", None)] {
        assert_eq!(parse_retry_after(v), ms, "{v:?}");
    }
}

// --- one request per user action -----------------------------------------------------------------

#[test]
fn the_gate_joins_replays_waits_and_cools_down() {
    let mut g: RequestGate<&str> = RequestGate::default();
    let a = request_key("card=a");
    let b = request_key("card=b");
    assert_ne!(a, b);
    assert_eq!(g.admit(a, 0.0), Admission::Send { earlier: None });
    assert_eq!(g.cooldown_ms(0.0), 0.0);
    g.begin(a, "call a");
    assert_eq!(g.admit(a, 50.0), Admission::Join("call a"), "the same data joins");
    assert_eq!(g.admit(b, 50.0), Admission::Send { earlier: Some("call a") }, "other data waits for it");
    g.finish(a, 100.0);
    // A double click landing after the answer gets the same answer: never a second token.
    assert_eq!(g.admit(a, 600.0), Admission::Join("call a"));
    assert_eq!(g.admit(a, 2_099.0), Admission::Join("call a"));
    assert_eq!(g.admit(a, 2_100.0), Admission::Send { earlier: None }, "a press after the cool-down is a new action");
    assert_eq!(g.admit(b, 600.0), Admission::Send { earlier: None }, "other data: a request, after the cool-down");
    assert_eq!(g.cooldown_ms(600.0), 1500.0);
    assert_eq!(g.cooldown_ms(2100.0), 0.0);
    // A request for other data (b) finishing does not end the call in flight for a.
    g.begin(a, "call a again");
    g.finish(b, 3_000.0);
    assert!(g.joins(a, 9_000.0));
    // Another call replaces the one to replay.
    g.finish(a, 3_100.0);
    g.begin(b, "call b");
    assert_eq!(g.admit(a, 3_200.0), Admission::Send { earlier: Some("call b") });
}

#[test]
fn a_call_through_the_gate_starts_once_per_data() {
    let gate = RefCell::new(RequestGate::default());
    let started = RefCell::new(Vec::new());
    let press = |key: u64, now: f64, name: &'static str| {
        gate::call(&gate, key, now, |earlier| {
            started.borrow_mut().push((name, earlier));
            name
        })
    };
    let (a, b) = (request_key("card=a"), request_key("card=b"));
    assert_eq!(press(a, 0.0, "first"), "first");
    assert_eq!(press(a, 10.0, "double click"), "first", "joined: nothing started");
    assert_eq!(press(b, 20.0, "other card"), "other card");
    assert_eq!(*started.borrow(), vec![("first", None), ("other card", Some("first"))]);
}

type Promise = Rc<RefCell<Option<Result<Doc, ApiError>>>>;

/// One SDK instance's `createToken` as the wasm makes it (`js::payjp`), on the fakes: through
/// the gate, the call running after the promise was handed back, as a JS promise's does.
struct Page<'a> {
    gate: RefCell<RequestGate<Promise>>,
    transport: &'a FakeTransport,
    clock: &'a FakeClock,
}

impl Page<'_> {
    fn press(&self) -> Promise {
        let request = visa();
        let key = request_key(&request.form_body());
        let mut started = None;
        let promise = gate::call(&self.gate, key, self.clock.now_ms(), |earlier| {
            assert!(earlier.is_none());
            let promise = Promise::default();
            started = Some((promise.clone(), request));
            promise
        });
        if let Some((settle, request)) = started {
            let result = block_on(client::create_token_gated(self.transport, self.clock, &config(), &self.gate, key, None::<std::future::Ready<()>>, request));
            *settle.borrow_mut() = Some(result);
        }
        promise
    }

    fn code(promise: &Promise) -> String {
        match promise.borrow().as_ref().expect("settled") {
            Ok(_) => "token".into(),
            Err(e) => e.code().into(),
        }
    }
}

/// The gated call: one request for a press and its double click, even when the token came back
/// before the second click (before, the second click waited out the cool-down and made a second
/// token).
#[test]
fn a_double_click_after_a_fast_token_gets_the_same_token() {
    let t = FakeTransport::with(vec![reply(200, TOKEN_JSON), reply(200, TOKEN_JSON)]);
    let clock = FakeClock::new(0.5);
    let page = Page { gate: RefCell::default(), transport: &t, clock: &clock };
    let first = page.press();
    clock.now.set(clock.now.get() + 400.0);
    let second = page.press();
    assert!(Rc::ptr_eq(&first, &second), "the same promise");
    assert_eq!(Page::code(&second), "token");
    assert_eq!(t.count(), 1, "one request");
    // A press after the cool-down is the buyer's next action: a request of its own.
    clock.now.set(clock.now.get() + 2_000.0);
    let third = page.press();
    assert!(!Rc::ptr_eq(&first, &third));
    assert_eq!(t.count(), 2);
}

/// A buyer who presses Pay again after `over_capacity` does not start the backoff over: the
/// instance waits out what the API asked of it, and says `over_capacity` at once, sending
/// nothing, when that is past the deadline.
#[test]
fn pressing_again_after_over_capacity_continues_the_backoff() {
    let t = FakeTransport::with(vec![
        reply(429, OVER_CAPACITY), // press 1
        reply(429, OVER_CAPACITY), //   its retry, 4 s later (half of 8 s)
        reply(429, OVER_CAPACITY), // press 2, once the API's 8 s (half of 16 s) have passed
        reply(200, TOKEN_JSON),    // press 4
    ]);
    let clock = FakeClock::new(0.5);
    let page = Page { gate: RefCell::default(), transport: &t, clock: &clock };
    let start = clock.now_ms();
    // The second retry would go at 12 s, with 3 s of the deadline left: over_capacity now.
    assert_eq!(Page::code(&page.press()), "over_capacity");
    assert_eq!((t.count(), clock.now_ms() - start), (2, 4_000.0));

    // The buyer reads the message and presses again 3 s later: the instance waits out the 5 s
    // left of the API's 8 s, then sends once. Before, a press started a new series at once.
    clock.now.set(start + 7_000.0);
    let second = page.press();
    assert_eq!((t.count(), clock.now_ms() - start), (3, 12_000.0));
    assert_eq!(*clock.slept.borrow(), vec![4_000.0, 5_000.0]);
    assert_eq!(Page::code(&second), "over_capacity");

    // Now the API has asked for 16 s (half of 32 s), past this press's deadline: it says so at
    // once and sends nothing.
    clock.now.set(start + 14_000.0);
    assert_eq!(Page::code(&page.press()), "over_capacity");
    assert_eq!(t.count(), 3, "nothing sent");
    assert_eq!(clock.now_ms() - start, 14_000.0, "no wait for nothing");

    clock.now.set(start + 28_000.0);
    assert_eq!(Page::code(&page.press()), "token");
    assert_eq!(t.count(), 4);
    assert_eq!(page.gate.borrow().backoff, Default::default(), "an answer ends the backoff");
}

// --- checkConnection -----------------------------------------------------------------------------

#[test]
fn connection_checks() {
    let cdn = r#"{"error":{"message":"Test response.","status":404,"type":"client_error"}}"#;
    let brands = r#"{"card_types_supported":["Visa"],"livemode":false}"#;
    let cases = [
        (reply(200, brands), Connection::Reachable { status: 200, latency_ms: 0.0 }),
        (reply(404, cdn), Connection::Reachable { status: 404, latency_ms: 0.0 }),
        (reply(401, r#"{"error":{"message":"Invalid API Key","status":401,"type":"auth_error"}}"#), Connection::Reachable { status: 401, latency_ms: 0.0 }),
        (reply(403, "<html>blocked</html>"), Connection::Unreachable(UnreachableReason::Blocked)),
        (reply(200, "garbage"), Connection::Unreachable(UnreachableReason::InvalidResponse)),
        (reply(200, r#"{"object":"token","#), Connection::Unreachable(UnreachableReason::InvalidResponse)),
        (Err(TransportError::Network), Connection::Unreachable(UnreachableReason::Network)),
        (Err(TransportError::Timeout), Connection::Unreachable(UnreachableReason::Network)),
    ];
    for (r, expected) in cases {
        let t = FakeTransport::with(vec![r]);
        assert_eq!(block_on(client::check_connection(&t, &FakeClock::new(0.0), &config())), expected);
        assert_eq!(t.count(), 1, "no retries");
    }
}

#[test]
fn card_data_from_what_the_buyer_typed() {
    use payjp_wasm::core::{Problem, YearMonth};
    let now = YearMonth { year: 2026, month: 11 };
    let none = || [None, None, None];
    // Full-width digits, IME dashes, "MM / YY": normalised the way the token API wants them.
    let data = CardData::from_fields("４２４２ー4242 4242 4242", "12 / 30", "１２３", [Some("TARO YAMADA".into()), Some(" ".into()), Some("090-1234-5678".into())], false, now).unwrap();
    assert_eq!((data.number.as_str(), data.exp_month.as_str(), data.exp_year.as_str(), data.cvc.as_str()), ("4242424242424242", "12", "2030", "123"));
    assert_eq!((data.name.as_str(), data.email.as_str(), data.phone.as_str()), ("TARO YAMADA", "", "+819012345678"));
    assert_eq!(CardData::from_fields("378282246310005", "0127", "1234", none(), false, now).unwrap().exp_month, "01");
    // The first problem, in field order; holder details after the card.
    let cases: &[(&str, &str, &str, [Option<&str>; 3], Problem)] = &[
        ("4242", "12/30", "123", [None, None, None], Problem::IncompleteNumber),
        ("4242424242424241", "12/30", "123", [None, None, None], Problem::InvalidNumber),
        ("4242424242424242", "12/", "123", [None, None, None], Problem::IncompleteExpiry),
        ("4242424242424242", "10/26", "123", [None, None, None], Problem::ExpiryMonthPast),
        ("378282246310005", "12/30", "123", [None, None, None], Problem::IncompleteCvc),
        ("4242424242424242", "12/30", "12a", [None, None, None], Problem::InvalidCvc),
        ("4242424242424242", "12/30", "123", [Some("山田太郎"), None, None], Problem::NameNotRomaji),
        ("4242424242424242", "12/30", "123", [None, Some("taro@"), None], Problem::InvalidEmail),
        // Unfinished holder details are refused with their own field's problem, never another's.
        ("4242424242424242", "12/30", "123", [Some("T"), None, None], Problem::NameTooShort),
        ("4242424242424242", "12/30", "123", [None, Some("taro@example"), None], Problem::InvalidEmail),
        ("4242424242424242", "12/30", "123", [None, None, Some("090")], Problem::InvalidPhone),
        ("4242424242424242", "12/30", "123", [None, None, Some("12")], Problem::InvalidPhone),
    ];
    // With 3-D Secure on, the name and an e-mail or a phone are required too (after the card).
    let tds: &[([Option<&str>; 3], Option<Problem>)] = &[
        ([None, Some("taro@example.jp"), None], Some(Problem::NameRequired)),
        ([Some("  "), Some("taro@example.jp"), None], Some(Problem::NameRequired)),
        ([Some("TARO YAMADA"), None, None], Some(Problem::ContactRequired)),
        ([Some("TARO YAMADA"), Some(" "), Some("")], Some(Problem::ContactRequired)),
        ([Some("山田"), None, None], Some(Problem::NameNotRomaji)),
        ([Some("TARO YAMADA"), Some("taro@"), None], Some(Problem::InvalidEmail)),
        ([Some("TARO YAMADA"), None, Some("090")], Some(Problem::InvalidPhone)),
        ([Some("TARO YAMADA"), Some("taro@example.jp"), None], None),
        ([Some("TARO YAMADA"), None, Some("090-1234-5678")], None),
    ];
    for (holder, problem) in tds {
        let owned = holder.map(|h| h.map(String::from));
        let result = CardData::from_fields("4242424242424242", "12/30", "123", owned.clone(), true, now);
        assert_eq!(result.err().map(|p| p[0]), *problem, "{holder:?}");
        // Without 3-D Secure, absent details are fine; present ones are still checked.
        let plain = CardData::from_fields("4242424242424242", "12/30", "123", owned, false, now);
        assert!(matches!(problem, Some(Problem::InvalidEmail | Problem::InvalidPhone | Problem::NameNotRomaji)) || plain.is_ok(), "{holder:?}");
    }
    // Every problem at once, the card's first, so one submit tells the buyer all there is to fix.
    let all = |number, expiry, cvc, holder: [Option<&str>; 3], tds| {
        CardData::from_fields(number, expiry, cvc, holder.map(|h| h.map(String::from)), tds, now).unwrap_err()
    };
    assert_eq!(all("4242", "12/30", "123", [None, None, None], true), [Problem::IncompleteNumber, Problem::NameRequired, Problem::ContactRequired]);
    assert_eq!(
        all("4242424242424241", "13/30", "1", [Some("T"), Some("taro@"), Some("090")], false),
        [Problem::InvalidNumber, Problem::InvalidExpiryMonth, Problem::IncompleteCvc, Problem::NameTooShort, Problem::InvalidEmail, Problem::InvalidPhone]
    );
    assert_eq!(all("", "", "", [Some("山田"), None, Some("090-1234-5678")], true), [Problem::IncompleteNumber, Problem::IncompleteExpiry, Problem::IncompleteCvc, Problem::NameNotRomaji]);
    assert_eq!(
        all("4242424242424242", "12/30", "123", [Some("TARO YAMADA"), None, None], true).iter().map(|p| p.code().param()).collect::<Vec<_>>(),
        ["card[email]"],
        "a missing contact is the e-mail's to fix"
    );
    for (number, expiry, cvc, holder, problem) in cases {
        let owned = holder.map(|h| h.map(String::from));
        assert_eq!(CardData::from_fields(number, expiry, cvc, owned, false, now).unwrap_err()[0], *problem, "{expiry} {cvc} {holder:?}");
    }
}

#[test]
fn the_sdks_own_errors_come_from_the_one_table() {
    let fallback = ApiError::sdk("no_such_code");
    for (code, kind) in [
        ("three_d_secure_aborted", "card_error"),
        ("three_d_secure_failed", "card_error"),
        ("three_d_secure_timeout", "card_error"),
        ("three_d_secure_unexpected_return", "client_error"),
        ("three_d_secure_unavailable", "client_error"),
        ("frame_tampered", "client_error"),
        ("frame_load_failed", "client_error"),
    ] {
        let e = ApiError::sdk(code);
        assert_eq!((e.kind.as_str(), e.code(), e.status, e.param.as_deref(), e.api_message.as_deref()), (kind, code, None, None, None));
        for lang in [Lang::Ja, Lang::En] {
            assert_ne!(e.message(lang), fallback.message(lang), "{code}: a message of its own");
        }
        assert!(e.message(Lang::En).is_ascii() && !e.message(Lang::Ja).is_ascii(), "{code}");
    }
    assert_eq!(ApiError::sdk("frame_tampered").message(Lang::En), "The card fields were tampered with on this page, so nothing was sent. Reload the page and try again.");
}
