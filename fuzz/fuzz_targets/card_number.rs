//! The card number as typed: validation, normalisation, brand detection and the formatter.
//! Input: the field's text. Invariants: the validator's answer is consistent, normalising is
//! idempotent, a valid number is a whole number of an accepted brand that passes Luhn, and the
//! formatter changes neither what the validator says nor where the caret is, and is a fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::core::{
    detect_brand, field_state, format_card_number, luhn_valid, normalize_card_number, validate_card_number, FieldKind,
};
use payjp_wasm_fuzz::{now_from, on_char_boundary, text, utf16_len};

fuzz_target!(|data: &[u8]| {
    let s = text(data);
    let check = validate_card_number(&s);
    assert!(check.problem.is_none() || !check.is_potentially_valid, "a problem with a field that may still be valid");
    assert!(!check.is_valid || (check.is_potentially_valid && check.problem.is_none()));
    assert!(check.is_potentially_valid || check.problem.is_some(), "invalid without a reason");

    let normalized = normalize_card_number(&s);
    assert_eq!(check.digits, normalized.digits);
    assert!(normalized.digits.bytes().all(|b| b.is_ascii_digit()));
    let again = normalize_card_number(&normalized.digits);
    assert_eq!(again.digits, normalized.digits, "normalising is idempotent");
    assert!(!again.has_invalid);
    assert_eq!(check.detection, detect_brand(&s), "one brand rule");

    if check.is_valid {
        let network = check.detection.network().expect("a valid number has a brand");
        assert!(network.is_accepted());
        assert!(network.rule().lengths.contains(&(check.digits.len() as u8)));
        assert!(luhn_valid(&check.digits));
        assert!(!normalized.has_invalid);
        // The digits alone are the same valid number (what the token request sends).
        let plain = validate_card_number(&check.digits);
        assert!(plain.is_valid && plain.digits == check.digits && plain.detection == check.detection);
    }

    let state = field_state(FieldKind::Number, &s, None, true, true, now_from(&[]));
    assert_eq!(state.complete, check.is_valid);
    assert_eq!(state.network, check.detection.network());

    let len = utf16_len(&s);
    for caret in [0, len / 2, len, len + 3] {
        let f = format_card_number(&s, caret);
        assert!(f.caret <= utf16_len(&f.text) && on_char_boundary(&f.text, f.caret), "caret out of the text");
        let shown = validate_card_number(&f.text);
        assert_eq!(shown.digits, check.digits, "formatting keeps the digits");
        assert_eq!((shown.is_valid, shown.is_potentially_valid, shown.problem, shown.detection),
                   (check.is_valid, check.is_potentially_valid, check.problem, check.detection),
                   "formatting does not change the validator's answer");
        let twice = format_card_number(&f.text, f.caret);
        assert_eq!(twice, f, "formatting is a fixed point");
    }
});
