//! The standalone validators, as the package entry re-exports them after `init()`
//! (`validateCardNumber`, …). Built into the page's core only (the `validators` feature, on by
//! default): the payment frames' wasm leaves them out.
//!
//! Every validator here is total for strings: it never throws on what a buyer types. A
//! non-string argument is a programming mistake and throws a `TypeError` naming what was
//! expected and what was received.

#[allow(unused_imports)]
use crate::prelude::*;

use wasm_bindgen::prelude::*;

use crate::core;
use wasm_bindgen::JsValue;

use super::convert::{browser_now, out_object, to_js};
use crate::core::{FieldCheck, Lang, Network, Problem, YearMonth};

/// The exported function a conversion works for, so a `TypeError` can name it.
#[derive(Clone, Copy)]
pub enum ApiFn {
    ValidateCardNumber,
    ValidateExpiry,
    ValidateCvc,
    ValidateHolderName,
    ValidateEmail,
    ValidatePhone,
    FormatCardNumber,
    DetectBrand,
}

impl ApiFn {
    fn name(self) -> &'static str {
        match self {
            ApiFn::ValidateCardNumber => "validateCardNumber",
            ApiFn::ValidateExpiry => "validateExpiry",
            ApiFn::ValidateCvc => "validateCvc",
            ApiFn::ValidateHolderName => "validateHolderName",
            ApiFn::ValidateEmail => "validateEmail",
            ApiFn::ValidatePhone => "validatePhone",
            ApiFn::FormatCardNumber => "formatCardNumber",
            ApiFn::DetectBrand => "detectBrand",
        }
    }
}

/// What a value is, for error messages: `typeof`, but `null` and arrays by name.
fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_else(|| "unknown".into())
    }
}

/// `TypeError("validateCvc: expected `brand` to be a card brand string or undefined, got number")`.
/// The received value itself is never quoted: it may be card data.
fn type_error(f: ApiFn, param: &str, expected: &str, got: &JsValue) -> JsValue {
    let mut msg = String::with_capacity(96);
    for part in [f.name(), ": expected `", param, "` to be ", expected, ", got "] {
        msg.push_str(part);
    }
    msg.push_str(&describe(got));
    js_sys::TypeError::new(&msg).into()
}

pub fn arg_string(f: ApiFn, param: &str, value: &JsValue) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| type_error(f, param, "a string", value))
}

/// `lang`: undefined or null for the default (Japanese), or a language tag string.
pub fn arg_lang(f: ApiFn, value: &JsValue) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::default());
    }
    value
        .as_string()
        .map(|tag| Lang::from_tag(&tag))
        .ok_or_else(|| type_error(f, "lang", "'ja', 'en' or undefined", value))
}

/// `brand`: undefined, null, or a brand string. Unknown brand strings (including 'unknown')
/// mean "brand not known", so the CVC may have 3 or 4 digits.
pub fn arg_optional_brand(f: ApiFn, value: &JsValue) -> Result<Option<Network>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(|name| Network::from_payjp_name(&name))
        .ok_or_else(|| type_error(f, "brand", "a card brand string or undefined", value))
}

fn integer_field(obj: &JsValue, key: &str) -> Option<f64> {
    js_sys::Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|n| n % 1.0 == 0.0)
}

/// `now`: undefined for the browser clock, or `{ year, month }` with a 4-digit year and a month
/// from 1 to 12.
pub fn arg_now(f: ApiFn, value: &JsValue) -> Result<YearMonth, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(browser_now());
    }
    let year = integer_field(value, "year").filter(|y| (1000.0..=9999.0).contains(y));
    let month = integer_field(value, "month").filter(|m| (1.0..=12.0).contains(m));
    match (value.is_object(), year, month) {
        (true, Some(year), Some(month)) => Ok(YearMonth { year: year as u16, month: month as u8 }),
        _ => Err(type_error(f, "now", "{ year, month } with a 4-digit year and a month from 1 to 12", value)),
    }
}

