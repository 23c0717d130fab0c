//! What the fuzz targets share: how an input is cut into fields, the SDK's `Document` seam over
//! serde_json (the native tests' own), a `block_on` for futures that never pend, and the
//! devserver driven in process.
//!
//! Inputs are plain bytes so that the corpus can hold the table tests' real cases as they are
//! written: a target with several arguments separates them with the byte 0xFF, which UTF-8 never
//! uses, and reads each as UTF-8 (an invalid sequence becomes U+FFFD, as a browser's decoder
//! makes it). `seeds.py` writes the seed corpus in this form.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use payjp_wasm::core::{Network, YearMonth};

// The native tests' reading of an answer (`tests/support/mod.rs`), so the targets read answers
// exactly as the client's tests do.
#[path = "../../tests/support/mod.rs"]
mod support;
pub use support::Doc;

pub mod devserver_harness;

/// Separates the arguments of one input.
pub const SEPARATOR: u8 = 0xFF;

/// The input's `n` arguments (missing ones empty; extra separators stay in the last).
pub fn fields<const N: usize>(data: &[u8]) -> [&[u8]; N] {
    let mut out = [&data[..0]; N];
    let mut rest = data;
    for (i, slot) in out.iter_mut().enumerate() {
        if i + 1 == N {
            *slot = rest;
            break;
        }
        match rest.iter().position(|&b| b == SEPARATOR) {
            Some(at) => {
                *slot = &rest[..at];
                rest = &rest[at + 1..];
            }
            None => {
                *slot = rest;
                rest = &rest[rest.len()..];
            }
        }
    }
    out
}

/// An argument as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The `i`-th byte of an argument, 0 when it is shorter.
pub fn byte(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).copied().unwrap_or(0)
}

/// A caret: a UTF-16 offset, sometimes past the end (the element clamps nothing).
pub fn caret(bytes: &[u8], i: usize) -> usize {
    usize::from(u16::from_le_bytes([byte(bytes, i), byte(bytes, i + 1)]))
}

pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Whether a UTF-16 offset falls between two characters of `s` (never inside a surrogate pair).
pub fn on_char_boundary(s: &str, caret: usize) -> bool {
    let mut offset = 0;
    for c in s.chars() {
        if offset == caret {
            return true;
        }
        offset += c.len_utf16();
    }
    offset == caret
}

/// The ASCII digits of `s`, full-width ones converted.
pub fn digits_of(s: &str) -> String {
    s.chars().filter_map(payjp_wasm::core::normalize::ascii_digit).collect()
}

/// "Now" for the expiry rules: November 2026 as in the table tests, or a month of 2000–2199 (the
/// clock is the browser's; a year outside that is not a date a buyer's device shows).
pub fn now_from(bytes: &[u8]) -> YearMonth {
    match bytes {
        [] => YearMonth { year: 2026, month: 11 },
        _ => YearMonth { year: 2000 + u16::from(byte(bytes, 0)) % 200, month: 1 + byte(bytes, 1) % 12 },
    }
}

/// Every network the brand table knows, and "not known yet".
pub const NETWORKS: [Option<Network>; 10] = [
    None,
    Some(Network::Visa),
    Some(Network::MasterCard),
    Some(Network::Jcb),
    Some(Network::AmericanExpress),
    Some(Network::DinersClub),
    Some(Network::Discover),
    Some(Network::UnionPay),
    Some(Network::Maestro),
    Some(Network::Mir),
];

/// Runs a future whose every await is ready at once (the fakes never pend).
pub fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    match f.as_mut().poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("a fake pended"),
    }
}

/// A JSON document from fuzz input: the input itself when it is JSON (the seed corpus holds
/// PAY.JP's real answers), else a document built from its bytes by a small generator that favours
/// the keys and values the SDK's readers look at, so that every input is JSON and the readers'
/// deeper paths are reached.
pub fn json_from(data: &[u8]) -> serde_json::Value {
    if let Ok(value) = serde_json::from_slice(data) {
        return value;
    }
    JsonGen { data, at: 0 }.value(0)
}

struct JsonGen<'a> {
    data: &'a [u8],
    at: usize,
}

const KEYS: [&str; 16] = [
    "object", "id", "card", "brand", "last4", "livemode", "three_d_secure_status", "card_types_supported", "error",
    "type", "message", "status", "code", "param", "used", "created",
];
const STRINGS: [&str; 14] = [
    "token", "card", "tok_", "tok_5ca06b51685e001723a2c3b4aeb4", "Visa", "4242", "card_error", "client_error",
    "over_capacity", "", "verified", "unverified", "Test response.", "\u{0}",
];
const NUMBERS: [f64; 12] = [0.0, 200.0, 402.0, 429.0, 503.0, 99.99, 100.0, 599.999, 600.0, -1.0, 1e300, 65536.0];

impl JsonGen<'_> {
    fn next(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn string(&mut self) -> String {
        match self.next() {
            b if usize::from(b) < STRINGS.len() * 8 => STRINGS[usize::from(b) % STRINGS.len()].to_string(),
            b => {
                let len = usize::from(b % 16);
                let start = self.at.min(self.data.len());
                let end = (start + len).min(self.data.len());
                self.at = end;
                String::from_utf8_lossy(&self.data[start..end]).into_owned()
            }
        }
    }

    fn key(&mut self) -> String {
        match self.next() {
            b if usize::from(b) < KEYS.len() * 12 => KEYS[usize::from(b) % KEYS.len()].to_string(),
            _ => self.string(),
        }
    }

    fn value(&mut self, depth: u8) -> serde_json::Value {
        use serde_json::Value;
        let kind = self.next() % 8;
        match kind {
            0 => Value::Null,
            1 => Value::Bool(self.next() & 1 == 1),
            2 => {
                let b = self.next();
                let n = if b < 128 { NUMBERS[usize::from(b) % NUMBERS.len()] } else { f64::from(u16::from_le_bytes([b, self.next()])) / 4.0 };
                serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
            }
            3 | 4 => Value::String(self.string()),
            5 if depth < 4 => {
                let n = self.next() % 4;
                Value::Array((0..n).map(|_| self.value(depth + 1)).collect())
            }
            _ if depth < 4 => {
                let n = self.next() % 7;
                Value::Object((0..n).map(|_| (self.key(), self.value(depth + 1))).collect())
            }
            _ => Value::Null,
        }
    }
}
