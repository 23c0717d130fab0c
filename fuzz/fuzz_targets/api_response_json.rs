//! The readers of PAY.JP's answers, on arbitrary JSON (through the `Document` seam, as the
//! browser's parsed value is read). Input: a JSON document, or bytes the generator of
//! `json_from` turns into one. Invariants: each reader accepts exactly the documents its
//! specification (written here against serde_json directly) accepts and reads the same fields;
//! `decode` hands a 2xx document on untouched and turns any other status into PAY.JP's error
//! with the answer's status, or `invalid_response`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::api::response::decode;
use payjp_wasm::api::client::HttpResponse;
use payjp_wasm::api::{ApiError, Availability, ErrorBody, Token};
use payjp_wasm::core::Lang;
use payjp_wasm_fuzz::{json_from, Doc};
use serde_json::Value;

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.as_object()?.get(*k))?.as_str()
}

/// A token: `object: "token"`, an id `tok_…`, a card object with a brand and last4, livemode.
fn spec_token(v: &Value) -> Option<Token> {
    if str_at(v, &["object"]) != Some("token") || str_at(v, &["card", "object"]) != Some("card") {
        return None;
    }
    Some(Token {
        id: str_at(v, &["id"]).filter(|id| id.starts_with("tok_"))?.to_string(),
        brand: str_at(v, &["card", "brand"])?.to_string(),
        last4: str_at(v, &["card", "last4"])?.to_string(),
        three_d_secure_status: str_at(v, &["card", "three_d_secure_status"]).map(str::to_string),
        livemode: v.as_object()?.get("livemode")?.as_bool()?,
    })
}

/// PAY.JP's error body: `error.type` and `error.message` strings; a status in 100–599 kept.
fn spec_error(v: &Value) -> Option<ApiError> {
    let e = v.as_object()?.get("error")?;
    Some(ApiError {
        kind: str_at(e, &["type"])?.to_string(),
        api_message: Some(str_at(e, &["message"])?.to_string()),
        code: str_at(e, &["code"]).map(str::to_string),
        param: str_at(e, &["param"]).map(str::to_string),
        status: e.as_object()?.get("status").and_then(Value::as_f64).filter(|s| *s >= 100.0 && *s < 600.0).map(|s| s.trunc() as u16),
    })
}

fuzz_target!(|data: &[u8]| {
    let value = json_from(data);
    let doc = Doc(value.clone());
    assert_eq!(Token::read(&doc), spec_token(&value));
    let availability = value.as_object().and_then(|o| Some((o.get("card_types_supported")?.is_array(), o.get("livemode")?.as_bool()?)));
    assert_eq!(Availability::read(&doc).map(|a| a.livemode), availability.and_then(|(array, live)| array.then_some(live)));
    let error = spec_error(&value);
    assert_eq!(ErrorBody::read(&doc), error);

    for status in [200u16, 201, 299, 300, 400, 402, 404, 429, 500, 503] {
        let response = HttpResponse { status, retry_after: None, json: Some(doc.clone()), html: false };
        match decode(response, Token::read) {
            Ok(d) => {
                assert!((200..300).contains(&status) && spec_token(&value).is_some());
                assert_eq!(d.0, value, "handed on whole");
            }
            Err(e) => {
                let expected = match (&error, (200..300).contains(&status)) {
                    (Some(body), false) => ApiError { status: Some(status), ..body.clone() },
                    _ => ApiError::invalid_response(status),
                };
                assert_eq!(e, expected);
                assert!(!e.message(Lang::Ja).is_empty() && !e.message(Lang::En).is_empty());
            }
        }
    }
});
