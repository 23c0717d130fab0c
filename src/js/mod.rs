//! The JavaScript API: the only place with `#[wasm_bindgen]` exports. The package entry
//! (`src/dom/index.js`) re-exports the validators and wraps `Payjp`; `card` holds what the card
//! elements call.
//!
//! Every validator here is total for strings: it never throws on what a buyer types. A
//! non-string argument is a programming mistake and throws a `TypeError` naming what was
//! expected and what was received. Results are plain structs, made plain JS objects through one
//! serde type by serde-wasm-bindgen (`convert::to_js`).

#[allow(unused_imports)]
use crate::prelude::*;

pub mod card;
mod convert;
pub mod payjp;
pub mod timers;
pub mod transport;

use wasm_bindgen::prelude::*;

use crate::core;
use convert::{arg_lang, arg_now, arg_optional_brand, arg_string, caret_arg, out_object, to_js, ApiFn, FieldCheckOut, ProblemOut};

/// What `validateCardNumber` returns.
struct NumberCheckOut<'a> {
    value: &'a str,
    formatted: &'a str,
    brand: &'static str,
    is_valid: bool,
    is_potentially_valid: bool,
    error: Option<ProblemOut>,
}
out_object!(NumberCheckOut<'_> {
    "value": value, "formatted": formatted, "brand": brand, "isValid": is_valid,
    "isPotentiallyValid": is_potentially_valid, "error": error,
});

/// What `validateExpiry` returns.
struct ExpiryCheckOut {
    month: Option<u8>,
    year: Option<u16>,
    is_valid: bool,
    is_potentially_valid: bool,
    error: Option<ProblemOut>,
}
out_object!(ExpiryCheckOut {
    "month": month, "year": year, "isValid": is_valid, "isPotentiallyValid": is_potentially_valid, "error": error,
});

/// Text after formatting, with the caret (a UTF-16 offset).
struct FormattedOut<'a> {
    value: &'a str,
    caret: u32,
}
out_object!(FormattedOut<'_> { "value": value, "caret": caret });

// The public TypeScript types are hand-written in src/dom/index.d.ts.


/// `validateCardNumber(input, lang?)`
#[wasm_bindgen(js_name = validateCardNumber, skip_typescript)]
pub fn validate_card_number(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateCardNumber;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    let check = core::validate_card_number(&input);
    let formatted = core::format_card_number(&check.digits, 0).text;
    Ok(to_js(&NumberCheckOut {
        value: &check.digits,
        formatted: &formatted,
        brand: check.detection.brand_name(),
        is_valid: check.is_valid,
        is_potentially_valid: check.is_potentially_valid,
        error: ProblemOut::new(check.problem, lang),
    }))
}

/// `validateExpiry(input, lang?, now?)`
#[wasm_bindgen(js_name = validateExpiry, skip_typescript)]
pub fn validate_expiry(input: JsValue, lang: JsValue, now: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateExpiry;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    let now = arg_now(f, &now)?;
    let check = core::validate_expiry(&input, now);
    Ok(to_js(&ExpiryCheckOut {
        month: check.month,
        year: check.year,
        is_valid: check.is_valid,
        is_potentially_valid: check.is_potentially_valid,
        error: ProblemOut::new(check.problem, lang),
    }))
}

/// `validateCvc(input, brand?, lang?)`
#[wasm_bindgen(js_name = validateCvc, skip_typescript)]
pub fn validate_cvc(input: JsValue, brand: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateCvc;
    let input = arg_string(f, "input", &input)?;
    let network = arg_optional_brand(f, &brand)?;
    let lang = arg_lang(f, &lang)?;
    Ok(to_js(&FieldCheckOut::new(&core::validate_cvc(&input, network), lang)))
}

/// `validateHolderName(input, lang?)`
#[wasm_bindgen(js_name = validateHolderName, skip_typescript)]
pub fn validate_holder_name(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateHolderName;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    Ok(to_js(&FieldCheckOut::new(&core::validate_holder_name(&input), lang)))
}

/// `validateEmail(input, lang?)`
#[wasm_bindgen(js_name = validateEmail, skip_typescript)]
pub fn validate_email(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateEmail;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    Ok(to_js(&FieldCheckOut::new(&core::validate_email(&input), lang)))
}

/// `validatePhone(input, lang?)`
#[wasm_bindgen(js_name = validatePhone, skip_typescript)]
pub fn validate_phone(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidatePhone;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    Ok(to_js(&FieldCheckOut::new(&core::validate_phone(&input), lang)))
}

/// `formatCardNumber(input, caret?)`; without a caret, the caret is taken to be at the end.
#[wasm_bindgen(js_name = formatCardNumber, skip_typescript)]
pub fn format_card_number(input: JsValue, caret: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::FormatCardNumber;
    let input = arg_string(f, "input", &input)?;
    let caret = caret_arg(f, &caret, &input)?;
    let formatted = core::format_card_number(&input, caret);
    Ok(to_js(&FormattedOut { value: &formatted.text, caret: formatted.caret as u32 }))
}

/// `detectBrand(input)`: the brand of a (possibly partial) card number.
#[wasm_bindgen(js_name = detectBrand, skip_typescript)]
pub fn detect_brand(input: JsValue) -> Result<JsValue, JsValue> {
    let input = arg_string(ApiFn::DetectBrand, "input", &input)?;
    Ok(JsValue::from_str(core::detect_brand(&input).brand_name()))
}
