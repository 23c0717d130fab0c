//! Phone numbers for 3-D Secure, in E.164. Japanese domestic numbers as buyers type them
//! (`090-1234-5678`, full-width, with brackets) become `+819012345678`; valid E.164 is kept.

#[allow(unused_imports)]
use crate::prelude::*;

use super::check::FieldCheck;
use super::error::Problem;
use super::normalize::{is_card_number_separator, is_invisible, to_half_width};

const E164_MAX_DIGITS: usize = 15;
const E164_MIN_DIGITS: usize = 8;

/// Separators buyers put in phone numbers: the card-number set plus brackets and dots; invisible
/// characters are dropped too.
fn is_phone_separator(c: char) -> bool {
    is_card_number_separator(c) || is_invisible(c) || matches!(c, '(' | ')' | '.')
}

/// Digits a Japanese number has after its trunk `0` (or after `+81`), from its first two:
/// mobile (70/80/90), IP (50), 60 and 800 numbers have 10, the rest 9.
fn japanese_national_length(national: &str) -> usize {
    let b = national.as_bytes();
    if (b.len() >= 2 && matches!(b[0], b'5'..=b'9') && b[1] == b'0') || national.starts_with("800") {
        10
    } else {
        9
    }
}

fn prefixed(prefix: &str, digits: &str) -> String {
    let mut s = String::with_capacity(prefix.len() + digits.len());
    s.push_str(prefix);
    s.push_str(digits);
    s
}

pub fn validate_phone(input: &str) -> FieldCheck {
    let mut plus = false;
    let mut digits = String::with_capacity(16);
    let mut value = String::with_capacity(16);
    let mut has_invalid = false;
    for c in input.chars().map(to_half_width) {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            c if is_phone_separator(c) => continue,
            _ => has_invalid = true,
        }
        value.push(c);
    }
    if has_invalid {
        return FieldCheck::invalid(value, Problem::InvalidPhone);
    }
    if digits.is_empty() {
        return FieldCheck::unfinished(value);
    }
    if plus {
        let Some(national) = digits.strip_prefix("81") else {
            return if digits.starts_with('0') || digits.len() > E164_MAX_DIGITS {
                FieldCheck::invalid(value, Problem::InvalidPhone)
            } else if digits.len() >= E164_MIN_DIGITS {
                FieldCheck::valid(prefixed("+", &digits))
            } else {
                FieldCheck::unfinished(value)
            };
        };
        // A Japanese number follows the domestic rules, so it has their exact length
        // (`+81 90 1234 567` is a digit short). "+81 (0)90…" is a common way to write it: the
        // trunk 0 may be there or not.
        digits = prefixed("0", national.strip_prefix('0').unwrap_or(national));
    }
    if !digits.starts_with('0') || digits.starts_with("00") {
        // A local number without its area code, or an international prefix we cannot read.
        return FieldCheck::invalid(value, Problem::InvalidPhone);
    }
    let national = digits.strip_prefix('0').unwrap_or(&digits);
    let needed = 1 + japanese_national_length(national);
    if digits.len() > needed {
        FieldCheck::invalid(value, Problem::InvalidPhone)
    } else if digits.len() == needed {
        FieldCheck::valid(prefixed("+81", national))
    } else {
        FieldCheck::unfinished(value)
    }
}
