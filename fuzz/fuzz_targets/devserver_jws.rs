//! `back_url` checking (`devserver/src/jws.rs`): an HS256 JWS over `{"url": …}` signed with the
//! account's secret key.
//!
//! Input, separated by 0xFF: a header and a payload (the JWS's JSON parts, as bytes), the
//! 24 hex digits of the account (as bytes, mapped to hex), three bytes of mutation (a position,
//! little-endian, and a byte), and a last argument tried as a whole JWS. The header and payload
//! are signed here, independently of the devserver, with the account's secret key.
//!
//! Invariants: a JWS verifies only when its header says HS256 and its payload's `url` is an
//! http(s) URL with no space or control character, and then yields exactly that URL; it never
//! verifies with another account's key, nor after any one byte of it is changed, removed or
//! added; and no input panics.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use libfuzzer_sys::fuzz_target;
use payjp_wasm_fuzz::{byte, fields, text};
use serde_json::Value;
use sha2::Sha256;

use devserver::jws::verify;

fn sign(header: &[u8], payload: &[u8], key: &str) -> String {
    let signing_input = format!("{}.{}", URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(payload));
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("any key length");
    mac.update(signing_input.as_bytes());
    format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

fn account(bytes: &[u8]) -> String {
    (0..24).map(|i| char::from(b"0123456789abcdef"[usize::from(byte(bytes, i) % 16)])).collect()
}

fuzz_target!(|data: &[u8]| {
    let [header, payload, hex, mutation, whole] = fields::<5>(data);
    let key = format!("sk_test_{}", account(hex));
    // Another account: one hex digit differs.
    let mut other = key.clone().into_bytes();
    let last = other.len() - 1;
    other[last] = if other[last] == b'0' { b'1' } else { b'0' };
    let other = String::from_utf8(other).expect("ASCII");

    // Any text at all.
    let whole = text(whole);
    if let Ok(url) = verify(&whole, &key) {
        assert!(url.starts_with("https://") || url.starts_with("http://"));
    }

    let jws = sign(header, payload, &key);
    let result = verify(&jws, &key);
    let header_json: Option<Value> = serde_json::from_slice(header).ok();
    let payload_json: Option<Value> = serde_json::from_slice(payload).ok();
    let alg_ok = header_json.as_ref().is_some_and(|h| h["alg"] == "HS256");
    let url = payload_json.as_ref().and_then(|p| p["url"].as_str());
    let url_ok = url.is_some_and(|u| {
        (u.starts_with("https://") || u.starts_with("http://")) && u.len() >= 10 && !u.chars().any(|c| c.is_control() || c == ' ')
    });
    match &result {
        Ok(got) => {
            assert!(alg_ok, "verified without HS256");
            assert_eq!(Some(got.as_str()), url, "the URL is the payload's");
            assert!(url_ok);
        }
        Err(_) => assert!(!(alg_ok && url_ok), "a well-signed back_url was refused"),
    }
    assert!(verify(&jws, &other).is_err(), "another account's key verified it");

    // One byte changed, removed or added: never verifies.
    let bytes = jws.as_bytes();
    let at = usize::from(u16::from_le_bytes([byte(mutation, 0), byte(mutation, 1)])) % bytes.len();
    let b = byte(mutation, 2);
    let mut changed = bytes.to_vec();
    changed[at] = if changed[at] == b { b ^ 1 } else { b };
    let mut removed = bytes.to_vec();
    removed.remove(at);
    let mut added = bytes.to_vec();
    added.insert(at, b);
    for tampered in [changed, removed, added] {
        if let Ok(tampered) = String::from_utf8(tampered) {
            assert!(verify(&tampered, &key).is_err(), "a changed JWS verified: {tampered:?}");
        }
    }
});
