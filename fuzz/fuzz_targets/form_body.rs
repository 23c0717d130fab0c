//! The token request on the wire: `TokenRequest::form_body`, parsed back with
//! `form_urlencoded::parse`, gives the same fields, in order, empty ones left out; and the body is
//! written into one buffer sized up front (no reallocation leaves a copy of the card in freed
//! memory). Also `CardData::from_fields`: what it accepts is normalised, valid again as it is sent,
//! and round-trips through the body the same way.
//!
//! Input: fifteen arguments separated by 0xFF: the thirteen card fields (number, cvc, exp_month,
//! exp_year, name, email, phone, country, address_state, address_city, address_line1,
//! address_line2, address_zip), the tenant, and a byte of flags (bit 0: three_d_secure).
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use libfuzzer_sys::fuzz_target;
use payjp_wasm::api::{CardData, TokenRequest};
use payjp_wasm::core::{validate_card_number, validate_cvc, validate_email, validate_expiry, validate_holder_name, validate_phone};
use payjp_wasm_fuzz::{byte, fields, now_from, text};

/// Counts reallocations while `COUNTING` is set.
struct CountingAllocator;

static COUNTING: AtomicBool = AtomicBool::new(false);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.load(Ordering::Relaxed) {
            REALLOCS.fetch_add(1, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const NAMES: [&str; 13] = [
    "card[number]", "card[cvc]", "card[exp_month]", "card[exp_year]", "card[name]", "card[email]", "card[phone]",
    "card[country]", "card[address_state]", "card[address_city]", "card[address_line1]", "card[address_line2]",
    "card[address_zip]",
];

fn values(c: &CardData) -> [&str; 13] {
    [
        &c.number, &c.cvc, &c.exp_month, &c.exp_year, &c.name, &c.email, &c.phone, &c.country, &c.address_state,
        &c.address_city, &c.address_line1, &c.address_line2, &c.address_zip,
    ]
}

/// The body of `request`, checked: one buffer, and it parses back to the request's fields.
fn check_round_trip(request: &TokenRequest) {
    REALLOCS.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let body = request.form_body();
    COUNTING.store(false, Ordering::Relaxed);
    assert_eq!(REALLOCS.load(Ordering::Relaxed), 0, "the body outgrew its buffer: a copy of the card is left in freed memory");

    let mut expected: Vec<(String, String)> = NAMES
        .iter()
        .zip(values(&request.card))
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    if request.three_d_secure {
        expected.push(("three_d_secure".into(), "true".into()));
    }
    if !request.tenant.is_empty() {
        expected.push(("tenant".into(), request.tenant.clone()));
    }
    let parsed: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes()).into_owned().collect();
    assert_eq!(parsed, expected, "the body parses back to the same fields");
    assert!(body.bytes().all(|b| b.is_ascii_graphic()), "the body is plain ASCII");
}

fuzz_target!(|data: &[u8]| {
    let f = fields::<15>(data);
    let t: Vec<String> = f[..14].iter().map(|b| text(b)).collect();
    let flags = byte(f[14], 0);
    let mut card = CardData::default();
    card.number = t[0].clone();
    card.cvc = t[1].clone();
    card.exp_month = t[2].clone();
    card.exp_year = t[3].clone();
    card.name = t[4].clone();
    card.email = t[5].clone();
    card.phone = t[6].clone();
    card.country = t[7].clone();
    card.address_state = t[8].clone();
    card.address_city = t[9].clone();
    card.address_line1 = t[10].clone();
    card.address_line2 = t[11].clone();
    card.address_zip = t[12].clone();
    let three_d_secure = flags & 1 == 1;
    check_round_trip(&TokenRequest { card, three_d_secure, tenant: t[13].clone() });

    // What the card form sends: the number, "MM/YY" (the expiry field), the CVC, name, e-mail
    // and phone, through the validators.
    let now = now_from(&[]);
    let holder = [4, 5, 6].map(|i| (!f[i].is_empty()).then(|| t[i].clone()));
    match CardData::from_fields(&t[0], &t[2], &t[1], holder, three_d_secure, now) {
        Ok(card) => {
            let number = validate_card_number(&card.number);
            assert!(number.is_valid && number.digits == card.number, "the number is sent as its digits");
            let expiry = validate_expiry(&format!("{}/{}", card.exp_month, card.exp_year), now);
            assert!(expiry.is_valid && card.exp_month.len() == 2 && card.exp_year.len() == 4);
            let cvc = validate_cvc(&card.cvc, number.detection.network());
            assert!(cvc.is_valid && cvc.value == card.cvc);
            for (value, validate) in [(&card.name, validate_holder_name as fn(&str) -> _), (&card.email, validate_email), (&card.phone, validate_phone)] {
                if !value.is_empty() {
                    let check = validate(value);
                    assert!(check.is_valid && check.value == *value, "a holder detail is sent normalised");
                }
            }
            if three_d_secure {
                assert!(!card.name.is_empty() && !(card.email.is_empty() && card.phone.is_empty()), "3-D Secure has a name and a contact");
            }
            check_round_trip(&TokenRequest { card, three_d_secure, tenant: String::new() });
        }
        Err(problems) => assert!(!problems.is_empty(), "a refusal names a problem"),
    }
});
