//! Expiry date validation. Accepts `MM/YY`, `MM / YY`, `MM/YYYY`, `MMYY`, `M/YY` and their
//! full-width forms (`１２／３０`), with a slash, a space or any dash of the card number's
//! separators (`12ー30`) between month and year; invisible characters are dropped. The current
//! month is still valid; a year more than [`MAX_YEARS_AHEAD`] years ahead is not. "Now" is a
//! parameter so that tests fix the clock.

#[allow(unused_imports)]
use crate::prelude::*;

use super::error::Problem;
use super::normalize::{ascii_digit, is_card_number_separator, is_invisible};

/// How far ahead an expiry year may be.
pub const MAX_YEARS_AHEAD: u16 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearMonth {
    pub year: u16,
    /// 1–12.
    pub month: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExpiryCheck {
    /// 1–12 once known.
    pub month: Option<u8>,
    /// Four digits once known.
    pub year: Option<u16>,
    pub is_valid: bool,
    pub is_potentially_valid: bool,
    pub problem: Option<Problem>,
}

impl ExpiryCheck {
    fn unfinished(month: Option<u8>) -> ExpiryCheck {
        ExpiryCheck { month, year: None, is_valid: false, is_potentially_valid: true, problem: None }
    }

    fn invalid(month: Option<u8>, year: Option<u16>, problem: Problem) -> ExpiryCheck {
        ExpiryCheck { month, year, is_valid: false, is_potentially_valid: false, problem: Some(problem) }
    }
}

fn is_expiry_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{00A0}')
}

/// A character that may stand between month and year: a slash in either width, or any of the
/// card number's separators (spaces, `-`, `ー`, `ｰ`, the dashes and the minus sign).
pub fn is_expiry_separator(c: char) -> bool {
    matches!(c, '/' | '\u{FF0F}') || is_card_number_separator(c)
}

/// The month and year digits as typed, before any range checks.
struct Split {
    month: String,
    year: String,
    has_separator: bool,
}

/// Splits the input at its separator. `Err` says which part held a character that has no place
/// in an expiry date.
fn split(input: &str) -> Result<Split, Problem> {
    let mut chars = input
        .trim_matches(|c| is_expiry_space(c) || is_invisible(c))
        .chars()
        .filter(|c| !is_invisible(*c))
        .peekable();
    let mut month = String::new();
    while let Some(d) = chars.peek().copied().and_then(ascii_digit) {
        month.push(d);
        chars.next();
    }
    let mut has_separator = false;
    let mut slashes = 0;
    while let Some(&c) = chars.peek() {
        if is_expiry_space(c) {
            has_separator = true;
        } else if is_expiry_separator(c) && slashes == 0 {
            has_separator = true;
            slashes += 1;
        } else {
            break;
        }
        chars.next();
    }
    let mut year = String::new();
    for c in chars {
        match ascii_digit(c) {
            Some(d) => year.push(d),
            None if !has_separator && year.is_empty() => return Err(Problem::InvalidExpiryMonth),
            None => return Err(Problem::InvalidExpiryYear),
        }
    }
    if !has_separator {
        // Digits only (`1230`, `130`, `0130`): the month is the shortest reading that makes
        // sense, so `1` waits for a second digit but `13…` is January.
        let digits = month;
        let b = digits.as_bytes();
        let month_len = match b {
            [] => 0,
            [b'0' | b'1'] => 1,
            [b'0', ..] => 2,
            [b'1', b'0'..=b'2', ..] => 2,
            _ => 1,
        };
        let (m, y) = digits.split_at_checked(month_len).unwrap_or((&digits, ""));
        return Ok(Split { month: m.to_string(), year: y.to_string(), has_separator: b.len() > 1 });
    }
    Ok(Split { month, year, has_separator })
}

fn parse_number(digits: &str) -> u16 {
    digits.bytes().fold(0u16, |acc, d| acc.saturating_mul(10).saturating_add(u16::from(d - b'0')))
}

