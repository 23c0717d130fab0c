//! Conversions between JavaScript values and core types, and the `TypeError`s for misuse.

#[allow(unused_imports)]
use crate::prelude::*;

use wasm_bindgen::JsValue;

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

/// This month by the browser's clock, for expiry checks.
pub fn browser_now() -> YearMonth {
    let date = js_sys::Date::new_0();
    YearMonth { year: date.get_full_year() as u16, month: date.get_month() as u8 + 1 }
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

pub fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

/// `null`, or `{ code, message }` in the chosen language.
pub fn problem_object(problem: Option<Problem>, lang: Lang) -> JsValue {
    match problem {
        None => JsValue::NULL,
        Some(p) => {
            let err = js_sys::Object::new();
            set(&err, "code", &JsValue::from_str(p.code().as_str()));
            set(&err, "message", &JsValue::from_str(p.message(lang)));
            err.into()
        }
    }
}

/// `{ value, isValid, isPotentiallyValid, error }`.
pub fn field_check_object(check: &FieldCheck, lang: Lang) -> JsValue {
    let out = js_sys::Object::new();
    set(&out, "value", &JsValue::from_str(&check.value));
    set(&out, "isValid", &JsValue::from_bool(check.is_valid));
    set(&out, "isPotentiallyValid", &JsValue::from_bool(check.is_potentially_valid));
    set(&out, "error", &problem_object(check.problem, lang));
    out.into()
}
