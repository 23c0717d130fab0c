//! Card number validation: normalisation, brand, length and Luhn together.

#[allow(unused_imports)]
use crate::prelude::*;

use super::brand::{detect, Detection};
use super::error::Problem;
use super::luhn::luhn_valid;
use super::normalize::{normalize_card_number, NormalizedNumber};

/// The longest card number any network issues.
pub const MAX_CARD_DIGITS: usize = 19;

#[derive(Clone, PartialEq, Eq)]
pub struct CardNumberCheck {
    /// ASCII digits only.
    pub digits: String,
    pub detection: Detection,
    pub is_valid: bool,
    pub is_potentially_valid: bool,
    pub problem: Option<Problem>,
}

impl core::fmt::Debug for CardNumberCheck {
    // Never print the digits.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CardNumberCheck")
            .field("digit_count", &self.digits.len())
            .field("detection", &self.detection)
            .field("is_valid", &self.is_valid)
            .field("is_potentially_valid", &self.is_potentially_valid)
            .field("problem", &self.problem)
            .finish()
    }
}

/// The brand of a card number as typed: the one rule behind every brand the SDK reports
/// (`detectBrand`, `validateCardNumber`, a number field's `change` event). Separators and
/// invisible characters are dropped; a number holding any other character (`4a`) has no brand,
/// since it can never be valid and the buyer is shown that error instead.
pub fn detect_brand(input: &str) -> Detection {
    brand_of(&normalize_card_number(input))
}

fn brand_of(normalized: &NormalizedNumber) -> Detection {
    if normalized.has_invalid {
        Detection::NoMatch
    } else {
        detect(&normalized.digits)
    }
}

/// Validates a card number as typed. Total: any string gives an answer.
///
/// While more typing could still make the number valid, `problem` is `None`; a number of a
/// complete length that fails Luhn is `InvalidNumber`.
pub fn validate_card_number(input: &str) -> CardNumberCheck {
    let normalized = normalize_card_number(input);
    let detection = brand_of(&normalized);
    let digits = normalized.digits;
    let (is_valid, is_potentially_valid, problem) = if normalized.has_invalid {
        (false, false, Some(Problem::InvalidNumberCharacter))
    } else if digits.len() > MAX_CARD_DIGITS {
        (false, false, Some(Problem::InvalidNumber))
    } else {
        match detection {
            Detection::NoMatch => (false, false, Some(Problem::InvalidNumber)),
            Detection::Ambiguous => (false, true, None),
            Detection::Known(network) if !network.is_accepted() => {
                (false, false, Some(Problem::UnacceptableBrand))
            }
            Detection::Known(network) => {
                let rule = network.rule();
                let n = digits.len();
                if n > rule.max_length() {
                    (false, false, Some(Problem::InvalidNumber))
                } else if rule.lengths.contains(&(n as u8)) {
                    if luhn_valid(&digits) {
                        (true, true, None)
                    } else {
                        (false, false, Some(Problem::InvalidNumber))
                    }
                } else {
                    (false, true, None)
                }
            }
        }
    };
    CardNumberCheck {
        digits,
        detection,
        is_valid,
        is_potentially_valid,
        problem,
    }
}
