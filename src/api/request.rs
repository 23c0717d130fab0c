//! The token request on the wire: the exact form fields of PAY.JP's `POST /tokens`, and the
//! client user-agent header. (The Basic auth header is made once per instance, in `config.rs`.)
//!
//! Card data lives here only until it is encoded and sent; every buffer holding it is zeroised
//! when dropped, and `Debug` never shows it.

#[allow(unused_imports)]
use crate::prelude::*;

use zeroize::{Zeroize, Zeroizing};

use crate::core::{
    validate_card_number, validate_cvc, validate_email, validate_expiry, validate_holder_name,
    validate_phone, FieldCheck, FieldKind, Problem, YearMonth,
};

/// Card fields for `POST /tokens`. Empty optional fields are not sent.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CardData {
    pub number: String,
    pub cvc: String,
    /// Two digits.
    pub exp_month: String,
    /// Four digits.
    pub exp_year: String,
    pub name: String,
    pub email: String,
    /// E.164.
    pub phone: String,
    pub country: String,
    pub address_state: String,
    pub address_city: String,
    pub address_line1: String,
    pub address_line2: String,
    pub address_zip: String,
}

impl Drop for CardData {
    fn drop(&mut self) {
        for field in [
            &mut self.number,
            &mut self.cvc,
            &mut self.exp_month,
            &mut self.exp_year,
            &mut self.name,
            &mut self.email,
            &mut self.phone,
            &mut self.country,
            &mut self.address_state,
            &mut self.address_city,
            &mut self.address_line1,
            &mut self.address_line2,
            &mut self.address_zip,
        ] {
            field.zeroize();
        }
    }
}

impl core::fmt::Debug for CardData {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("CardData { .. }")
    }
}

/// A holder detail through its core validator: `Ok(None)` when absent or blank. A value the
/// validator calls unfinished (`taro@`, a one-letter name) is refused with `unfinished`, the
/// field's own problem, as a submit must: the buyer will not type more.
fn holder_detail(
    value: Option<String>,
    validate: fn(&str) -> FieldCheck,
    unfinished: Problem,
) -> Result<Option<String>, Problem> {
    match value {
        Some(v) if !v.trim().is_empty() => {
            let check = validate(&v);
            match (check.is_valid, check.problem) {
                (true, _) => Ok(Some(check.value)),
                (false, Some(p)) => Err(p),
                (false, None) => Err(unfinished),
            }
        }
        _ => Ok(None),
    }
}

fn two_digits(n: u8) -> String {
    let mut s = String::with_capacity(2);
    s.push((b'0' + n / 10) as char);
    s.push((b'0' + n % 10) as char);
    s
}

fn four_digits(n: u16) -> String {
    let mut s = String::with_capacity(4);
    for d in [n / 1000, n / 100 % 10, n / 10 % 10, n % 10] {
        s.push((b'0' + d as u8) as char);
    }
    s
}

