//! What the card elements (`src/dom/*.js`) ask of the core: formatting a field after an edit,
//! the state a field reports, and a token from raw field values. These exports are internal
//! (their names start with `_` and they are not in the public types); the element layer in
//! JavaScript owns the DOM, the core owns every rule about card data.
//!
//! Field and edit kinds are exported enums (`FieldKind`, `EditKind`); a keystroke is one call
//! (`_edit`: format, then the field's state).

#[allow(unused_imports)]
use crate::prelude::*;

use js_sys::Promise;
use zeroize::Zeroizing;
use wasm_bindgen::prelude::*;

use crate::api::{CardData, TokenRequest};
use crate::core::{
    field_state, format_cvc, kana_to_romaji, reformat_card_number, reformat_expiry, EditKind as CoreEditKind, FieldKind as CoreFieldKind,
    Formatted, Lang, Network,
};

use super::convert::{browser_now, out_object, to_js, ValidationErrorOut};
use super::payjp::PayjpInstance;

/// A string argument of an internal call. These exports take JS values and check them here: a
/// `&str` parameter lets wasm-bindgen's glue copy the string into the module before the call,
/// and a value that is not a string broke that copy half-way and left the allocator corrupted
/// (the next calls spun forever). A TypeError instead, the module untouched.
fn text(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        let mut message = String::from("payjp-wasm internal call: expected `");
        message.push_str(name);
        message.push_str("` to be a string.");
        js_sys::TypeError::new(&message).into()
    })
}

/// `{ error: { type: 'validation_error', code, detail, message, param, errors } }`: the first
/// problem, and in `errors` every problem (the first included), each with its own `param`.
struct RefusedOut {
    error: Option<ValidationErrorOut>,
}
out_object!(RefusedOut { "error": error });

/// A field's state, as `_edit` reports it.
struct FieldStateOut {
    complete: bool,
    empty: bool,
    brand: &'static str,
    error: Option<ValidationErrorOut>,
    /// The name field's romaji for what was typed in kana (null otherwise).
    suggestion: Option<String>,
}
out_object!(FieldStateOut { "complete": complete, "empty": empty, "brand": brand, "error": error, "suggestion": suggestion });

/// The inputs of a card element, as JavaScript names them (`FieldKind.Number`, …); `_edit` takes
/// the discriminant and maps it to the core's kind. The element layer's shared constants (`src/dom/shared/dom.js`) hold the same discriminants, which a browser
/// test checks.
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Number = 0,
    Expiry = 1,
    Cvc = 2,
    /// The cardholder name.
    Name = 3,
}

/// What an edit did, from `InputEvent.inputType`: `EditKind.Insert` for typing and pasting,
/// `DeleteBackward` (`deleteContentBackward`), `DeleteForward` (`deleteContentForward`).
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    Insert = 0,
    DeleteBackward = 1,
    DeleteForward = 2,
}

