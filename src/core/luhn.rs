//! The Luhn (mod 10) check digit test, applied to every brand.

#[allow(unused_imports)]
use crate::prelude::*;

/// True when `digits` (ASCII digits only) is non-empty and passes the Luhn check.
/// Any non-digit byte makes the result false.
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() {
        return false;
    }
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}
