//! A practical e-mail syntax check (needed for 3-D Secure): ASCII `local@domain`, a dotted
//! domain with a real-looking top-level label, at most 254 characters. Full-width input is
//! converted to half-width first. And a suggestion when the domain is a slip of one of the mail
//! domains most Japanese buyers use.

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

/// The mail domains most Japanese buyers use: the carriers' (docomo, au, SoftBank), iCloud,
/// Gmail and Yahoo! JAPAN. Where two are equally near, the first wins.
pub const COMMON_MAIL_DOMAINS: [&str; 8] = [
    "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "icloud.com", "gmail.com",
    "yahoo.co.jp",
];

/// Real mail domains one edit from a common one: never "corrected".
const NEIGHBOUR_DOMAINS: [&str; 3] = ["mail.com", "email.com", "ymail.com"];

/// Whether `a` becomes `b` with at most one edit: a character inserted, deleted or replaced, or
/// two neighbours swapped (`gmial` → `gmail`, the commonest slip on a phone keyboard).
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    // What is left once the common start and end are taken off must be one edit.
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    match (&a[..a.len() - end], &b[..b.len() - end]) {
        ([] | [_], [] | [_]) => true,
        ([x, y], [z, w]) => x == w && y == z,
        _ => false,
    }
}

/// Whether `typed` is `known` with one label after the first left out (`ezweb.jp` for
/// `ezweb.ne.jp`, `gmail` for `gmail.com`).
fn missing_a_label(typed: &str, known: &str) -> bool {
    // Bytes, not str slices: a str slice would bring in the char-boundary panic (kilobytes).
    let (t, k) = (typed.as_bytes(), known.as_bytes());
    (0..k.len()).filter(|&dot| k[dot] == b'.').any(|dot| {
        let end = k[dot + 1..].iter().position(|&b| b == b'.').map_or(k.len(), |i| dot + 1 + i);
        t.len() + (end - dot) == k.len() && t.starts_with(&k[..dot]) && t.ends_with(&k[end..])
    })
}

/// The address with its domain corrected, when the domain is a slip of one of the
/// [`COMMON_MAIL_DOMAINS`] (`taro@gmial.com` → `taro@gmail.com`, `docomo.ne.jo`, `ezweb.jp`): one
/// edit away, or one label left out. `None` for an exact match, for a domain further away, and
/// for input without `@`, and when the address would still be invalid with the domain corrected
/// (`ta ro@gmial.com`: the validator reports that). The address is half-width and trimmed, as
/// [`validate_email`] gives it; the domain is compared and suggested in lowercase.
pub fn suggest_email(input: &str) -> Option<String> {
    let value = validate_email(input).value;
    let (local, domain) = value.split_once('@')?;
    let domain = domain.to_ascii_lowercase();
    if local.is_empty() || domain.is_empty() || COMMON_MAIL_DOMAINS.contains(&domain.as_str()) || NEIGHBOUR_DOMAINS.contains(&domain.as_str()) {
        return None;
    }
    let known = COMMON_MAIL_DOMAINS
        .iter()
        .find(|known| within_one_edit(domain.as_bytes(), known.as_bytes()) || missing_a_label(&domain, known))?;
    let mut suggestion = String::with_capacity(local.len() + 1 + known.len());
    suggestion.push_str(local);
    suggestion.push('@');
    suggestion.push_str(known);
    validate_email(&suggestion).is_valid.then_some(suggestion)
}
