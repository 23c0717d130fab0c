//! The shapes of PAY.JP's answers: just enough of a token to know it is one, the brands answer,
//! and the error body, each read from a [`Document`] (the answer as the browser parsed it). The
//! answer itself goes on to the merchant whole (every field, including ones PAY.JP adds later);
//! these types only decide whether it is what was asked for. An answer that is not PAY.JP-shaped
//! JSON (a CDN block page, a truncated body) becomes `invalid_response`, never a panic.

#[allow(unused_imports)]
use crate::prelude::*;

use super::client::{Document, HttpResponse};
use super::error::ApiError;

/// A token, as far as the SDK looks at it: `object: "token"`, an id `tok_…`, a card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub id: String,
    pub brand: String,
    pub last4: String,
    pub three_d_secure_status: Option<String>,
    pub livemode: bool,
}

impl Token {
    pub fn read(d: &impl Document) -> Option<Token> {
        (d.string(&["object"])? == "token" && d.string(&["card", "object"])? == "card").then_some(())?;
        let id = d.string(&["id"]).filter(|id| id.starts_with("tok_"))?;
        Some(Token {
            id,
            brand: d.string(&["card", "brand"])?,
            last4: d.string(&["card", "last4"])?,
            three_d_secure_status: d.string(&["card", "three_d_secure_status"]),
            livemode: d.boolean(&["livemode"])?,
        })
    }
}

/// `GET /accounts/brands`: `{card_types_supported: [...], livemode}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Availability {
    pub livemode: bool,
}

impl Availability {
    pub fn read(d: &impl Document) -> Option<Availability> {
        d.is_array(&["card_types_supported"]).then_some(())?;
        Some(Availability { livemode: d.boolean(&["livemode"])? })
    }
}

/// PAY.JP's error body: `{"error":{"type","message","status","code","param"}}`, as the SDK's
/// error (PAY.JP's message kept as `api_message`; the status is the answer's).
pub struct ErrorBody;

impl ErrorBody {
    pub fn read(d: &impl Document) -> Option<ApiError> {
        Some(ApiError {
            kind: d.string(&["error", "type"])?,
            api_message: Some(d.string(&["error", "message"])?),
            code: d.string(&["error", "code"]),
            param: d.string(&["error", "param"]),
            status: d.number(&["error", "status"]).filter(|s| (100.0..600.0).contains(s)).map(|s| s as u16),
        })
    }
}

/// Decodes any API answer: a 2xx body must be what `read` reads, and is handed on whole; an error
/// status must carry PAY.JP's error body. Anything else is `invalid_response`.
pub fn decode<D: Document, T>(response: HttpResponse<D>, read: impl FnOnce(&D) -> Option<T>) -> Result<D, ApiError> {
    let status = response.status;
    let invalid = || ApiError::invalid_response(status);
    let json = response.json.ok_or_else(invalid)?;
    if (200..300).contains(&status) {
        read(&json).ok_or_else(invalid)?;
        Ok(json)
    } else {
        let mut error = ErrorBody::read(&json).ok_or_else(invalid)?;
        error.status = Some(status);
        Err(error)
    }
}
