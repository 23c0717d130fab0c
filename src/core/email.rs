//! A practical e-mail syntax check (needed for 3-D Secure): ASCII `local@domain`, a dotted
//! domain with a real-looking top-level label, at most 254 characters. Full-width input is
//! converted to half-width first.

#[allow(unused_imports)]
use crate::prelude::*;

use super::check::FieldCheck;
use super::error::Problem;
use super::normalize::to_half_width;

pub const EMAIL_MAX_CHARS: usize = 254;
const LOCAL_MAX_CHARS: usize = 64;
const LABEL_MAX_CHARS: usize = 63;

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '!' | '#' | '$' | '%' | '&' | '\'' | '*' | '+' | '/' | '=' | '?' | '^' | '_' | '`' | '{' | '|' | '}' | '~' | '.' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '-'
}

fn valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= LABEL_MAX_CHARS
        && !label.starts_with('-')
        && !label.ends_with('-')
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    labels.len() >= 2
        && labels.iter().all(|l| valid_label(l))
        && ((tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
            || tld.starts_with("xn--"))
}

pub fn validate_email(input: &str) -> FieldCheck {
    let value: String = input.chars().map(to_half_width).collect::<String>().trim().to_string();
    if value.is_empty() {
        return FieldCheck::unfinished(value);
    }
    if value.chars().count() > EMAIL_MAX_CHARS {
        return FieldCheck::invalid(value, Problem::EmailTooLong);
    }
    let (local, domain) = match value.split_once('@') {
        Some((l, d)) => (l, Some(d)),
        None => (value.as_str(), None),
    };
    let local_ok_so_far = local.chars().all(is_local_char)
        && local.len() <= LOCAL_MAX_CHARS
        && !local.starts_with('.')
        && !local.as_bytes().windows(2).any(|w| w == b"..");
    let domain_ok_so_far = domain.is_none_or(|d| {
        d.chars().all(is_domain_char) && !d.starts_with('.') && !d.as_bytes().windows(2).any(|w| w == b"..")
    });
    if !local_ok_so_far || !domain_ok_so_far || (domain.is_some() && local.is_empty()) {
        return FieldCheck::invalid(value, Problem::InvalidEmail);
    }
    match domain {
        Some(d) if !local.ends_with('.') && valid_domain(d) => FieldCheck::valid(value),
        _ => FieldCheck::unfinished(value),
    }
}
