//! Properties of the card core: nothing panics on any input, normalisation is idempotent,
//! formatting keeps the digits and the caret.
#![cfg(not(target_arch = "wasm32"))]

use payjp_wasm::core::{
    format_card_number, normalize_card_number, reformat_card_number, validate_card_number, validate_cvc,
    validate_email, validate_expiry, validate_holder_name, validate_phone, EditKind, Network, YearMonth,
};
use proptest::prelude::*;

/// Characters a card field actually meets: ASCII and full-width digits, every separator, and a
/// few troublemakers (letters, circled digits, astral characters).
fn card_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('0', '9'),
        3 => proptest::char::range('\u{FF10}', '\u{FF19}'),
        2 => proptest::sample::select(vec![' ', '-', '\u{3000}', '\u{00A0}', '\u{FF0D}', '\u{30FC}', '\u{2010}', '\u{2015}', '\u{2212}', '/', '\u{FF0F}']),
        1 => proptest::sample::select(vec!['a', 'Z', '①', '.', '\u{1D7CE}', '山', '\u{200B}']),
    ]
}

fn card_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(card_char(), 0..40).prop_map(|v| v.into_iter().collect())
}

fn any_long_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..10_000).prop_map(|v| v.into_iter().collect())
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Non-separator characters before a UTF-16 offset.
fn tokens_before(s: &str, caret: usize) -> usize {
    let mut offset = 0;
    let mut n = 0;
    for c in s.chars() {
        if offset >= caret {
            break;
        }
        if !normalize_card_number(&c.to_string()).digits.is_empty() || normalize_card_number(&c.to_string()).has_invalid {
            n += 1;
        }
        offset += c.len_utf16();
    }
    n
}

const NOW: YearMonth = YearMonth { year: 2026, month: 11 };

fn run_every_validator(s: &str) {
    let number = validate_card_number(s);
    assert!(number.problem.is_none() || !number.is_potentially_valid);
    assert!(!number.is_valid || number.is_potentially_valid);
    let expiry = validate_expiry(s, NOW);
    assert!(expiry.problem.is_none() || !expiry.is_potentially_valid);
    for check in [
        validate_cvc(s, None),
        validate_cvc(s, Some(Network::AmericanExpress)),
        validate_holder_name(s),
        validate_email(s),
        validate_phone(s),
    ] {
        assert!(check.problem.is_none() || !check.is_potentially_valid);
        assert!(!check.is_valid || check.problem.is_none());
    }
    let f = format_card_number(s, utf16_len(s) / 2);
    assert!(f.caret <= utf16_len(&f.text));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn nothing_panics_on_short_unicode(s in any::<String>()) {
        run_every_validator(&s);
    }

    #[test]
    fn nothing_panics_on_card_like_text(s in card_text()) {
        run_every_validator(&s);
    }

    #[test]
    fn normalising_twice_equals_normalising_once(s in card_text()) {
        let once = normalize_card_number(&s);
        let twice = normalize_card_number(&once.digits);
        prop_assert_eq!(&twice.digits, &once.digits);
        prop_assert!(!twice.has_invalid);
        prop_assert!(once.digits.bytes().all(|b| b.is_ascii_digit()));
    }

    #[test]
    fn field_normalisation_is_idempotent(s in any::<String>()) {
        for validate in [validate_holder_name, validate_email] {
            let once = validate(&s);
            let twice = validate(&once.value);
            prop_assert_eq!(&twice.value, &once.value);
            prop_assert_eq!((twice.is_valid, twice.problem), (once.is_valid, once.problem));
        }
        let phone = validate_phone(&s);
        if phone.is_valid {
            let again = validate_phone(&phone.value);
            prop_assert!(again.is_valid);
            prop_assert_eq!(again.value, phone.value);
        }
    }

    #[test]
    fn formatting_keeps_digits_and_the_caret(s in card_text(), caret_seed in 0usize..64) {
        let caret = caret_seed.min(utf16_len(&s));
        let f = format_card_number(&s, caret);
        // The same digits, in the same order.
        prop_assert_eq!(normalize_card_number(&f.text).digits, normalize_card_number(&s).digits);
        // The caret is in range and sits after the same token.
        prop_assert!(f.caret <= utf16_len(&f.text));
        prop_assert_eq!(tokens_before(&f.text, f.caret), tokens_before(&s, caret));
        // Never in the middle of a surrogate pair.
        prop_assert!(f.text.char_indices().map(|(i, _)| utf16_len(&f.text[..i])).chain([utf16_len(&f.text)]).any(|o| o == f.caret));
        // Formatting is a fixed point.
        let again = format_card_number(&f.text, f.caret);
        prop_assert_eq!(&again.text, &f.text);
        prop_assert_eq!(again.caret, f.caret);
    }

    #[test]
    fn validity_does_not_depend_on_formatting(s in card_text()) {
        let f = format_card_number(&s, 0);
        let a = validate_card_number(&s);
        let b = validate_card_number(&f.text);
        prop_assert_eq!(a.is_valid, b.is_valid);
        prop_assert_eq!(a.detection, b.detection);
    }

    #[test]
    fn deleting_never_panics_and_keeps_the_caret_in_range(s in card_text(), caret_seed in 0usize..64, back in any::<bool>()) {
        let previous = format_card_number(&s, 0).text;
        let len = utf16_len(&previous);
        let caret = caret_seed.min(len);
        let kind = if back { EditKind::DeleteBackward } else { EditKind::DeleteForward };
        // Remove one character at the caret, as the browser would.
        let chars: Vec<char> = previous.chars().collect();
        let idx = previous.chars().scan(0, |o, c| { let start = *o; *o += c.len_utf16(); Some(start) }).position(|o| o >= caret).unwrap_or(chars.len());
        let remove_at = if back { idx.checked_sub(1) } else { (idx < chars.len()).then_some(idx) };
        let mut current = chars.clone();
        let new_caret = match remove_at {
            Some(i) => { current.remove(i); chars[..i].iter().map(|c| c.len_utf16()).sum() }
            None => caret,
        };
        let current: String = current.into_iter().collect();
        let f = reformat_card_number(&previous, &current, new_caret, kind);
        prop_assert!(f.caret <= utf16_len(&f.text));
        // A deletion never adds digits.
        prop_assert!(normalize_card_number(&f.text).digits.len() <= normalize_card_number(&previous).digits.len());
        if remove_at.is_some() {
            prop_assert!(normalize_card_number(&f.text).digits.len() + 1 >= normalize_card_number(&previous).digits.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn nothing_panics_on_ten_thousand_characters(s in any_long_text()) {
        run_every_validator(&s);
    }

    #[test]
    fn nothing_panics_on_ten_thousand_card_characters(v in proptest::collection::vec(card_char(), 9_000..10_000)) {
        let s: String = v.into_iter().collect();
        run_every_validator(&s);
        let f = format_card_number(&s, utf16_len(&s));
        prop_assert_eq!(f.caret, utf16_len(&f.text));
    }
}
