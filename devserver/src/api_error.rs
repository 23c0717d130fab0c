//! PAY.JP's error bodies: `{"error":{"message","type","status","code"?,"param"?}}`.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

pub fn error(status: u16, kind: &str, code: Option<&str>, message: &str, param: Option<&str>) -> Response {
    let mut err = serde_json::Map::new();
    if let Some(code) = code {
        err.insert("code".into(), code.into());
    }
    err.insert("message".into(), message.into());
    if let Some(param) = param {
        err.insert("param".into(), param.into());
    }
    err.insert("status".into(), status.into());
    err.insert("type".into(), kind.into());
    json(status, &serde_json::json!({ "error": err }))
}

pub fn card_error(code: &str, param: Option<&str>) -> Response {
    error(402, "card_error", Some(code), crate::cards::decline_message(code), param)
}

pub fn json(status: u16, value: &serde_json::Value) -> Response {
    raw(status, "application/json; charset=utf-8", value.to_string())
}

pub fn raw(status: u16, content_type: &'static str, body: impl Into<String>) -> Response {
    let mut response = (StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), body.into()).into_response();
    response.headers_mut().insert("content-type", HeaderValue::from_static(content_type));
    response
}

/// The 429 body, exactly as PAY.JP sends it.
pub const OVER_CAPACITY: &str = r#"{"error":{"code":"over_capacity","message":"The service is over capacity. Please try again later.","status":429,"type":"client_error"}}"#;

/// What the CDN connectivity-test host answers to every request, exactly.
pub const CDN_TEST: &str = r#"{"error":{"message":"Test response.","status":404,"type":"client_error"}}"#;

pub const SERVER_ERROR: &str = r#"{"error":{"message":"An unexpected error occurred. Please try again later.","status":500,"type":"server_error"}}"#;

pub const SERVICE_UNAVAILABLE: &str = r#"{"error":{"message":"The service is temporarily unavailable. Please try again later.","status":503,"type":"server_error"}}"#;
