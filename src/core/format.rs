//! Formatting a card number as the buyer types, keeping the caret after the same digit.
//!
//! Offsets are UTF-16 code units, as the DOM's `selectionStart` counts them. A "token" is every
//! character that is not a separator: digits (normalised to ASCII) and any invalid character,
//! which is kept where the buyer put it so that the field shows it and validation flags it.

use super::brand::{detect, DEFAULT_GROUPS};
use super::normalize::{classify_number_char, NumberChar};

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

/// The tokens of `text` and how many of them lie before the UTF-16 offset `caret`.
fn tokens_before(text: &str, caret: usize) -> (Vec<char>, usize) {
    let mut tokens = Vec::with_capacity(text.len().min(32));
    let mut before = 0;
    let mut offset = 0;
    for c in text.chars() {
        let token = match classify_number_char(c) {
            NumberChar::Digit(d) => Some(d),
            NumberChar::Separator => None,
            NumberChar::Invalid => Some(c),
        };
        if let Some(t) = token {
            tokens.push(t);
            if offset < caret {
                before += 1;
            }
        }
        offset += c.len_utf16();
    }
    (tokens, before)
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
    let (tokens, before) = tokens_before(current, caret);
    if kind != EditKind::Insert {
        let (previous_tokens, _) = tokens_before(previous, 0);
        let removed_only_separators = previous_tokens == tokens && previous != current;
        if removed_only_separators {
            let mut tokens = tokens;
            match kind {
                EditKind::DeleteBackward if before > 0 => {
                    tokens.remove(before - 1);
                    return layout(&tokens, before - 1);
                }
                EditKind::DeleteForward if before < tokens.len() => {
                    tokens.remove(before);
                    return layout(&tokens, before);
                }
                _ => return layout(&tokens, before),
            }
        }
    }
    layout(&tokens, before)
}
