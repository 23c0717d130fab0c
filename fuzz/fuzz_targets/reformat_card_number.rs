//! A card number field after an edit: `reformat_card_number(previous, current, caret, kind)`.
//! Input: previous, current, then two bytes of caret (UTF-16, little-endian) and one of kind
//! (Insert, Backspace, Delete), separated by 0xFF. Invariants: the caret lands in the text on a
//! character boundary, the result is formatted (a fixed point), typing keeps every digit and the
//! formatter's answer, a deletion removes at most the one digit behind a deleted separator, and
//! only when the separator was all that was deleted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::core::{format_card_number, normalize_card_number, reformat_card_number, validate_card_number, EditKind};
use payjp_wasm_fuzz::{byte, caret, fields, on_char_boundary, text, utf16_len};

/// Every character of `s` that formatting keeps (digits, as ASCII, and invalid characters).
fn tokens(s: &str) -> String {
    format_card_number(s, 0).text.chars().filter(|&c| c != ' ').collect()
}

fuzz_target!(|data: &[u8]| {
    let [previous, current, params] = fields::<3>(data);
    let (previous, current) = (text(previous), text(current));
    let kind = [EditKind::Insert, EditKind::DeleteBackward, EditKind::DeleteForward][usize::from(byte(params, 2)) % 3];
    let at = caret(params, 0);
    let f = reformat_card_number(&previous, &current, at, kind);
    assert!(f.caret <= utf16_len(&f.text) && on_char_boundary(&f.text, f.caret), "caret out of the text");
    assert_eq!(format_card_number(&f.text, f.caret), f, "the result is formatted");
    let typed = format_card_number(&current, at);
    if kind == EditKind::Insert || previous == current {
        assert_eq!(f, typed, "typing formats what is there");
    } else {
        let (now, was) = (tokens(&f.text), tokens(&current));
        if now == was {
            assert_eq!(f, typed, "without the separator rule, the edit is formatted as it is");
        } else {
            // The separator rule: only when the edit removed separators alone, and then one
            // character next to the caret goes.
            assert_eq!(tokens(&previous), was, "a digit went though the edit removed one");
            assert_eq!(now.chars().count() + 1, was.chars().count());
        }
        let shown = normalize_card_number(&f.text).digits.len();
        assert!(shown + 1 >= normalize_card_number(&current).digits.len());
    }
    let v = validate_card_number(&f.text);
    assert!(v.problem.is_none() || !v.is_potentially_valid);
});
