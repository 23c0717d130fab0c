//! Security code (CVC) validation: 3 digits, 4 for American Express, 3–4 when the brand is
//! unknown.

#[allow(unused_imports)]
use crate::prelude::*;

use super::brand::Network;
use super::check::FieldCheck;
use super::error::Problem;
use super::normalize::{ascii_digit, is_invisible};

/// The CVC lengths allowed for a brand (`None`: not known yet).
pub fn cvc_lengths(network: Option<Network>) -> core::ops::RangeInclusive<usize> {
    match network {
        Some(n) => {
            let len = n.rule().cvc_length as usize;
            len..=len
        }
        None => 3..=4,
    }
}

pub fn validate_cvc(input: &str, network: Option<Network>) -> FieldCheck {
    let trimmed = input.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    let mut value = String::with_capacity(4);
    let mut has_invalid = false;
    for c in trimmed.chars() {
        match ascii_digit(c) {
            Some(d) => value.push(d),
            None => has_invalid |= !is_invisible(c),
        }
    }
    let lengths = cvc_lengths(network);
    if has_invalid || value.len() > *lengths.end() {
        FieldCheck::invalid(value, Problem::InvalidCvc)
    } else if lengths.contains(&value.len()) {
        FieldCheck::valid(value)
    } else {
        FieldCheck::unfinished(value)
    }
}
