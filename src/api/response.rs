//! Decoding API answers into typed tokens and errors. An answer that is not PAY.JP-shaped JSON
//! (a CDN block page, a truncated body) becomes `invalid_response`, never a panic.

#[allow(unused_imports)]
use crate::prelude::*;

use super::error::ApiError;
use super::json::Json;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub id: String,
    pub brand: String,
    pub last4: String,
    pub exp_month: i64,
    pub exp_year: i64,
    pub fingerprint: String,
    pub cvc_check: Option<String>,
    pub address_zip_check: Option<String>,
    pub three_d_secure_status: Option<String>,
    pub livemode: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub id: String,
    pub card: Card,
    pub created: i64,
    pub livemode: bool,
    pub used: bool,
}

impl Card {
    fn decode(json: &Json) -> Option<Card> {
        (json.str_field("object")? == "card").then_some(())?;
        Some(Card {
            id: json.str_field("id")?.to_string(),
            brand: json.str_field("brand")?.to_string(),
            last4: json.str_field("last4")?.to_string(),
            exp_month: json.get("exp_month")?.as_i64()?,
            exp_year: json.get("exp_year")?.as_i64()?,
            fingerprint: json.str_field("fingerprint").unwrap_or_default().to_string(),
            cvc_check: json.str_field("cvc_check").map(str::to_string),
            address_zip_check: json.str_field("address_zip_check").map(str::to_string),
            three_d_secure_status: json.str_field("three_d_secure_status").map(str::to_string),
            livemode: json.get("livemode").and_then(Json::as_bool).unwrap_or(false),
        })
    }
}

impl Token {
    pub fn decode(json: &Json) -> Option<Token> {
        (json.str_field("object")? == "token").then_some(())?;
        let id = json.str_field("id")?;
        if !id.starts_with("tok_") {
            return None;
        }
        Some(Token {
            id: id.to_string(),
            card: Card::decode(json.get("card")?)?,
            created: json.get("created")?.as_i64()?,
            livemode: json.get("livemode")?.as_bool()?,
            used: json.get("used").and_then(Json::as_bool).unwrap_or(false),
        })
    }
}

/// PAY.JP's error body, if `json` is one: `{"error":{"type","message","status",…}}`.
pub fn decode_error(json: &Json) -> Option<ApiError> {
    let e = json.get("error")?;
    let kind = e.str_field("type")?;
    e.str_field("message")?;
    Some(ApiError {
        kind: kind.to_string(),
        code: e.str_field("code").map(str::to_string),
        status: e.get("status").and_then(Json::as_i64).and_then(|s| u16::try_from(s).ok()),
        param: e.str_field("param").map(str::to_string),
        api_message: e.str_field("message").map(str::to_string),
    })
}

/// Decodes any API answer: a 2xx body is handed to `decode_ok`; an error status must carry
/// PAY.JP's error body. Anything else is `invalid_response`.
pub fn decode<T>(status: u16, body: &str, decode_ok: impl FnOnce(&Json) -> Option<T>) -> Result<(T, Json), ApiError> {
    let json = Json::parse(body).ok_or(ApiError::invalid_response(status))?;
    if (200..300).contains(&status) {
        match decode_ok(&json) {
            Some(value) => Ok((value, json)),
            None => Err(ApiError::invalid_response(status)),
        }
    } else {
        let mut err = decode_error(&json).ok_or(ApiError::invalid_response(status))?;
        err.status = Some(status);
        Err(err)
    }
}

/// `{card_types_supported: [...], livemode}`.
pub fn decode_availability(json: &Json) -> Option<()> {
    matches!(json.get("card_types_supported")?, Json::Array(_)).then_some(())?;
    json.get("livemode")?.as_bool().map(|_| ())
}
