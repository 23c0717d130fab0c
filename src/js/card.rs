//! What the card elements (`src/dom/*.js`) ask of the core: formatting a field after an edit,
//! the state a field reports, and a token from raw field values. These exports are internal
//! (their names start with `_` and they are not in the public types); the element layer in
//! JavaScript owns the DOM, the core owns every rule about card data.
//!
//! Field kinds are numbers so the calls stay cheap: 0 number, 1 expiry, 2 CVC. Edit kinds: 0
//! insert, 1 delete backward, 2 delete forward (from `InputEvent.inputType`).

#[allow(unused_imports)]
use crate::prelude::*;

use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api::{CardData, TokenRequest};
use crate::core::{
    field_state, format_cvc, reformat_card_number, reformat_expiry, EditKind, FieldKind, Lang,
    Network,
};

use super::convert::{browser_now, to_js, ValidationErrorOut};
use super::payjp::PayjpInstance;
use super::FormattedOut;

fn field_kind(kind: u8) -> FieldKind {
    match kind {
        0 => FieldKind::Number,
        1 => FieldKind::Expiry,
        _ => FieldKind::Cvc,
    }
}

/// `{ error: { type: 'validation_error', code, detail, message } }`.
#[derive(Serialize)]
struct RefusedOut {
    error: Option<ValidationErrorOut>,
}

/// What `_fieldState` returns.
#[derive(Serialize)]
struct FieldStateOut {
    complete: bool,
    empty: bool,
    brand: &'static str,
    error: Option<ValidationErrorOut>,
}

/// `_formatField(kind, previous, current, caret, edit)` → `{ value, caret }`: the field's new
/// text after an edit, with the caret after the same digit. `previous` is the text as last
/// formatted, so a deleted separator also deletes its digit.
#[wasm_bindgen(js_name = _formatField, skip_typescript)]
pub fn format_field(kind: u8, previous: &str, current: &str, caret: u32, edit: u8) -> JsValue {
    let edit = match edit {
        1 => EditKind::DeleteBackward,
        2 => EditKind::DeleteForward,
        _ => EditKind::Insert,
    };
    let caret = (caret as usize).min(current.encode_utf16().count());
    let formatted = match field_kind(kind) {
        FieldKind::Number => reformat_card_number(previous, current, caret, edit),
        FieldKind::Expiry => reformat_expiry(previous, current, caret, edit),
        FieldKind::Cvc => format_cvc(current, caret),
    };
    to_js(&FormattedOut { value: &formatted.text, caret: formatted.caret as u32 })
}

/// `_fieldState(kind, value, brand, blurred, submitting, lang)` →
/// `{ complete, empty, brand, error }`. `brand` is the number field's brand (the CVC's length
/// depends on it); the number field reports its own.
#[wasm_bindgen(js_name = _fieldState, skip_typescript)]
pub fn field_state_js(
    kind: u8,
    value: &str,
    brand: &str,
    blurred: bool,
    submitting: bool,
    lang: &str,
) -> JsValue {
    let state = field_state(
        field_kind(kind),
        value,
        Network::from_payjp_name(brand),
        blurred,
        submitting,
        browser_now(),
    );
    to_js(&FieldStateOut {
        complete: state.complete,
        empty: state.empty,
        brand: state.network.and_then(Network::payjp_name).unwrap_or("unknown"),
        error: ValidationErrorOut::new(state.error, Lang::from_tag(lang)),
    })
}

/// `_error(code, lang)` → `{ error: { type, code, message, … } }`: an error of the SDK's own (3-D
/// Secure's endings, the frames'), worded by the one table in `api::error`.
#[wasm_bindgen(js_name = _error, skip_typescript)]
pub fn sdk_error(code: &str, lang: &str) -> JsValue {
    super::payjp::error_result(&crate::api::ApiError::sdk(code), Lang::from_tag(lang))
}

#[wasm_bindgen(js_class = PayjpInstance)]
impl PayjpInstance {
    /// `_error(code)`: [`sdk_error`] in this instance's locale.
    #[wasm_bindgen(js_name = _error, skip_typescript)]
    pub fn sdk_error(&self, code: &str) -> JsValue {
        super::payjp::error_result(&crate::api::ApiError::sdk(code), self.lang())
    }

    /// `_finishThreeDSecure(tokenId)`: `POST /tokens/{id}/tds_finish` once the buyer finished the
    /// issuer's challenge. Resolves with the finished token or `{ error }`; never rejects.
    #[wasm_bindgen(js_name = _finishThreeDSecure, skip_typescript)]
    pub fn finish_three_d_secure_js(&self, id: String) -> Promise {
        let inner = self.inner.clone();
        super::transport::promise(async move {
            let result = crate::api::client::finish_three_d_secure(
                &super::transport::FetchTransport,
                &super::transport::BrowserClock,
                &inner.config,
                &id,
            )
            .await;
            super::payjp::resolve(result, inner.lang)
        })
    }

    /// `_createToken(number, expiry, cvc, card, tenant?, threeDSecure)`: the elements' token call.
    /// `card` holds what the merchant passes beside the fields, as PAY.JP names it: `name`,
    /// `email`, `phone` (checked by the core's validators; with `threeDSecure`, the name and an
    /// e-mail or a phone are required), `country`, `address_state`,
    /// `address_city`, `address_line1`, `address_line2`, `address_zip` (sent as given, trimmed).
    /// Validates everything again (a problem resolves `{ error }` with nothing sent), then creates
    /// the token with the request gate. Never rejects.
    #[wasm_bindgen(js_name = _createToken, skip_typescript)]
    pub fn create_token_from_fields(
        &self,
        number: &str,
        expiry: &str,
        cvc: &str,
        card: JsValue,
        tenant: Option<String>,
        three_d_secure: bool,
    ) -> Promise {
        let text = |key: &str| {
            super::payjp::option(&card, key)
                .as_string()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let holder = [text("name"), text("email"), text("phone")];
        match CardData::from_fields(number, expiry, cvc, holder, three_d_secure, browser_now()) {
            Ok(mut data) => {
                for (field, key) in [
                    (&mut data.country, "country"),
                    (&mut data.address_state, "address_state"),
                    (&mut data.address_city, "address_city"),
                    (&mut data.address_line1, "address_line1"),
                    (&mut data.address_line2, "address_line2"),
                    (&mut data.address_zip, "address_zip"),
                ] {
                    *field = text(key).unwrap_or_default();
                }
                self.create_token(TokenRequest {
                    card: data,
                    three_d_secure,
                    tenant: tenant.map(|t| t.trim().to_string()).unwrap_or_default(),
                })
            }
            Err(problem) => Promise::resolve(&to_js(&RefusedOut { error: ValidationErrorOut::new(Some(problem), self.lang()) })),
        }
    }
}
