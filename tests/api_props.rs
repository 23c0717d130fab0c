//! Properties of the API layer: the JSON reader and every decoder are total, and form encoding
//! round-trips through a standard decoder.
#![cfg(not(target_arch = "wasm32"))]

use payjp_wasm::api::request::form_encode_into;
use payjp_wasm::api::response::{decode, decode_error};
use payjp_wasm::api::{Json, Token};
use proptest::prelude::*;

fn form_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn json_reader_never_panics(s in any::<String>()) {
        let _ = Json::parse(&s);
    }

    #[test]
    fn json_reader_never_panics_on_json_like_text(s in "[\\[\\]{}\",:0-9a-z\\\\ .eE+-]{0,200}") {
        if let Some(json) = Json::parse(&s) {
            let _ = Token::decode(&json);
            let _ = decode_error(&json);
        }
    }

    #[test]
    fn decoding_any_answer_never_panics(status in 100u16..600, body in any::<String>()) {
        let _ = decode(status, &body, Token::decode);
    }

    #[test]
    fn form_encoding_round_trips(s in any::<String>()) {
        let mut encoded = String::new();
        form_encode_into(&mut encoded, &s);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"*-._+%".contains(&b)));
        prop_assert_eq!(form_decode(&encoded), s);
    }
}
