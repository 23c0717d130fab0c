//! Formatting a card number as the buyer types, keeping the caret after the same digit.
//!
//! Offsets are UTF-16 code units, as the DOM's `selectionStart` counts them. A "token" is every
//! character that is not a separator: digits (normalised to ASCII) and any invalid character,
//! which is kept where the buyer put it so that the field shows it and validation flags it.

#[allow(unused_imports)]
use crate::prelude::*;

use super::brand::{detect, DEFAULT_GROUPS};
use super::expiry::is_expiry_separator;
use super::normalize::{ascii_digit, classify_number_char, is_invisible, NumberChar};

/// Formatted text and the caret position within it (UTF-16 code units).
#[derive(Clone, PartialEq, Eq)]
pub struct Formatted {
    pub text: String,
    pub caret: usize,
}

impl core::fmt::Debug for Formatted {
    // The text is card data; show only its shape.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Formatted")
            .field("len", &self.text.chars().count())
            .field("caret", &self.caret)
            .finish()
    }
}

/// What kind of edit produced the current text (from `InputEvent.inputType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// Typing, pasting, autofill, anything else.
    Insert,
    /// Backspace.
    DeleteBackward,
    /// The Delete key.
    DeleteForward,
}

/// The tokens of `text` (each character `token_of` keeps, as it maps it) and how many of them
/// lie before the UTF-16 offset `caret`. With `month_ends`, a separator right after the first
/// token ends a one-digit expiry month (`1/27`, `1 `): the month gets its leading zero here
/// (`0127`), so the year's digits are not read into it.
fn tokenize(text: &str, caret: usize, token_of: fn(char) -> Option<char>, month_ends: bool) -> (Vec<char>, usize) {
    let mut tokens = Vec::with_capacity(text.len().min(32));
    let mut before = 0;
    let mut offset = 0;
    for c in text.chars() {
        if let Some(t) = token_of(c) {
            tokens.push(t);
            if offset < caret {
                before += 1;
            }
        } else if month_ends && is_expiry_separator(c) {
            // A slice pattern rather than `tokens[0]`, which would bring in a panicking path.
            if let [first] = tokens.as_mut_slice() {
                let digit = core::mem::replace(first, '0');
                tokens.push(digit);
                // The zero goes before the digit, so before the caret if the digit is (0 or 1).
                before *= 2;
            }
        }
        offset += c.len_utf16();
    }
    (tokens, before)
}

/// Card-number tokens: digits as ASCII, and invalid characters as typed; separators dropped.
fn number_token(c: char) -> Option<char> {
    match classify_number_char(c) {
        NumberChar::Digit(d) => Some(d),
        NumberChar::Separator => None,
        NumberChar::Invalid => Some(c),
    }
}

fn tokens_before(text: &str, caret: usize) -> (Vec<char>, usize) {
    tokenize(text, caret, number_token, false)
}

/// Lays tokens out in groups and puts the caret right after the `caret_tokens`-th token.
fn layout(tokens: &[char], caret_tokens: usize) -> Formatted {
    let leading_digits: String = tokens.iter().take_while(|c| c.is_ascii_digit()).collect();
    let groups = detect(&leading_digits)
        .network()
        .map(|n| n.rule().grouping_for(tokens.len()))
        .unwrap_or(DEFAULT_GROUPS);
    // After the brand's groups, any further tokens continue in groups of four.
    let group_sizes = groups.iter().copied().chain(core::iter::repeat(4));

    let mut text = String::with_capacity(tokens.len() + 8);
    let mut caret = 0;
    let mut offset = 0;
    let mut remaining = tokens;
    let mut placed = 0;
    for size in group_sizes {
        if remaining.is_empty() {
            break;
        }
        if placed > 0 {
            text.push(' ');
            offset += 1;
        }
        let (group, rest) = remaining.split_at((size as usize).min(remaining.len()));
        for &t in group {
            text.push(t);
            offset += t.len_utf16();
            placed += 1;
            if placed == caret_tokens {
                caret = offset;
            }
        }
        remaining = rest;
    }
    Formatted { text, caret }
}

/// Formats `text` into groups for its brand and returns the caret that sits after the same
/// token as `caret` did. Separators of every kind are dropped; full-width digits become ASCII.
pub fn format_card_number(text: &str, caret: usize) -> Formatted {
    let (tokens, before) = tokens_before(text, caret);
    layout(&tokens, before)
}

/// Formats after an edit. When Backspace or Delete removed only a separator (which formatting
/// would put straight back, leaving the caret stuck), the digit on the far side of that
/// separator is deleted instead, as a buyer expects.
pub fn reformat_card_number(previous: &str, current: &str, caret: usize, kind: EditKind) -> Formatted {
    reformat(previous, current, caret, kind, tokens_before, layout)
}

