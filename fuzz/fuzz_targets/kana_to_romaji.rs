//! The romaji suggestion for a name typed in kana. Input: the text. Invariants: kanji are refused
//! (and only a name with kanji is refused as one), a suggestion is capitals, digits, single spaces,
//! `.` and `-`, trimmed, is its own suggestion, and passes the holder-name validator on
//! characters (it may be too short or too long: the buyer edits it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::core::{kana_to_romaji, validate_holder_name, Problem, RomajiError};
use payjp_wasm_fuzz::text;

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{3005}'..='\u{3007}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

fuzz_target!(|data: &[u8]| {
    let s = text(data);
    let result = kana_to_romaji(&s);
    assert_eq!(result == Err(RomajiError::Kanji), s.chars().any(is_kanji), "kanji, and only kanji, are refused as kanji");
    if let Ok(romaji) = result {
        assert!(romaji.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, ' ' | '.' | '-')), "{romaji:?}");
        assert!(!romaji.starts_with(' ') && !romaji.ends_with(' ') && !romaji.contains("  "));
        assert_eq!(kana_to_romaji(&romaji).as_deref(), Ok(romaji.as_str()), "a suggestion suggests itself");
        let check = validate_holder_name(&romaji);
        assert_eq!(check.value, romaji);
        assert!(!matches!(check.problem, Some(Problem::NameNotRomaji | Problem::NameInvalidCharacter)), "{:?}", check.problem);
    }
});
