//! The phone number for 3-D Secure. Input: the text. Invariants: the answer is consistent, a
//! valid number is E.164 (`+` and 8–15 digits, no leading zero) and reads the same again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::core::validate_phone;
use payjp_wasm_fuzz::text;

fuzz_target!(|data: &[u8]| {
    let s = text(data);
    let check = validate_phone(&s);
    assert!(check.problem.is_none() || !check.is_potentially_valid);
    assert!(!check.is_valid || (check.is_potentially_valid && check.problem.is_none()));
    assert!(check.is_potentially_valid || check.problem.is_some());
    if check.is_valid {
        let digits = check.value.strip_prefix('+').expect("E.164 starts with +");
        assert!(digits.bytes().all(|b| b.is_ascii_digit()), "E.164 is digits");
        assert!((8..=15).contains(&digits.len()) && !digits.starts_with('0'));
        assert_eq!(validate_phone(&check.value), check, "the value sent is valid as it is");
    }
});
