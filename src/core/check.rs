//! The result shape shared by the single-value validators (CVC, name, e-mail, phone).

#[allow(unused_imports)]
use crate::prelude::*;

use super::error::Problem;

/// What a validator says about one field. Total: validators return one for any input.
///
/// `problem` is `None` whenever `is_potentially_valid` holds and `is_valid` does not: an
/// unfinished field is not an error yet.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct FieldCheck {
    /// The normalised value (half-width, trimmed; E.164 for phones).
    pub value: String,
    pub is_valid: bool,
    pub is_potentially_valid: bool,
    pub problem: Option<Problem>,
}

impl FieldCheck {
    pub fn valid(value: String) -> FieldCheck {
        FieldCheck { value, is_valid: true, is_potentially_valid: true, problem: None }
    }

    /// Not valid yet, but more typing could make it so.
    pub fn unfinished(value: String) -> FieldCheck {
        FieldCheck { value, is_valid: false, is_potentially_valid: true, problem: None }
    }

    pub fn invalid(value: String, problem: Problem) -> FieldCheck {
        FieldCheck { value, is_valid: false, is_potentially_valid: false, problem: Some(problem) }
    }
}

impl core::fmt::Debug for FieldCheck {
    // Values are card data or personal data: Debug output shows only their length.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("FieldCheck")
            .field("value_len", &self.value.chars().count())
            .field("is_valid", &self.is_valid)
            .field("is_potentially_valid", &self.is_potentially_valid)
            .field("problem", &self.problem)
            .finish()
    }
}
