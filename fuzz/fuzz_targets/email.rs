//! The e-mail address and its suggestion. Input: the text. Invariants: the answer is consistent,
//! normalising is idempotent, a valid address is ASCII `local@domain` of at most 254 characters,
//! and a suggestion is a valid address with one of the common domains, the same local part, and
//! no further suggestion.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::core::email::COMMON_MAIL_DOMAINS;
use payjp_wasm::core::{suggest_email, validate_email};
use payjp_wasm_fuzz::text;

fuzz_target!(|data: &[u8]| {
    let s = text(data);
    let check = validate_email(&s);
    assert!(check.problem.is_none() || !check.is_potentially_valid);
    assert!(!check.is_valid || (check.is_potentially_valid && check.problem.is_none()));
    assert!(check.is_potentially_valid || check.problem.is_some());
    assert_eq!(validate_email(&check.value), check, "normalising is idempotent");
    if check.is_valid {
        assert!(check.value.is_ascii() && check.value.len() <= 254);
        assert_eq!(check.value.matches('@').count(), 1);
        let (local, domain) = check.value.split_once('@').expect("an @");
        assert!(!local.is_empty() && domain.contains('.'));
    }
    if let Some(suggestion) = suggest_email(&s) {
        assert!(validate_email(&suggestion).is_valid, "a suggestion is a valid address");
        assert_eq!(suggest_email(&suggestion), None, "and suggests nothing more");
        let (local, domain) = suggestion.split_once('@').expect("an @");
        assert!(COMMON_MAIL_DOMAINS.contains(&domain));
        assert_eq!(Some(local), check.value.split_once('@').map(|(l, _)| l), "the local part is the buyer's");
    }
});
