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

/// Digits a Japanese domestic number has, from its leading digits: mobile (070/080/090),
/// IP (050), 060 and 0800 numbers have 11, the rest 10.
fn japanese_domestic_length(digits: &str) -> usize {
    let b = digits.as_bytes();
    let eleven = (b.len() >= 3 && matches!(b[1], b'5'..=b'9') && b[2] == b'0') || digits.starts_with("0800");
    if eleven {
        11
    } else {
        10
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
        // "+81 (0)90…" is a common way to write it; the trunk 0 is not part of E.164.
        if let Some(national) = digits.strip_prefix("810") {
            digits = prefixed("81", national);
        }
        let (min, max) = if digits.starts_with("81") { (11, 12) } else { (E164_MIN_DIGITS, E164_MAX_DIGITS) };
        return if digits.starts_with('0') || digits.len() > max {
            FieldCheck::invalid(value, Problem::InvalidPhone)
        } else if digits.len() >= min {
            FieldCheck::valid(prefixed("+", &digits))
        } else {
            FieldCheck::unfinished(value)
        };
    }
    if !digits.starts_with('0') || digits.starts_with("00") {
        // A local number without its area code, or an international prefix we cannot read.
        return FieldCheck::invalid(value, Problem::InvalidPhone);
    }
    let needed = japanese_domestic_length(&digits);
    if digits.len() > needed {
        FieldCheck::invalid(value, Problem::InvalidPhone)
    } else if digits.len() == needed {
        FieldCheck::valid(prefixed("+81", digits.strip_prefix('0').unwrap_or(&digits)))
    } else {
        FieldCheck::unfinished(value)
    }
}
