//! Conversions between JavaScript values and core types, and the `TypeError`s for misuse.

#[allow(unused_imports)]
use crate::prelude::*;

use serde::Serialize;
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

/// What the wasm hands to JavaScript, as one serde type: every output struct becomes an `Out`
/// (`out_object!`), and `Out` is what serde-wasm-bindgen serializes. One type means one
/// instantiation of serde-wasm-bindgen's serializer instead of one per struct and field type, and
/// objects go through its map path: its struct path makes keys through a cache of JS strings in
/// a thread-local `HashMap` (hashbrown and the thread-local's machinery, 1.7 KB gzipped).
pub enum Out<'a> {
    Null,
    Bool(bool),
    Number(f64),
    Str(&'a str),
    /// A plain object, keys in this order.
    Object(Vec<(&'static str, Out<'a>)>),
    Array(Vec<Out<'a>>),
}

impl Serialize for Out<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Out::Null => serializer.serialize_none(),
            Out::Bool(b) => serializer.serialize_bool(*b),
            Out::Number(n) => serializer.serialize_f64(*n),
            Out::Str(s) => serializer.serialize_str(s),
            Out::Object(fields) => {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (key, value) in fields {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Out::Array(items) => serializer.collect_seq(items),
        }
    }
}

/// A field's value as an [`Out`].
pub trait ToOut {
    fn to_out(&self) -> Out<'_>;
}

impl ToOut for &str {
    fn to_out(&self) -> Out<'_> {
        Out::Str(self)
    }
}

impl ToOut for String {
    fn to_out(&self) -> Out<'_> {
        Out::Str(self)
    }
}

impl ToOut for bool {
    fn to_out(&self) -> Out<'_> {
        Out::Bool(*self)
    }
}

impl ToOut for f64 {
    fn to_out(&self) -> Out<'_> {
        Out::Number(*self)
    }
}

macro_rules! number_to_out {
    ($($t:ty),*) => {$(
        impl ToOut for $t {
            fn to_out(&self) -> Out<'_> {
                Out::Number(f64::from(*self))
            }
        }
    )*};
}
number_to_out!(u8, u16, u32);

impl<T: ToOut> ToOut for Option<T> {
    fn to_out(&self) -> Out<'_> {
        self.as_ref().map_or(Out::Null, ToOut::to_out)
    }
}

/// `ToOut` for an output struct: a plain object with these keys, in this order.
macro_rules! out_object {
    ($ty:ty { $($key:literal: $field:ident),* $(,)? }) => {
        impl $crate::js::convert::ToOut for $ty {
            fn to_out(&self) -> $crate::js::convert::Out<'_> {
                $crate::js::convert::Out::Object(vec![$(($key, $crate::js::convert::ToOut::to_out(&self.$field))),*])
            }
        }
    };
}
pub(crate) use out_object;

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

/// `{ type: 'validation_error', code, detail, message }`: `code` as payjp.js v2 names the problem
/// (`incomplete_error` for any unfinished field), `detail` the finer code.
pub struct ValidationErrorOut {
    kind: &'static str,
    code: &'static str,
    detail: &'static str,
    message: &'static str,
    /// The token request's parameter, as PAY.JP names it (`card[number]`, `card[email]`, …).
    param: &'static str,
    /// A token request's refusal: every problem, the first included (absent elsewhere).
    pub errors: Vec<ValidationErrorOut>,
}

impl ToOut for ValidationErrorOut {
    fn to_out(&self) -> Out<'_> {
        let mut fields = vec![
            ("type", Out::Str(self.kind)),
            ("code", Out::Str(self.code)),
            ("detail", Out::Str(self.detail)),
            ("message", Out::Str(self.message)),
            ("param", Out::Str(self.param)),
        ];
        if !self.errors.is_empty() {
            fields.push(("errors", Out::Array(self.errors.iter().map(ToOut::to_out).collect())));
        }
        Out::Object(fields)
    }
}

impl ValidationErrorOut {
    pub fn new(problem: Option<Problem>, lang: Lang) -> Option<ValidationErrorOut> {
        problem.map(|p| ValidationErrorOut { kind: "validation_error", code: p.code().payjp_v2(), detail: p.code().as_str(), message: p.message(lang), param: p.code().param(), errors: Vec::new() })
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

/// A plain JS object from an output (serde-wasm-bindgen), `None` as `null`.
pub fn to_js(value: &impl ToOut) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);
    value.to_out().serialize(&serializer).unwrap_or(JsValue::NULL)
}

// The browser suites read these objects back from JavaScript; this pins what serde sees: keys
// renamed and in order, `None` as null, objects nested.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
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
