//! Shared fixtures for the native tests: PAY.JP's test cards (PAYJP.md §4).
#![allow(dead_code)]

/// Every PAY.JP test card and the brand its number belongs to. All are well-formed numbers:
/// the declines happen at the token API, not in the card core.
pub const TEST_CARDS: &[(&str, &str)] = &[
    // Succeed
    ("4242424242424242", "Visa"),
    ("4012888888881881", "Visa"),
    ("5555555555554444", "MasterCard"),
    ("5105105105105100", "MasterCard"),
    ("3530111333300000", "JCB"),
    ("3566002020360505", "JCB"),
    ("378282246310005", "American Express"),
    ("371449635398431", "American Express"),
    ("38520000023237", "Diners Club"),
    ("30569309025904", "Diners Club"),
    ("6011111111111117", "Discover"),
    ("6011000990139424", "Discover"),
    // Fail at token creation
    ("4000000000000002", "Visa"),
    ("4000000000000069", "Visa"),
    ("4000000000000127", "Visa"),
    ("4000000000000119", "Visa"),
    ("36227206271667", "Diners Club"),
    // Token succeeds, check results
    ("4000000000000036", "Visa"),
    ("4000000000000101", "Visa"),
    ("4000000000000044", "Visa"),
    // Token succeeds, the later charge fails
    ("4000000000080319", "Visa"),
    ("4000000000004012", "Visa"),
    ("4000000000080202", "Visa"),
    ("4000000000000077", "Visa"),
];

/// Full-width form of an ASCII digit string.
pub fn full_width(ascii: &str) -> String {
    ascii
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap(),
            '/' => '\u{FF0F}',
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

/// What an expiry field shows after each key of `keys`, typed one at a time as the element does:
/// the key goes in at the caret, then the field is reformatted from the text it showed before
/// (`_edit` in `src/js/card.rs`).
pub fn type_expiry(keys: &str) -> Vec<payjp_wasm::core::Formatted> {
    use payjp_wasm::core::{reformat_expiry, EditKind, Formatted};
    let mut shown = Formatted { text: String::new(), caret: 0 };
    keys.chars()
        .map(|key| {
            let mut utf16 = 0;
            let at = shown
                .text
                .char_indices()
                .find(|(_, c)| {
                    let here = utf16;
                    utf16 += c.len_utf16();
                    here >= shown.caret
                })
                .map_or(shown.text.len(), |(i, _)| i);
            let mut current = shown.text.clone();
            current.insert(at, key);
            shown = reformat_expiry(&shown.text, &current, shown.caret + key.len_utf16(), EditKind::Insert);
            shown.clone()
        })
        .collect()
}
