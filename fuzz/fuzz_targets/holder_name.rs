//! The cardholder name. Input: the text. Invariants: the answer is consistent, normalising is
//! idempotent (the value sent reads the same again), a valid name is what PAY.JP accepts (2–45
//! of `A-Z a-z 0-9 space . -`, trimmed, single spaces), and the romaji suggestion of a name that
//! is already valid is that name in capitals.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::core::{kana_to_romaji, validate_holder_name};
use payjp_wasm_fuzz::text;

fuzz_target!(|data: &[u8]| {
    let s = text(data);
    let check = validate_holder_name(&s);
    assert!(check.problem.is_none() || !check.is_potentially_valid);
    assert!(!check.is_valid || (check.is_potentially_valid && check.problem.is_none()));
    assert!(check.is_potentially_valid || check.problem.is_some());
    let again = validate_holder_name(&check.value);
    assert_eq!(again, check, "normalising is idempotent");
    assert!(!check.value.starts_with(' ') && !check.value.ends_with(' ') && !check.value.contains("  "));
    if check.is_valid {
        let n = check.value.chars().count();
        assert!((2..=45).contains(&n));
        assert!(check.value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-')));
        assert_eq!(kana_to_romaji(&s).as_deref(), Ok(check.value.to_ascii_uppercase().as_str()), "a valid name suggests itself");
    }
});