impl CardData {
    /// The card data for a token request from what the buyer typed, or every problem found, in
    /// the order number, expiry, CVC, name, e-mail or contact, phone: one submit tells the buyer
    /// all there is to fix. Every value passes the same validators as the fields, so what is sent
    /// is normalised (ASCII digits, E.164 phone). With `three_d_secure`, PAY.JP's 3-D Secure needs
    /// the holder's name and an e-mail address or a phone number: their absence is a problem too.
    pub fn from_fields(
        number: &str,
        expiry: &str,
        cvc: &str,
        holder: [Option<String>; 3],
        three_d_secure: bool,
        now: YearMonth,
    ) -> Result<CardData, Vec<Problem>> {
        let mut problems = Vec::new();
        let n = validate_card_number(number);
        let e = validate_expiry(expiry, now);
        let c = validate_cvc(cvc, n.detection.network());
        for (kind, valid, problem) in [
            (FieldKind::Number, n.is_valid, n.problem),
            (FieldKind::Expiry, e.is_valid, e.problem),
            (FieldKind::Cvc, c.is_valid, c.problem),
        ] {
            if !valid {
                problems.push(problem.unwrap_or(FieldKind::incomplete(kind)));
            }
        }
        let mut keep = |r: Result<Option<String>, Problem>| r.unwrap_or_else(|p| {
            problems.push(p);
            None
        });
        let [name, email, phone] = holder;
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|v| v.trim().is_empty());
        let (no_name, no_contact) = (blank(&name), blank(&email) && blank(&phone));
        let name = keep(holder_detail(name, validate_holder_name, Problem::NameTooShort));
        if three_d_secure && no_name {
            keep(Err(Problem::NameRequired));
        }
        if three_d_secure && no_contact {
            keep(Err(Problem::ContactRequired));
        }
        let email = keep(holder_detail(email, validate_email, Problem::InvalidEmail));
        let phone = keep(holder_detail(phone, validate_phone, Problem::InvalidPhone));
        let (Some(month), Some(year), true) = (e.month, e.year, problems.is_empty()) else {
            if problems.is_empty() {
                problems.push(Problem::IncompleteExpiry);
            }
            return Err(problems);
        };
        let mut data = CardData::default();
        data.number = n.digits;
        data.exp_month = two_digits(month);
        data.exp_year = four_digits(year);
        data.cvc = c.value;
        data.name = name.unwrap_or_default();
        data.email = email.unwrap_or_default();
        data.phone = phone.unwrap_or_default();
        Ok(data)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenRequest {
    pub card: CardData,
    pub three_d_secure: bool,
    /// Platform tenants only.
    pub tenant: String,
}

impl TokenRequest {
    /// The `application/x-www-form-urlencoded` body (form_urlencoded, the url crate's encoder,
    /// which encodes as `URLSearchParams` does), zeroised on drop. Written into one buffer sized
    /// up front, so no copy of the card is left behind by a reallocation.
    pub fn form_body(&self) -> Zeroizing<String> {
        let c = &self.card;
        let fields: [(&str, &str); 13] = [
            ("card[number]", &c.number),
            ("card[cvc]", &c.cvc),
            ("card[exp_month]", &c.exp_month),
            ("card[exp_year]", &c.exp_year),
            ("card[name]", &c.name),
            ("card[email]", &c.email),
            ("card[phone]", &c.phone),
            ("card[country]", &c.country),
            ("card[address_state]", &c.address_state),
            ("card[address_city]", &c.address_city),
            ("card[address_line1]", &c.address_line1),
            ("card[address_line2]", &c.address_line2),
            ("card[address_zip]", &c.address_zip),
        ];
        // Each byte of a value encodes to at most 3; a name's brackets to 3 each (`%5B`, `%5D`: 4
        // more), and `&`, `=` one each; `&three_d_secure=true&tenant=` is 28. (Found by
        // fuzz/fuzz_targets/form_body.rs: without the brackets, a body with every field
        // non-ASCII outgrew this buffer, and growing it left a copy of the card behind.)
        let capacity = fields.iter().map(|(k, v)| k.len() + 4 + 3 * v.len() + 2).sum::<usize>() + 3 * self.tenant.len() + 28;
        let mut body = form_urlencoded::Serializer::new(String::with_capacity(capacity));
        for (name, value) in fields {
            if !value.is_empty() {
                body.append_pair(name, value);
            }
        }
        if self.three_d_secure {
            body.append_pair("three_d_secure", "true");
        }
        if !self.tenant.is_empty() {
            body.append_pair("tenant", &self.tenant);
        }
        Zeroizing::new(body.finish())
    }
}

/// An id as one URL path segment (form-encoded: `/`, `?` and `#` cannot escape the segment).
pub fn path_segment(id: &str) -> String {
    form_urlencoded::byte_serialize(id.as_bytes()).collect()
}

/// The `X-Payjp-Client-User-Agent` header, as PAY.JP's official SDKs send it.
pub const CLIENT_USER_AGENT: &str = concat!(
    r#"{"bindings_name":"payjp-wasm","bindings_version":""#,
    env!("CARGO_PKG_VERSION"),
    r#"","lang":"rust","platform":"wasm32-browser","publisher":"payjp-wasm"}"#
);
