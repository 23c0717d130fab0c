//! When a field shows its error: on blur, or once the input has reached its full length — never
//! on the first keystroke. Pure, so the rule is tested natively and shared by every renderer.

#[allow(unused_imports)]
use crate::prelude::*;

use super::brand::Network;
use super::error::Problem;

/// Which card field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    Number,
    Expiry,
    Cvc,
    /// The cardholder name (the `cardholderName` element).
    Name,
}

impl FieldKind {
    /// The error for a field that is unfinished when the buyer leaves it or submits.
    pub fn incomplete(self) -> Problem {
        match self {
            FieldKind::Number => Problem::IncompleteNumber,
            FieldKind::Expiry => Problem::IncompleteExpiry,
            FieldKind::Cvc => Problem::IncompleteCvc,
            FieldKind::Name => Problem::NameTooShort,
        }
    }
}

/// What a validator said about a field, reduced to what the display rule needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FieldCheckSummary {
    pub empty: bool,
    pub valid: bool,
    pub problem: Option<Problem>,
    /// Digits (or characters, for invalid input) typed so far.
    pub length: usize,
}

/// The length at which a field counts as "typed to the end", so its error may show at once.
pub fn full_length(kind: FieldKind, network: Option<Network>) -> usize {
    match kind {
        FieldKind::Number => network.map_or(16, |n| n.rule().max_length()),
        FieldKind::Expiry => 4,
        FieldKind::Cvc => network.map_or(4, |n| n.rule().cvc_length as usize),
        // A name has no length at which it is finished: its error waits for blur or submit.
        FieldKind::Name => usize::MAX,
    }
}

/// The error to show now, if any. `blurred` is whether the buyer has left the field since it
/// was last cleared; `submitting` forces unfinished fields to say so.
pub fn visible_error(
    kind: FieldKind,
    check: FieldCheckSummary,
    network: Option<Network>,
    blurred: bool,
    submitting: bool,
) -> Option<Problem> {
    if check.valid || (check.empty && !submitting) {
        return None;
    }
    let reached_end = check.length >= full_length(kind, network);
    match check.problem {
        Some(p) if blurred || submitting || reached_end => Some(p),
        Some(_) => None,
        None if blurred || submitting => Some(kind.incomplete()),
        None => None,
    }
}

/// What one card field shows and reports right now: the state behind a `change` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldState {
    /// Valid as it stands.
    pub complete: bool,
    /// Nothing but whitespace typed.
    pub empty: bool,
    /// The brand: detected from the number field itself, else the one it was given (the CVC
    /// needs the number's brand for its length).
    pub network: Option<Network>,
    /// The error to show now (see [`visible_error`]).
    pub error: Option<Problem>,
}

/// Checks `value` as field `kind` and applies the display rule. `network` is the brand the
/// number field reported (used by the CVC); `blurred`/`submitting` as in [`visible_error`].
pub fn field_state(
    kind: FieldKind,
    value: &str,
    network: Option<Network>,
    blurred: bool,
    submitting: bool,
    now: super::expiry::YearMonth,
) -> FieldState {
    let empty = value.trim().is_empty();
    let (check, network) = match kind {
        FieldKind::Number => {
            let c = super::number::validate_card_number(value);
            let network = c.detection.network();
            (
                FieldCheckSummary {
                    empty,
                    valid: c.is_valid,
                    problem: c.problem,
                    length: c.digits.len(),
                },
                network,
            )
        }
        FieldKind::Expiry => {
            let c = super::expiry::validate_expiry(value, now);
            let length = value
                .chars()
                .filter(|c| super::normalize::ascii_digit(*c).is_some())
                .count();
            (
                FieldCheckSummary {
                    empty,
                    valid: c.is_valid,
                    problem: c.problem,
                    length,
                },
                network,
            )
        }
        FieldKind::Name => {
            let c = super::holder_name::validate_holder_name(value);
            (FieldCheckSummary { empty, valid: c.is_valid, problem: c.problem, length: 0 }, network)
        }
        FieldKind::Cvc => {
            let c = super::cvc::validate_cvc(value, network);
            (
                FieldCheckSummary {
                    empty,
                    valid: c.is_valid,
                    problem: c.problem,
                    length: c.value.len(),
                },
                network,
            )
        }
    };
    FieldState {
        complete: check.valid,
        empty,
        network,
        error: visible_error(kind, check, network, blurred, submitting),
    }
}
