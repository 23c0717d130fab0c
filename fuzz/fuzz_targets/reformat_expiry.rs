//! An expiry field after an edit: `reformat_expiry(previous, current, caret, kind)`. Input as for
//! `reformat_card_number`. Invariants: the caret lands in the text on a character boundary, the
//! result is formatted (a fixed point of `format_expiry`), typing is `format_expiry` of what is
//! there, and a deletion loses at most one digit and adds at most a month's leading zero.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::core::{format_expiry, reformat_expiry, validate_expiry, EditKind};
use payjp_wasm_fuzz::{byte, caret, digits_of, fields, now_from, on_char_boundary, text, utf16_len};

fuzz_target!(|data: &[u8]| {
    let [previous, current, params] = fields::<3>(data);
    let (previous, current) = (text(previous), text(current));
    let kind = [EditKind::Insert, EditKind::DeleteBackward, EditKind::DeleteForward][usize::from(byte(params, 2)) % 3];
    let at = caret(params, 0);
    let f = reformat_expiry(&previous, &current, at, kind);
    assert!(f.caret <= utf16_len(&f.text) && on_char_boundary(&f.text, f.caret), "caret out of the text");
    assert_eq!(format_expiry(&f.text, f.caret), f, "the result is formatted");
    if kind == EditKind::Insert {
        assert_eq!(f, format_expiry(&current, at), "typing formats what is there");
    }
    let (now, was) = (digits_of(&f.text).len(), digits_of(&current).len());
    assert!(now <= was + 1, "at most a leading zero is added");
    assert!(now + 1 >= was, "at most one digit goes");
    let v = validate_expiry(&f.text, now_from(&[]));
    assert!(v.problem.is_none() || !v.is_potentially_valid);
});
