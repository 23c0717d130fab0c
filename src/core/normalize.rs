//! Character normalisation for what Japanese buyers type: full-width digits and the many dashes
//! and spaces an IME produces.
//!
//! The tables are explicit on purpose. NFKC would miss `ー` (U+30FC) and U+2010–U+2015, and it
//! would turn `①` into a digit; here every accepted character is listed and anything else is
//! reported, never silently kept or dropped. The same separators and invisible characters are
//! dropped by every field that reads digits (number, expiry, CVC, phone).

#[allow(unused_imports)]
use crate::prelude::*;

/// Characters dropped from a card number: the separators buyers and IMEs put between groups.
pub const CARD_NUMBER_SEPARATORS: [char; 14] = [
    ' ',        // ASCII space
    '-',        // ASCII hyphen-minus
    '\u{3000}', // ideographic space
    '\u{00A0}', // no-break space
    '\u{FF0D}', // full-width hyphen-minus
    '\u{30FC}', // katakana prolonged sound mark ー, what an IME gives for "-" in kana mode
    '\u{FF70}', // its half-width form ｰ, what a half-width kana IME gives
    '\u{2010}', // hyphen
    '\u{2011}', // non-breaking hyphen
    '\u{2012}', // figure dash
    '\u{2013}', // en dash
    '\u{2014}', // em dash
    '\u{2015}', // horizontal bar
    '\u{2212}', // minus sign
];

/// The ASCII digit for `c` if it is an ASCII digit or a full-width digit (U+FF10–U+FF19).
pub fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32),
        _ => None,
    }
}

pub fn is_card_number_separator(c: char) -> bool {
    CARD_NUMBER_SEPARATORS.contains(&c)
}

/// Invisible format characters: zero-width space, non-joiner and joiner (U+200B–U+200D), word
/// joiner (U+2060) and the byte-order mark (U+FEFF). Numbers pasted from chat apps and PDFs
/// carry them between digits; the field shows only digits, so they are dropped wherever digits
/// are read, and they are never a separator (`1\u{200B}230` is `1230`).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// How a character of a card-number field is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberChar {
    /// A digit, as ASCII.
    Digit(char),
    /// A separator or an invisible character, dropped.
    Separator,
    /// Anything else: the input is invalid while it contains one.
    Invalid,
}

pub fn classify_number_char(c: char) -> NumberChar {
    if let Some(d) = ascii_digit(c) {
        NumberChar::Digit(d)
    } else if is_card_number_separator(c) || is_invisible(c) {
        NumberChar::Separator
    } else {
        NumberChar::Invalid
    }
}

/// A card number reduced to ASCII digits. `has_invalid` is set when the input held a character
/// that is neither a digit nor a separator; such input can never be valid.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct NormalizedNumber {
    pub digits: String,
    pub has_invalid: bool,
}

impl core::fmt::Debug for NormalizedNumber {
    // Card data never reaches Debug output: only the digit count is shown.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NormalizedNumber")
            .field("digit_count", &self.digits.len())
            .field("has_invalid", &self.has_invalid)
            .finish()
    }
}

pub fn normalize_card_number(input: &str) -> NormalizedNumber {
    let mut out = NormalizedNumber {
        digits: String::with_capacity(input.len().min(32)),
        has_invalid: false,
    };
    for c in input.chars() {
        match classify_number_char(c) {
            NumberChar::Digit(d) => out.digits.push(d),
            NumberChar::Separator => {}
            NumberChar::Invalid => out.has_invalid = true,
        }
    }
    out
}

/// Maps the full-width forms of printable ASCII (U+FF01–U+FF5E), the ideographic space and the
/// no-break space to their half-width counterparts; every other character is returned unchanged.
pub fn to_half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c,
    }
}

/// `to_half_width` over a string, invisible characters dropped, trimmed, with runs of ASCII
/// spaces collapsed to one.
pub fn half_width_collapsed(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.chars().filter(|c| !is_invisible(*c)).map(to_half_width) {
        if c == ' ' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// True for kanji, hiragana, katakana (full- and half-width) and CJK punctuation: text that
/// tells us the buyer typed their name in Japanese script instead of romaji.
pub fn is_japanese_script(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{303F}'   // CJK symbols and punctuation (、。「」々…), not the space U+3000
        | '\u{3040}'..='\u{309F}' // hiragana
        | '\u{30A0}'..='\u{30FF}' // katakana
        | '\u{31F0}'..='\u{31FF}' // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width katakana
        | '\u{20000}'..='\u{2FA1F}' // CJK extensions B–F and supplement
    )
}
