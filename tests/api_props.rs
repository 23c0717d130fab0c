//! Properties of the API layer: reading any answer is total (whatever JSON, whatever status), and
//! the token request's form body round-trips through the url crate's own decoder.
#![cfg(not(target_arch = "wasm32"))]

use payjp_wasm::api::client::HttpResponse;
use payjp_wasm::api::request::path_segment;
use payjp_wasm::api::response::{decode, Availability, ErrorBody, Token};
use payjp_wasm::api::{CardData, TokenRequest};
use proptest::prelude::*;

mod support;
use support::Doc;

/// JSON-ish text: mostly the keys and values PAY.JP's answers hold, in any arrangement.
fn jsonish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("{".to_string()), Just("}".to_string()), Just("[".to_string()), Just("]".to_string()),
            Just(",".to_string()), Just(":".to_string()), Just("null".to_string()), Just("true".to_string()),
            Just("402".to_string()), Just("1e400".to_string()), Just("-0.5".to_string()),
            Just("\"object\"".to_string()), Just("\"token\"".to_string()), Just("\"card\"".to_string()),
            Just("\"id\"".to_string()), Just("\"tok_1\"".to_string()), Just("\"error\"".to_string()),
            Just("\"type\"".to_string()), Just("\"message\"".to_string()), Just("\"status\"".to_string()),
            Just("\"livemode\"".to_string()), Just("\"card_types_supported\"".to_string()),
            "\"[a-z_]{0,8}\"",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn reading_any_json_never_panics(text in jsonish()) {
        if let Some(doc) = Doc::parse(&text) {
            let _ = Token::read(&doc);
            let _ = ErrorBody::read(&doc);
            let _ = Availability::read(&doc);
        }
    }

    #[test]
    fn decoding_any_answer_never_panics(status in 100u16..600, text in prop_oneof![jsonish(), any::<String>()]) {
        let json = Doc::parse(&text);
        let parsed = json.is_some();
        let result = decode(HttpResponse { status, retry_after: None, json, html: false }, Token::read);
        // Success is a 2xx token only; everything else is an error with the answer's status.
        match result {
            Ok(doc) => prop_assert!((200..300).contains(&status) && Token::read(&doc).is_some()),
            Err(e) => {
                prop_assert_eq!(e.status, Some(status));
                if !parsed { prop_assert_eq!(e.code(), "invalid_response"); }
            }
        }
    }

    #[test]
    fn the_form_body_round_trips(number in any::<String>(), name in any::<String>(), city in any::<String>(), tenant in any::<String>(), tds in any::<bool>()) {
        let mut card = CardData::default();
        card.number = number.clone();
        card.name = name.clone();
        card.address_city = city.clone();
        let request = TokenRequest { card, three_d_secure: tds, tenant: tenant.clone() };
        let body = request.form_body();
        prop_assert!(body.bytes().all(|b| b.is_ascii_alphanumeric() || b"*-._+%=&".contains(&b)));
        let pairs: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes()).into_owned().collect();
        let mut expected = Vec::new();
        for (k, v) in [("card[number]", &number), ("card[name]", &name), ("card[address_city]", &city)] {
            if !v.is_empty() { expected.push((k.to_string(), v.clone())); }
        }
        if tds { expected.push(("three_d_secure".into(), "true".into())); }
        if !tenant.is_empty() { expected.push(("tenant".into(), tenant)); }
        prop_assert_eq!(pairs, expected);
    }

    #[test]
    fn an_id_stays_one_path_segment(id in any::<String>()) {
        let segment = path_segment(&id);
        prop_assert!(!segment.contains(['/', '?', '#']));
        let decoded: Vec<(String, String)> = form_urlencoded::parse(format!("x={segment}").as_bytes()).into_owned().collect();
        prop_assert_eq!(&decoded[0].1, &id);
    }
}
