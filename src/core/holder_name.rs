//! Cardholder name validation, PAY.JP's rule since 2025-02: 2–45 characters of
//! `A-Z a-z 0-9 space . -` after full-width to half-width conversion, trimming and collapsing
//! spaces.

#[allow(unused_imports)]
use crate::prelude::*;

use super::check::FieldCheck;
use super::error::Problem;
use super::normalize::{half_width_collapsed, is_japanese_script};

pub const NAME_MIN_CHARS: usize = 2;
pub const NAME_MAX_CHARS: usize = 45;

/// A character PAY.JP accepts in `card[name]`.
pub(crate) fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-')
}

pub fn validate_holder_name(input: &str) -> FieldCheck {
    let value = half_width_collapsed(input);
    let len = value.chars().count();
    let digits = value.bytes().filter(u8::is_ascii_digit).count();
    let non_space = value.chars().filter(|c| *c != ' ').count();

    if value.chars().any(is_japanese_script) {
        FieldCheck::invalid(value, Problem::NameNotRomaji)
    } else if !value.chars().all(is_name_char) {
        FieldCheck::invalid(value, Problem::NameInvalidCharacter)
    } else if len > NAME_MAX_CHARS {
        FieldCheck::invalid(value, Problem::NameTooLong)
    } else if digits >= 2 && digits * 2 > non_space {
        // Mostly digits: the buyer typed the card number into the name field.
        FieldCheck::invalid(value, Problem::NameLooksLikeNumber)
    } else if len < NAME_MIN_CHARS {
        FieldCheck::unfinished(value)
    } else {
        FieldCheck::valid(value)
    }
}
