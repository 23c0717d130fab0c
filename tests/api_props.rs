//! Properties of the API layer: reading any answer is total (whatever JSON, whatever status), and
//! the token request's form body round-trips through the url crate's own decoder and is written
//! into one buffer (a buffer that grows leaves a copy of the card behind, unzeroised); the
//! Authorization header is the base64 crate's encoding of the key.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use payjp_wasm::api::client::HttpResponse;
use payjp_wasm::api::request::path_segment;
use payjp_wasm::api::response::{decode, Availability, ErrorBody, Token};
use payjp_wasm::api::{ApiBase, CardData, ClientConfig, PublicKey, TokenRequest};
use proptest::prelude::*;

mod support;
use support::Doc;

/// Counts each thread's reallocations, so that a test sees whether a buffer grew.
struct CountingAllocator;

thread_local! {
    static REALLOCS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is passed to the system allocator unchanged; counting allocates nothing.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = REALLOCS.try_with(|r| r.set(r.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The request's form body, and how many reallocations writing it took.
fn body_and_reallocs(request: &TokenRequest) -> (String, usize) {
    let before = REALLOCS.with(Cell::get);
    let body = request.form_body();
    let reallocs = REALLOCS.with(Cell::get) - before;
    (body.to_string(), reallocs)
}

fn card_with_every_field(value: &str) -> CardData {
    let mut card = CardData::default();
    for field in [
        &mut card.number, &mut card.cvc, &mut card.exp_month, &mut card.exp_year, &mut card.name, &mut card.email,
        &mut card.phone, &mut card.country, &mut card.address_state, &mut card.address_city, &mut card.address_line1,
        &mut card.address_line2, &mut card.address_zip,
    ] {
        *field = value.to_string();
    }
    card
}

/// Found by fuzz/fuzz_targets/form_body.rs (fuzz/artifacts/form_body/): the buffer left out the
/// four bytes the brackets of each name encode to, so a body of short non-ASCII fields (each byte
/// three when encoded) outgrew it.
#[test]
fn the_form_body_fits_its_buffer_at_its_longest() {
    for value in ["é", "渋", "\u{1F4B3}", "%", "ée"] {
        let request = TokenRequest { card: card_with_every_field(value), three_d_secure: true, tenant: value.to_string() };
        let (body, reallocs) = body_and_reallocs(&request);
        assert_eq!(reallocs, 0, "{value:?}: {} bytes", body.len());
    }
}

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
    fn no_form_body_outgrows_its_buffer(fields in proptest::collection::vec(any::<String>(), 14), tds in any::<bool>()) {
        let mut card = card_with_every_field("");
        for (field, value) in [
            &mut card.number, &mut card.cvc, &mut card.exp_month, &mut card.exp_year, &mut card.name, &mut card.email,
            &mut card.phone, &mut card.country, &mut card.address_state, &mut card.address_city, &mut card.address_line1,
            &mut card.address_line2, &mut card.address_zip,
        ].into_iter().zip(&fields) {
            *field = value.clone();
        }
        let request = TokenRequest { card, three_d_secure: tds, tenant: fields[13].clone() };
        prop_assert_eq!(body_and_reallocs(&request).1, 0);
    }

    #[test]
    fn an_id_stays_one_path_segment(id in any::<String>()) {
        let segment = path_segment(&id);
        prop_assert!(!segment.contains(['/', '?', '#']));
        let decoded: Vec<(String, String)> = form_urlencoded::parse(format!("x={segment}").as_bytes()).into_owned().collect();
        prop_assert_eq!(&decoded[0].1, &id);
    }

    /// The Authorization header src/api/config.rs encodes by hand is the base64 crate's, for every
    /// key length (the three paddings), both modes, and keys given with white space around them.
    #[test]
    fn the_authorization_header_is_basic_base64_of_the_key(key in "[ \t\n]{0,2}pk_(test|live)_[A-Za-z0-9]{1,80}[ \t\n]{0,2}") {
        let config = ClientConfig::new(PublicKey::parse(&key).unwrap(), ApiBase::default());
        // The key as parsed: trimmed.
        let expected = format!("Basic {}", base64::Engine::encode(&base64::engine::general_purpose::STANDARD, format!("{}:", key.trim())));
        prop_assert_eq!(config.authorization(), expected.as_str());
    }
}