/// What `_edit` returns: the field's new text and caret, and the core's verdict on that text.
struct EditOut<'a> {
    value: &'a str,
    caret: u32,
    state: FieldStateOut,
}
out_object!(EditOut<'_> { "value": value, "caret": caret, "state": state });

/// `_edit(kind, previous, current, caret, edit, brand, blurred, submitting, lang)` →
/// `{ value, caret, state: { complete, empty, brand, error } }`: one call per keystroke. Formats
/// the field after an edit (the caret stays after the same digit; `previous` is the text as last
/// formatted, so a deleted separator also deletes its digit), and says what the core makes of
/// the result. `brand` is the number field's brand (the CVC's length depends on it); the number
/// field reports its own. A field checked again without an edit (on blur, on submit, when the
/// brand changed) is the same call with `current == previous`: formatted text formats to itself.
#[wasm_bindgen(js_name = _edit, skip_typescript)]
#[allow(clippy::too_many_arguments)]
pub fn edit(
    kind: u32,
    previous: JsValue,
    current: JsValue,
    caret: u32,
    edit: u32,
    brand: JsValue,
    blurred: bool,
    submitting: bool,
    lang: JsValue,
) -> Result<JsValue, JsValue> {
    // Numbers, not the enum types, at the boundary: an enum parameter given anything else made
    // wasm-bindgen throw from inside the module, and enough of those broke it.
    let kind = match kind {
        k if k == FieldKind::Number as u32 => CoreFieldKind::Number,
        k if k == FieldKind::Expiry as u32 => CoreFieldKind::Expiry,
        k if k == FieldKind::Cvc as u32 => CoreFieldKind::Cvc,
        k if k == FieldKind::Name as u32 => CoreFieldKind::Name,
        _ => return Err(js_sys::TypeError::new("payjp-wasm internal call: expected `kind` to be a FieldKind.").into()),
    };
    let edit = match edit {
        e if e == EditKind::Insert as u32 => CoreEditKind::Insert,
        e if e == EditKind::DeleteBackward as u32 => CoreEditKind::DeleteBackward,
        e if e == EditKind::DeleteForward as u32 => CoreEditKind::DeleteForward,
        _ => return Err(js_sys::TypeError::new("payjp-wasm internal call: expected `edit` to be an EditKind.").into()),
    };
    let (previous, current) = (&text(&previous, "previous")?, &text(&current, "current")?);
    let (brand, lang) = (&text(&brand, "brand")?, &text(&lang, "lang")?);
    let caret = (caret as usize).min(current.encode_utf16().count());
    let formatted = match kind {
        CoreFieldKind::Number => reformat_card_number(previous, current, caret, edit),
        CoreFieldKind::Expiry => reformat_expiry(previous, current, caret, edit),
        CoreFieldKind::Cvc => format_cvc(current, caret),
        // A name is left as typed; the core says what it makes of it.
        CoreFieldKind::Name => Formatted { text: current.clone(), caret },
    };
    let state = field_state(kind, &formatted.text, Network::from_payjp_name(brand), blurred, submitting, browser_now());
    // A name typed in kana gets its romaji to offer the buyer (one tap, and PAY.JP accepts it).
    let suggestion = match kind {
        CoreFieldKind::Name if !state.complete => kana_to_romaji(&formatted.text).ok().filter(|r| r.trim() != formatted.text.trim()),
        _ => None,
    };
    let state = FieldStateOut {
        complete: state.complete,
        empty: state.empty,
        brand: state.network.and_then(Network::payjp_name).unwrap_or("unknown"),
        error: ValidationErrorOut::new(state.error, Lang::from_tag(lang)),
        suggestion,
    };
    Ok(to_js(&EditOut { value: &formatted.text, caret: formatted.caret as u32, state }))
}

/// `_error(code, lang)` → `{ error: { type, code, message, … } }`: an error of the SDK's own (3-D
/// Secure's endings, the frames'), worded by the one table in `api::error`.
#[wasm_bindgen(js_name = _error, skip_typescript)]
pub fn sdk_error(code: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let (code, lang) = (text(&code, "code")?, text(&lang, "lang")?);
    Ok(super::payjp::error_result(&crate::api::ApiError::sdk(&code), Lang::from_tag(&lang)))
}

/// `_suggestEmail(address)` → the address with its domain corrected (`taro@docomo.ne.jo` →
/// `taro@docomo.ne.jp`), or null (`core::suggest_email`). Behind `payjp.suggestEmail()`: the
/// controller frame answers it in isolated mode, the page's core in direct mode.
#[wasm_bindgen(js_name = _suggestEmail, skip_typescript)]
pub fn suggest_email(address: JsValue) -> Result<Option<String>, JsValue> {
    Ok(crate::core::suggest_email(&text(&address, "address")?))
}

#[wasm_bindgen(js_class = PayjpInstance)]
impl PayjpInstance {
    /// `_error(code)`: [`sdk_error`] in this instance's locale.
    #[wasm_bindgen(js_name = _error, skip_typescript)]
    pub fn sdk_error(&self, code: JsValue) -> Result<JsValue, JsValue> {
        Ok(super::payjp::error_result(&crate::api::ApiError::sdk(&text(&code, "code")?), self.lang()))
    }

    /// `_finishThreeDSecure(tokenId)`: `POST /tokens/{id}/tds_finish` once the buyer finished the
    /// issuer's challenge. Resolves with the finished token or `{ error }`; never rejects.
    #[wasm_bindgen(js_name = _finishThreeDSecure, skip_typescript)]
    pub fn finish_three_d_secure_js(&self, id: JsValue) -> Result<Promise, JsValue> {
        let id = text(&id, "id")?;
        let inner = self.inner.clone();
        Ok(super::transport::promise(async move {
            let result = crate::api::client::finish_three_d_secure(
                &super::transport::FetchTransport,
                &super::transport::BrowserClock,
                &inner.config,
                &id,
            )
            .await;
            super::payjp::resolve(result, inner.lang)
        }))
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
        number: JsValue,
        expiry: JsValue,
        cvc: JsValue,
        card: JsValue,
        tenant: JsValue,
        three_d_secure: bool,
    ) -> Result<Promise, JsValue> {
        let (number, expiry, cvc) = (Zeroizing::new(text(&number, "number")?), Zeroizing::new(text(&expiry, "expiry")?), Zeroizing::new(text(&cvc, "cvc")?));
        let tenant = if tenant.is_undefined() || tenant.is_null() { None } else { Some(text(&tenant, "tenant")?) };
        let text = |key: &str| {
            super::payjp::option(&card, key)
                .as_string()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let holder = [text("name"), text("email"), text("phone")];
        Ok(match CardData::from_fields(&number, &expiry, &cvc, holder, three_d_secure, browser_now()) {
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
            Err(problems) => {
                let lang = self.lang();
                let mut error = ValidationErrorOut::new(problems.first().copied(), lang);
                if let Some(first) = &mut error {
                    first.errors = problems.iter().filter_map(|p| ValidationErrorOut::new(Some(*p), lang)).collect();
                }
                Promise::resolve(&to_js(&RefusedOut { error }))
            }
        })
    }
}
