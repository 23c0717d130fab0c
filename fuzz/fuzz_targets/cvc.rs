//! The security code, for every brand. Input: the text. Invariants: the answer is consistent, a
//! valid CVC is the brand's number of ASCII digits and stays valid as it is sent, and the
//! formatter keeps the validator's answer and is a fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::core::cvc::cvc_lengths;
use payjp_wasm::core::{field_state, format_cvc, validate_cvc, FieldKind};
use payjp_wasm_fuzz::{digits_of, now_from, on_char_boundary, text, utf16_len, NETWORKS};

fuzz_target!(|data: &[u8]| {
    let s = text(data);
    let len = utf16_len(&s);
    let f = format_cvc(&s, len / 2);
    assert!(f.caret <= utf16_len(&f.text) && on_char_boundary(&f.text, f.caret));
    assert_eq!(digits_of(&f.text), digits_of(&s));
    assert_eq!(format_cvc(&f.text, f.caret), f, "formatting is a fixed point");
    for network in NETWORKS {
        let check = validate_cvc(&s, network);
        assert!(check.problem.is_none() || !check.is_potentially_valid);
        assert!(!check.is_valid || (check.is_potentially_valid && check.problem.is_none()));
        assert!(check.is_potentially_valid || check.problem.is_some());
        assert!(check.value.bytes().all(|b| b.is_ascii_digit()));
        if check.is_valid {
            assert!(cvc_lengths(network).contains(&check.value.len()));
            assert_eq!(validate_cvc(&check.value, network), check, "the value sent is valid as it is");
        }
        assert_eq!(validate_cvc(&f.text, network), check, "formatting does not change the answer");
        assert_eq!(field_state(FieldKind::Cvc, &s, network, true, true, now_from(&[])).complete, check.is_valid);
    }
});
