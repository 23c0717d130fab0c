//! An API answer from arbitrary bytes, as the browser transport hands it over: a status, a
//! `Retry-After`, whether it says it is HTML, and a body that `response.json()` parses or not.
//! Input: two bytes of status (little-endian), one of flags (bit 0: HTML), the `Retry-After` value,
//! 0xFF, then the body (any bytes). The body is read as serde_json reads it in the native tests.
//!
//! Invariants: nothing panics; a 2xx decodes to the very document the reader accepted, and
//! anything else to an error that carries the answer's status and a buyer message in both
//! languages; `checkConnection` calls a block page blocked only when it is not JSON; the retry
//! loop sends at most `max_retries + 1` requests, sleeps within the deadline, retries only 429 and
//! 503, and hands back the answer it got; `Retry-After` is read only as whole seconds.
#![no_main]

use std::cell::{Cell, RefCell};

use libfuzzer_sys::fuzz_target;
use payjp_wasm::api::client::{self, Clock, Connection, HttpRequest, HttpResponse, Transport, TransportError, UnreachableReason};
use payjp_wasm::api::response::decode;
use payjp_wasm::api::retry::{is_retryable, parse_retry_after, Backoff, RetryPolicy};
use payjp_wasm::api::{ApiBase, ApiError, Availability, ClientConfig, ErrorBody, PublicKey, Token};
use payjp_wasm::core::Lang;
use payjp_wasm_fuzz::{block_on, fields, Doc};

/// Answers every request with the same response, and counts them.
struct Answer {
    response: HttpResponse<Doc>,
    sent: Cell<u32>,
}

impl Transport for Answer {
    type Document = Doc;
    async fn send(&self, _: &HttpRequest) -> Result<HttpResponse<Doc>, TransportError> {
        self.sent.set(self.sent.get() + 1);
        Ok(self.response.clone())
    }
}

/// A clock that only moves when the client sleeps; jitter from the input.
struct FakeClock {
    now: Cell<f64>,
    jitter: f64,
    slept: RefCell<Vec<f64>>,
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

fn check_error(e: &ApiError, status: u16) {
    // (Not that `kind` is non-empty: PAY.JP's `type` passes through as sent, even "".)
    assert_eq!(e.status, Some(status), "an API error carries the answer's status");
    assert!(!e.message(Lang::Ja).is_empty() && !e.message(Lang::En).is_empty());
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]);
    let html = data[2] & 1 == 1;
    let jitter = f64::from(data[2] >> 1) / 128.0;
    let [retry_after, body] = fields::<2>(&data[3..]);
    let retry_after = (!retry_after.is_empty()).then(|| String::from_utf8_lossy(retry_after).into_owned());
    let json = Doc::parse(&String::from_utf8_lossy(body));
    let response = HttpResponse { status, retry_after: retry_after.clone(), json: json.clone(), html };

    // Decoding, with each reader.
    let success = (200..300).contains(&status);
    let token = json.as_ref().and_then(Token::read);
    if let Some(t) = &token {
        assert!(t.id.starts_with("tok_"));
    }
    let error_body = json.as_ref().and_then(ErrorBody::read);
    if let Some(e) = &error_body {
        assert!(e.status.is_none_or(|s| (100..600).contains(&s)));
        assert!(e.api_message.is_some());
    }
    match decode(response.clone(), Token::read) {
        Ok(doc) => {
            assert!(success && token.is_some());
            assert_eq!(Some(doc), json, "a token goes on to the merchant whole");
        }
        Err(e) => {
            check_error(&e, status);
            match (&error_body, success) {
                (Some(body), false) => assert_eq!(e, ApiError { status: Some(status), ..body.clone() }, "PAY.JP's error, as it sent it"),
                _ => {
                    assert!(!success || token.is_none());
                    assert_eq!(e, ApiError::invalid_response(status), "anything else is invalid_response");
                }
            }
        }
    }
    match decode(response.clone(), Availability::read) {
        Ok(doc) => assert!(success && Some(doc) == json && json.as_ref().and_then(Availability::read).is_some()),
        Err(e) => check_error(&e, status),
    }

    let key = PublicKey::parse("pk_test_0123456789abcdef01234567").expect("a public key");
    let config = ClientConfig::new(key, ApiBase::default());

    // checkConnection.
    let transport = Answer { response: response.clone(), sent: Cell::new(0) };
    let clock = FakeClock { now: Cell::new(0.0), jitter, slept: RefCell::default() };
    match block_on(client::check_connection(&transport, &clock, &config)) {
        Connection::Reachable { status: s, .. } => assert_eq!(s, status),
        Connection::Unreachable(UnreachableReason::Blocked) => assert!(json.is_none() && (status == 403 || html)),
        Connection::Unreachable(UnreachableReason::InvalidResponse) => {}
        Connection::Unreachable(UnreachableReason::Network) => panic!("the transport answered"),
    }
    assert_eq!(transport.sent.get(), 1, "checkConnection never retries");

    // The retry loop.
    let policy = RetryPolicy::default();
    let transport = Answer { response: response.clone(), sent: Cell::new(0) };
    let clock = FakeClock { now: Cell::new(0.0), jitter, slept: RefCell::default() };
    let request = HttpRequest { method: client::Method::Get, url: config.api_base.join("/accounts/brands"), headers: Vec::new(), body: None, timeout_ms: 1_000.0 };
    let backoff = Cell::new(Backoff::default());
    let result = block_on(client::send_with_retries(&transport, &clock, &policy, &backoff, request));
    let sent = transport.sent.get();
    assert!(sent >= 1 && sent <= policy.max_retries + 1, "{sent} requests");
    if !is_retryable(status) {
        assert_eq!(sent, 1, "only 429 and 503 are retried");
        assert_eq!(backoff.get(), Backoff::default(), "an answer ends the backoff");
    } else {
        assert_eq!(backoff.get().refusals, sent, "each refusal counts, and carries over to the next call");
    }
    let slept = clock.slept.borrow();
    // A wait before each retry (none when the wait comes to 0: no Retry-After, jitter 0).
    assert!(slept.len() as u32 <= sent - 1);
    assert!(slept.iter().all(|ms| ms.is_finite() && *ms >= 0.0));
    assert!(slept.iter().sum::<f64>() < policy.deadline_ms, "retries end within the deadline");
    match result {
        Ok(r) => assert_eq!(r, response),
        Err(e) => {
            assert!(status == 429 && error_body.is_none(), "only a 429 that is not PAY.JP's becomes over_capacity");
            assert_eq!(e, ApiError::over_capacity());
        }
    }

    // Retry-After: whole seconds, at most six digits.
    if let Some(ra) = retry_after.as_deref() {
        let v = ra.trim();
        let expected = (!v.is_empty() && v.len() <= 6 && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.parse::<f64>().expect("digits") * 1000.0);
        assert_eq!(parse_retry_after(ra), expected);
        if let Some(ms) = parse_retry_after(ra) {
            for refusals in 1..=policy.max_retries + 1 {
                let delay = policy.backoff_ms(refusals, Some(ms), jitter);
                assert!(delay >= ms && delay <= ms + policy.max_delay_ms, "Retry-After is a floor, with at most one window on top");
            }
        }
    }
});