/// Reads a two-digit year in the century that keeps it closest to `now` without passing the
/// window: `30` is 2030 in 2026, and `05` is 2105 in 2095.
fn expand_two_digit_year(yy: u16, now: YearMonth) -> u16 {
    let candidate = now.year / 100 * 100 + yy;
    if candidate < now.year && candidate + 100 <= now.year + MAX_YEARS_AHEAD {
        candidate + 100
    } else {
        candidate
    }
}

pub fn validate_expiry(input: &str, now: YearMonth) -> ExpiryCheck {
    let parts = match split(input) {
        Ok(parts) => parts,
        Err(problem) => return ExpiryCheck::invalid(None, None, problem),
    };
    // The month.
    let month = match parts.month.len() {
        // Nothing typed, or a separator only (`/`, ` / `): an empty field.
        0 if !parts.has_separator || parts.year.is_empty() => return ExpiryCheck::unfinished(None),
        1 if !parts.has_separator && matches!(parts.month.as_str(), "0" | "1") => {
            return ExpiryCheck::unfinished(None)
        }
        1 | 2 => parse_number(&parts.month),
        _ => return ExpiryCheck::invalid(None, None, Problem::InvalidExpiryMonth),
    };
    if !(1..=12).contains(&month) {
        return ExpiryCheck::invalid(None, None, Problem::InvalidExpiryMonth);
    }
    let month = Some(month as u8);

    // The year.
    let year = match parts.year.len() {
        2 => {
            let yy = parse_number(&parts.year);
            let year = expand_two_digit_year(yy, now);
            // "20" in 2026 may be the start of "2030": wait rather than call it expired.
            if year < now.year && yy == now.year / 100 {
                return ExpiryCheck::unfinished(month);
            }
            year
        }
        4 => parse_number(&parts.year),
        // The start of a four-digit year (`10/123`, `12/205`), or a lone digit that begins a two-
        // or four-digit year (`12/7`, `12/1` in 2026): wrong as soon as no year it can begin is
        // accepted with this month.
        1 | 3 => {
            let n = parse_number(&parts.year);
            // The four-digit years it begins: d000..=d999, or the decade n0..=n9. The latest
            // inside the window decides (`01/202` in late 2026 may be 2027); when it fails, it is
            // also the year nearest now, whose error the next digits would bring.
            let (first, span) = if parts.year.len() == 1 { (n * 1000, 999) } else { (n * 10, 9) };
            let latest = (first + span).min(now.year + MAX_YEARS_AHEAD).max(first);
            // A lone digit may also begin a two-digit year.
            let two_digit = parts.year.len() == 1
                && (0..10).any(|y| expiry_problem(expand_two_digit_year(n * 10 + y, now), month, now).is_none());
            return match expiry_problem(latest, month, now) {
                Some(p) if !two_digit => ExpiryCheck::invalid(month, None, p),
                _ => ExpiryCheck::unfinished(month),
            };
        }
        0 => return ExpiryCheck::unfinished(month),
        _ => return ExpiryCheck::invalid(month, None, Problem::InvalidExpiryYear),
    };

    match expiry_problem(year, month, now) {
        Some(p) => ExpiryCheck::invalid(month, Some(year), p),
        None => ExpiryCheck { month, year: Some(year), is_valid: true, is_potentially_valid: true, problem: None },
    }
}

/// What is wrong with a complete expiry date, if anything.
fn expiry_problem(year: u16, month: Option<u8>, now: YearMonth) -> Option<Problem> {
    if year < now.year {
        Some(Problem::ExpiryYearPast)
    } else if year == now.year && month < Some(now.month) {
        Some(Problem::ExpiryMonthPast)
    } else if year > now.year + MAX_YEARS_AHEAD {
        Some(Problem::ExpiryYearTooFar)
    } else {
        None
    }
}
