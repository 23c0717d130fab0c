//! The expiry date as typed, against a clock. Input: the text, then (after 0xFF) two bytes for
//! "now" (none: November 2026). Invariants: the answer is consistent, a valid date is inside the
//! window, and the formatter keeps the validator's reading, adds at most a month's leading zero,
//! and is a fixed point; a one-digit month waits rather than being called wrong.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::core::expiry::MAX_YEARS_AHEAD;
use payjp_wasm::core::{field_state, format_expiry, validate_expiry, FieldKind};
use payjp_wasm_fuzz::{digits_of, fields, now_from, on_char_boundary, text, utf16_len};

/// What the validator trims from the end (a space after a one-digit month waits there, but ends
/// the month in the formatter, which shows `01`).
fn ends_in_space(s: &str) -> bool {
    s.trim_end_matches(['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}']).ends_with([' ', '\u{3000}', '\u{00A0}'])
}

fuzz_target!(|data: &[u8]| {
    let [typed, now] = fields::<2>(data);
    let (s, now) = (text(typed), now_from(now));
    let check = validate_expiry(&s, now);
    assert!(check.problem.is_none() || !check.is_potentially_valid);
    assert!(!check.is_valid || (check.is_potentially_valid && check.problem.is_none()));
    assert!(check.is_potentially_valid || check.problem.is_some(), "invalid without a reason");
    if let Some(m) = check.month {
        assert!((1..=12).contains(&m));
    }
    if check.is_valid {
        let (m, y) = (check.month.expect("month"), check.year.expect("year"));
        assert!((y, m) >= (now.year, now.month), "a valid date is not past");
        assert!(y <= now.year + MAX_YEARS_AHEAD, "nor too far");
    }
    assert_eq!(field_state(FieldKind::Expiry, &s, None, true, true, now).complete, check.is_valid);

    let len = utf16_len(&s);
    let f = format_expiry(&s, len);
    assert!(f.caret <= utf16_len(&f.text) && on_char_boundary(&f.text, f.caret));
    let (out, typed_digits) = (digits_of(&f.text), digits_of(&s));
    assert!(out == typed_digits || (out == format!("0{typed_digits}") && f.text.starts_with('0')), "digits kept");
    assert_eq!(format_expiry(&f.text, f.caret), f, "formatting is a fixed point");
    let shown = validate_expiry(&f.text, now);
    if check.month.is_some() {
        assert_eq!(shown.month, check.month, "the formatter reads the month as the validator does");
    }
    if check.year.is_some() || (check.is_potentially_valid && !ends_in_space(&s)) {
        assert_eq!(shown, check, "the formatter keeps the validator's reading");
    }
    for caret in [0, len / 2] {
        let g = format_expiry(&s, caret);
        assert_eq!(g.text, f.text, "the caret moves nothing");
        assert!(g.caret <= utf16_len(&g.text) && on_char_boundary(&g.text, g.caret));
    }
});
