//! Brand detection: which network a (possibly partial) card number belongs to.
//!
//! The rules are data in `brand_table.rs` (with the types that describe them); this module only
//! matches digits against them. The dependency runs one way: brand → brand_table.

#[allow(unused_imports)]
use crate::prelude::*;

use super::brand_table::BRAND_TABLE;
pub use super::brand_table::{BrandRule, Grouping, Network, PrefixRange, DEFAULT_GROUPS};


/// The brand string exposed to JavaScript for a detection: one of PAY.JP's six names or
/// `"unknown"` (which includes recognised but unaccepted networks).
pub const UNKNOWN_BRAND: &str = "unknown";

/// How well `digits` matches a prefix range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum PrefixMatch {
    None,
    /// `digits` is shorter than the prefix but could still grow into it.
    Partial,
    /// The first `digits` digits lie in the range.
    Full(u8),
}

fn leading_value(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
}

fn match_range(digits: &[u8], range: PrefixRange) -> PrefixMatch {
    let k = range.digits as usize;
    if digits.len() >= k {
        let value = leading_value(&digits[..k]);
        if (range.lo..=range.hi).contains(&value) {
            PrefixMatch::Full(range.digits)
        } else {
            PrefixMatch::None
        }
    } else {
        let scale = 10u32.pow((k - digits.len()) as u32);
        let value = leading_value(digits);
        if (range.lo / scale..=range.hi / scale).contains(&value) {
            PrefixMatch::Partial
        } else {
            PrefixMatch::None
        }
    }
}

fn match_rule(digits: &[u8], rule: &BrandRule) -> PrefixMatch {
    rule.prefixes
        .iter()
        .map(|r| match_range(digits, *r))
        .max()
        .unwrap_or(PrefixMatch::None)
}

/// The outcome of brand detection on a run of ASCII digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detection {
    /// One network, and only one, is still possible.
    Known(Network),
    /// Several networks are still possible (or nothing was typed yet).
    Ambiguous,
    /// No network we know has numbers starting like this.
    NoMatch,
}

impl Detection {
    pub fn network(self) -> Option<Network> {
        match self {
            Detection::Known(n) => Some(n),
            _ => None,
        }
    }

    /// The brand string for JavaScript: an accepted brand's name or `"unknown"`.
    pub fn brand_name(self) -> &'static str {
        self.network()
            .and_then(Network::payjp_name)
            .unwrap_or(UNKNOWN_BRAND)
    }
}

/// Detects the network of `digits` (ASCII digits only; anything else is ignored).
///
/// A full prefix match on a longer prefix beats a shorter one, so where ranges nest the more
/// specific rule wins. While a longer prefix of another network could still match, the
/// detection stays ambiguous.
pub fn detect(digits: &str) -> Detection {
    let digits: Vec<u8> = digits.bytes().filter(u8::is_ascii_digit).take(8).collect();
    if digits.is_empty() {
        return Detection::Ambiguous;
    }
    let mut best_full: Option<(u8, Network)> = None;
    let mut candidates: Option<Network> = None;
    let mut several = false;
    for rule in BRAND_TABLE {
        let m = match_rule(&digits, rule);
        if m == PrefixMatch::None {
            continue;
        }
        if let PrefixMatch::Full(len) = m {
            if best_full.is_none_or(|(best, _)| len > best) {
                best_full = Some((len, rule.network));
            }
        }
        match candidates {
            None => candidates = Some(rule.network),
            Some(n) if n != rule.network => several = true,
            Some(_) => {}
        }
    }
    match (candidates, several, best_full) {
        (None, _, _) => Detection::NoMatch,
        (Some(n), false, _) => Detection::Known(n),
        // Several candidates: a full match wins only if no other network could still match
        // with a longer prefix.
        (Some(_), true, Some((len, network))) => {
            let longer_partial_elsewhere = BRAND_TABLE.iter().any(|rule| {
                rule.network != network
                    && rule.prefixes.iter().any(|r| {
                        r.digits > len && match_range(&digits, *r) != PrefixMatch::None
                    })
            });
            if longer_partial_elsewhere {
                Detection::Ambiguous
            } else {
                Detection::Known(network)
            }
        }
        (Some(_), true, None) => Detection::Ambiguous,
    }
}