/// The shared edit rule for grouped fields: tokenise, undo a separator-only deletion, lay out.
fn reformat(
    previous: &str,
    current: &str,
    caret: usize,
    kind: EditKind,
    tokenize: fn(&str, usize) -> (Vec<char>, usize),
    lay_out: fn(&[char], usize) -> Formatted,
) -> Formatted {
    let (mut tokens, before) = tokenize(current, caret);
    if kind != EditKind::Insert && previous != current && tokenize(previous, 0).0 == tokens {
        match kind {
            EditKind::DeleteBackward if before > 0 => {
                tokens.remove(before - 1);
                return lay_out(&tokens, before - 1);
            }
            EditKind::DeleteForward if before < tokens.len() => {
                tokens.remove(before);
                return lay_out(&tokens, before);
            }
            _ => {}
        }
    }
    lay_out(&tokens, before)
}

/// Expiry tokens: digits (as ASCII) and any character that is neither a separator nor
/// invisible.
fn expiry_token(c: char) -> Option<char> {
    (!is_expiry_separator(c) && !is_invisible(c)).then(|| ascii_digit(c).unwrap_or(c))
}

/// Expiry tokens as the buyer typed them: a separator may end a one-digit month.
fn expiry_tokens_before(text: &str, caret: usize) -> (Vec<char>, usize) {
    tokenize(text, caret, expiry_token, true)
}

/// Expiry tokens read as digits alone, whatever separators stand between them.
fn expiry_digits_before(text: &str, caret: usize) -> (Vec<char>, usize) {
    tokenize(text, caret, expiry_token, false)
}

/// How many leading tokens are the month, reading digits as the expiry validator does:
/// `1` waits, `12…` is December, `13…` and `2…` are one-digit months.
fn expiry_month_len(tokens: &[char]) -> usize {
    match tokens {
        [] => 0,
        ['0' | '1'] => 1,
        ['0', ..] => 2,
        ['1', '0'..='2', ..] => 2,
        _ => 1,
    }
}

/// Lays out `MM / YY`: the separator appears once a year digit is typed; a one-digit month
/// gets a leading zero then (`130` shows `01 / 30`).
fn expiry_layout(tokens: &[char], caret_tokens: usize) -> Formatted {
    let month_len = expiry_month_len(tokens).min(tokens.len());
    let has_year = tokens.len() > month_len;
    let mut text = String::with_capacity(tokens.len() + 4);
    let mut caret = 0;
    let mut offset = 0;
    if has_year && month_len == 1 {
        text.push('0');
        offset += 1;
    }
    for (i, &t) in tokens.iter().enumerate() {
        if i == month_len && has_year {
            text.push_str(" / ");
            offset += 3;
        }
        text.push(t);
        offset += t.len_utf16();
        if i + 1 == caret_tokens {
            caret = offset;
        }
    }
    Formatted { text, caret }
}

/// Formats an expiry as `MM / YY` while typing; full-width digits become ASCII and the caret
/// stays after the same digit.
pub fn format_expiry(text: &str, caret: usize) -> Formatted {
    let (tokens, before) = expiry_tokens_before(text, caret);
    expiry_layout(&tokens, before)
}

/// [`format_expiry`] after an edit, with the separator-deletion rule of the card number. A
/// deletion edits formatted text, whose separator is the formatter's own, not one the buyer
/// typed: there the digits are read alone, as before, so that deleting a month's digit and
/// typing another (`12 / 27`, Backspace after the `2`, then `1`) gives `11 / 27`, not `01 / 127`.
pub fn reformat_expiry(previous: &str, current: &str, caret: usize, kind: EditKind) -> Formatted {
    let tokenize = if kind == EditKind::Insert { expiry_tokens_before } else { expiry_digits_before };
    reformat(previous, current, caret, kind, tokenize, expiry_layout)
}

/// A CVC as typed: full-width digits become ASCII and invisible characters go; everything else
/// stays for the validator to flag. The caret stays after the same character.
pub fn format_cvc(text: &str, caret: usize) -> Formatted {
    let mut out = String::with_capacity(text.len());
    let (mut offset, mut new_caret) = (0, 0);
    for c in text.chars() {
        if !is_invisible(c) {
            out.push(ascii_digit(c).unwrap_or(c));
            if offset < caret {
                new_caret += c.len_utf16();
            }
        }
        offset += c.len_utf16();
    }
    Formatted { text: out, caret: new_caret }
}
