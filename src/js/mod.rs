//! The JavaScript API: the only place with `#[wasm_bindgen]` exports. The package entry
//! (`src/dom/index.js`) re-exports the validators and wraps `Payjp`; `card` holds what the card
//! elements call.
//!
//! Every validator here is total for strings: it never throws on what a buyer types. A
//! non-string argument is a programming mistake and throws a `TypeError` naming what was
//! expected and what was received. Results are plain objects built directly (no serde), which
//! keeps the download small.

#[allow(unused_imports)]
use crate::prelude::*;

pub mod card;
mod convert;
pub mod payjp;
pub mod timers;
pub mod transport;

use wasm_bindgen::prelude::*;

use crate::core::{self, Detection};
use convert::{
    arg_lang, arg_now, arg_optional_brand, arg_string, caret_arg, field_check_object,
    problem_object, set, ApiFn,
};

// The public TypeScript types are hand-written in src/dom/index.d.ts.


/// `validateCardNumber(input, lang?)`
#[wasm_bindgen(js_name = validateCardNumber, skip_typescript)]
pub fn validate_card_number(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateCardNumber;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    let check = core::validate_card_number(&input);
    let formatted = core::format_card_number(&check.digits, 0).text;
    let out = js_sys::Object::new();
    set(&out, "value", &JsValue::from_str(&check.digits));
    set(&out, "formatted", &JsValue::from_str(&formatted));
    set(
        &out,
        "brand",
        &JsValue::from_str(check.detection.brand_name()),
    );
    set(&out, "isValid", &JsValue::from_bool(check.is_valid));
    set(
        &out,
        "isPotentiallyValid",
        &JsValue::from_bool(check.is_potentially_valid),
    );
    set(&out, "error", &problem_object(check.problem, lang));
    Ok(out.into())
}

/// `validateExpiry(input, lang?, now?)`
#[wasm_bindgen(js_name = validateExpiry, skip_typescript)]
pub fn validate_expiry(input: JsValue, lang: JsValue, now: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateExpiry;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    let now = arg_now(f, &now)?;
    let check = core::validate_expiry(&input, now);
    let out = js_sys::Object::new();
    let number_or_null =
        |n: Option<u16>| n.map_or(JsValue::NULL, |n| JsValue::from_f64(f64::from(n)));
    set(&out, "month", &number_or_null(check.month.map(u16::from)));
    set(&out, "year", &number_or_null(check.year));
    set(&out, "isValid", &JsValue::from_bool(check.is_valid));
    set(
        &out,
        "isPotentiallyValid",
        &JsValue::from_bool(check.is_potentially_valid),
    );
    set(&out, "error", &problem_object(check.problem, lang));
    Ok(out.into())
}

/// `validateCvc(input, brand?, lang?)`
#[wasm_bindgen(js_name = validateCvc, skip_typescript)]
pub fn validate_cvc(input: JsValue, brand: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateCvc;
    let input = arg_string(f, "input", &input)?;
    let network = arg_optional_brand(f, &brand)?;
    let lang = arg_lang(f, &lang)?;
    Ok(field_check_object(
        &core::validate_cvc(&input, network),
        lang,
    ))
}

/// `validateHolderName(input, lang?)`
#[wasm_bindgen(js_name = validateHolderName, skip_typescript)]
pub fn validate_holder_name(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateHolderName;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    Ok(field_check_object(
        &core::validate_holder_name(&input),
        lang,
    ))
}

/// `validateEmail(input, lang?)`
#[wasm_bindgen(js_name = validateEmail, skip_typescript)]
pub fn validate_email(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateEmail;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    Ok(field_check_object(&core::validate_email(&input), lang))
}

/// `validatePhone(input, lang?)`
#[wasm_bindgen(js_name = validatePhone, skip_typescript)]
pub fn validate_phone(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidatePhone;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    Ok(field_check_object(&core::validate_phone(&input), lang))
}

/// `formatCardNumber(input, caret?)`; without a caret, the caret is taken to be at the end.
#[wasm_bindgen(js_name = formatCardNumber, skip_typescript)]
pub fn format_card_number(input: JsValue, caret: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::FormatCardNumber;
    let input = arg_string(f, "input", &input)?;
    let caret = caret_arg(f, &caret, &input)?;
    let formatted = core::format_card_number(&input, caret);
    let out = js_sys::Object::new();
    set(&out, "value", &JsValue::from_str(&formatted.text));
    set(&out, "caret", &JsValue::from_f64(formatted.caret as f64));
    Ok(out.into())
}

/// `detectBrand(input)`: the brand of a (possibly partial) card number.
#[wasm_bindgen(js_name = detectBrand, skip_typescript)]
pub fn detect_brand(input: JsValue) -> Result<JsValue, JsValue> {
    let input = arg_string(ApiFn::DetectBrand, "input", &input)?;
    let normalized = core::normalize_card_number(&input);
    let detection = if normalized.has_invalid {
        Detection::NoMatch
    } else {
        core::detect(&normalized.digits)
    };
    Ok(JsValue::from_str(detection.brand_name()))
}