/// The caret for `formatCardNumber`: a number clamped into the text, or the end when undefined.
pub fn caret_arg(f: ApiFn, value: &JsValue, text: &str) -> Result<usize, JsValue> {
    let end = text.encode_utf16().count();
    if value.is_undefined() {
        return Ok(end);
    }
    match value.as_f64() {
        Some(n) if !n.is_nan() => Ok(n.max(0.0).min(end as f64) as usize),
        _ => Err(type_error(f, "caret", "a number (a UTF-16 offset, as selectionStart gives)", value)),
    }
}

/// `{ code, message }`: a validator's problem in the chosen language.
pub struct ProblemOut {
    code: &'static str,
    message: &'static str,
}
out_object!(ProblemOut { "code": code, "message": message });

impl ProblemOut {
    pub fn new(problem: Option<Problem>, lang: Lang) -> Option<ProblemOut> {
        problem.map(|p| ProblemOut { code: p.code().as_str(), message: p.message(lang) })
    }
}

/// `{ value, isValid, isPotentiallyValid, error }`.
pub struct FieldCheckOut<'a> {
    value: &'a str,
    is_valid: bool,
    is_potentially_valid: bool,
    error: Option<ProblemOut>,
}
out_object!(FieldCheckOut<'_> { "value": value, "isValid": is_valid, "isPotentiallyValid": is_potentially_valid, "error": error });

impl<'a> FieldCheckOut<'a> {
    pub fn new(check: &'a FieldCheck, lang: Lang) -> FieldCheckOut<'a> {
        FieldCheckOut { value: &check.value, is_valid: check.is_valid, is_potentially_valid: check.is_potentially_valid, error: ProblemOut::new(check.problem, lang) }
    }
}

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

/// A validator of one text field and a language: `{ value, isValid, isPotentiallyValid, error }`.
fn field_validator(f: ApiFn, input: &JsValue, lang: &JsValue, check: impl Fn(&str) -> FieldCheck) -> Result<JsValue, JsValue> {
    let input = arg_string(f, "input", input)?;
    let lang = arg_lang(f, lang)?;
    Ok(to_js(&FieldCheckOut::new(&check(&input), lang)))
}

/// `validateHolderName(input, lang?)`
#[wasm_bindgen(js_name = validateHolderName, skip_typescript)]
pub fn validate_holder_name(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    field_validator(ApiFn::ValidateHolderName, &input, &lang, core::validate_holder_name)
}

/// `validateEmail(input, lang?)`
#[wasm_bindgen(js_name = validateEmail, skip_typescript)]
pub fn validate_email(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    field_validator(ApiFn::ValidateEmail, &input, &lang, core::validate_email)
}

/// `validatePhone(input, lang?)`
#[wasm_bindgen(js_name = validatePhone, skip_typescript)]
pub fn validate_phone(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    field_validator(ApiFn::ValidatePhone, &input, &lang, core::validate_phone)
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

// The browser suites read these objects back from JavaScript; this pins what serde sees: keys
// renamed and in order, `None` as null, objects nested.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::js::convert::{ToOut, ValidationErrorOut};
    use crate::core::{validate_cvc, validate_holder_name};

    fn json(value: &impl ToOut) -> String {
        serde_json::to_string(&value.to_out()).unwrap()
    }

    #[test]
    fn outputs_serialize_as_plain_objects() {
        let ok = validate_cvc("123", None);
        assert_eq!(
            json(&FieldCheckOut::new(&ok, Lang::En)),
            r#"{"value":"123","isValid":true,"isPotentiallyValid":true,"error":null}"#
        );
        let digits = validate_holder_name("4242424242424242");
        let out = json(&FieldCheckOut::new(&digits, Lang::En));
        assert!(out.contains(r#","isValid":false,"isPotentiallyValid":false,"error":{"code":"invalid_card_name","message":"Enter the cardholder's name here"#), "{out}");
        let refused = json(&ValidationErrorOut::new(digits.problem, Lang::En));
        assert!(refused.starts_with(r#"{"type":"validation_error","code":"invalid_card_name","detail":"invalid_card_name","message":""#), "{refused}");
        assert_eq!(json(&None::<ProblemOut>), "null");
        assert_eq!(json(&Some(7u16)), "7.0");
    }
}
