//! What the card elements (`src/dom/*.js`) ask of the core: formatting a field after an edit,
//! the state a field reports, and a token from raw field values. These exports are internal
//! (their names start with `_` and they are not in the public types); the element layer in
//! JavaScript owns the DOM, the core owns every rule about card data.
//!
//! Field kinds are numbers so the calls stay cheap: 0 number, 1 expiry, 2 CVC. Edit kinds: 0
//! insert, 1 delete backward, 2 delete forward (from `InputEvent.inputType`).

#[allow(unused_imports)]
use crate::prelude::*;

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;

use crate::api::{CardData, TokenRequest};
use crate::core::{
    field_state, format_cvc, reformat_card_number, reformat_expiry, EditKind, FieldKind, Lang,
    Network, Problem,
};

use super::convert::{browser_now, problem_object, set};
use wasm_bindgen::JsCast;
use super::payjp::PayjpInstance;

fn field_kind(kind: u8) -> FieldKind {
    match kind {
        0 => FieldKind::Number,
        1 => FieldKind::Expiry,
        _ => FieldKind::Cvc,
    }
}

/// `{ type: 'validation_error', code, detail, message }` or null: `code` as payjp.js v2 names the
/// problem (`incomplete_error` for any unfinished field), `detail` the finer code.
pub(crate) fn validation_error(problem: Option<Problem>, lang: Lang) -> JsValue {
    let error = problem_object(problem, lang);
    if let (Some(o), Some(p)) = (error.dyn_ref::<Object>(), problem) {
        set(o, "type", &JsValue::from_str("validation_error"));
        set(o, "code", &JsValue::from_str(p.code().payjp_v2()));
        set(o, "detail", &JsValue::from_str(p.code().as_str()));
    }
    error
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
    let o = Object::new();
    set(&o, "value", &JsValue::from_str(&formatted.text));
    set(&o, "caret", &JsValue::from_f64(formatted.caret as f64));
    o.into()
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
    let o = Object::new();
    set(&o, "complete", &JsValue::from_bool(state.complete));
    set(&o, "empty", &JsValue::from_bool(state.empty));
    set(
        &o,
        "brand",
        &JsValue::from_str(
            state
                .network
                .and_then(Network::payjp_name)
                .unwrap_or("unknown"),
        ),
    );
    set(
        &o,
        "error",
        &validation_error(state.error, Lang::from_tag(lang)),
    );
    o.into()
}

#[wasm_bindgen(js_class = PayjpInstance)]
impl PayjpInstance {
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
    /// `email`, `phone` (checked by the core's validators), `country`, `address_state`,
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
        match CardData::from_fields(number, expiry, cvc, holder, browser_now()) {
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
            Err(problem) => {
                let o = Object::new();
                set(&o, "error", &validation_error(Some(problem), self.lang()));
                let value: JsValue = o.into();
                Promise::resolve(&value)
            }
        }
    }
}
