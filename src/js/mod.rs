//! The JavaScript API: the only place with `#[wasm_bindgen]` exports.
//!
//! Every validator here is total for strings: it never throws on what a buyer types. A
//! non-string argument is a programming mistake and throws a `TypeError` naming what was
//! expected and what was received. Results are plain objects built directly (no serde), which
//! keeps the download small.

#[allow(unused_imports)]
use crate::prelude::*;

mod convert;
#[cfg(feature = "elements")]
pub mod elements;
pub mod payjp;
pub mod timers;
pub mod transport;

use wasm_bindgen::prelude::*;

use crate::core::{self, Detection};
use convert::{
    arg_lang, arg_now, arg_optional_brand, arg_string, caret_arg, field_check_object, problem_object,
    set, ApiFn,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Message language: Japanese (default) or English. Other tags fall back to Japanese. */
export type Lang = 'ja' | 'en';
/** A PAY.JP card brand, or 'unknown' (including brands PAY.JP does not accept). */
export type CardBrand = 'Visa' | 'MasterCard' | 'JCB' | 'American Express' | 'Diners Club' | 'Discover' | 'unknown';
export type ValidationErrorCode =
  | 'incomplete_number' | 'invalid_number' | 'unacceptable_brand'
  | 'invalid_expiry_month' | 'invalid_expiry_year' | 'invalid_expiry_month_past'
  | 'invalid_expiry_year_past' | 'incomplete_expiry' | 'invalid_cvc' | 'incomplete_cvc'
  | 'invalid_card_name' | 'invalid_email' | 'invalid_phone';
export interface ValidationError { code: ValidationErrorCode; message: string; }
export interface FieldValidation {
  value: string;
  isValid: boolean;
  /** True while more typing could still make the input valid. */
  isPotentiallyValid: boolean;
  /** Null whenever the input is unfinished but potentially valid. */
  error: ValidationError | null;
}
export interface CardNumberValidation extends FieldValidation {
  /** ASCII digits only. */
  value: string;
  /** Grouped for display, e.g. "4242 4242 4242 4242". */
  formatted: string;
  brand: CardBrand;
}
export interface ExpiryValidation {
  month: number | null;
  /** Four digits. */
  year: number | null;
  isValid: boolean;
  isPotentiallyValid: boolean;
  error: ValidationError | null;
}
export interface YearMonth { year: number; month: number; }
export interface FormattedInput { value: string; caret: number; }

export function validateCardNumber(input: string, lang?: Lang): CardNumberValidation;
export function validateExpiry(input: string, lang?: Lang, now?: YearMonth): ExpiryValidation;
export function validateCvc(input: string, brand?: CardBrand, lang?: Lang): FieldValidation;
export function validateHolderName(input: string, lang?: Lang): FieldValidation;
export function validateEmail(input: string, lang?: Lang): FieldValidation;
/** `value` is E.164 when valid: "090-1234-5678" gives "+819012345678". */
export function validatePhone(input: string, lang?: Lang): FieldValidation;
/** Caret offsets count UTF-16 code units, as `selectionStart` does. */
export function formatCardNumber(input: string, caret?: number): FormattedInput;
export function detectBrand(input: string): CardBrand;

export interface PayjpOptions {
  locale?: Lang;
  /** Default https://api.pay.jp/v1. Must be https (http only for loopback hosts). */
  apiBase?: string;
  /** Per-request timeout in milliseconds (default 15000). */
  timeout?: number;
}
export interface PayjpError {
  type: 'card_error' | 'client_error' | 'auth_error' | 'server_error' | 'invalid_request_error'
    | 'network_error' | 'api_error' | (string & {});
  code: string | null;
  /** The SDK's own message for the buyer, in the chosen locale. */
  message: string;
  status: number | null;
  param: string | null;
  /** PAY.JP's own message, meant for developers. */
  apiMessage: string | null;
}
export interface Availability { card_types_supported: CardBrand[]; livemode: boolean; }
export type ConnectionCheck =
  | { reachable: true; status: number; latencyMs: number }
  | { reachable: false; reason: 'network' | 'blocked' | 'invalid_response' };
export interface PayjpInstance {
  retrieveAvailability(): Promise<Availability | { error: PayjpError }>;
  checkConnection(): Promise<ConnectionCheck>;
}
/** Throws on a secret key, a malformed key or a non-https apiBase. */
export function Payjp(publicKey: string, options?: PayjpOptions): PayjpInstance;
"#;

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
    set(&out, "brand", &JsValue::from_str(check.detection.brand_name()));
    set(&out, "isValid", &JsValue::from_bool(check.is_valid));
    set(&out, "isPotentiallyValid", &JsValue::from_bool(check.is_potentially_valid));
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
    let number_or_null = |n: Option<u16>| n.map_or(JsValue::NULL, |n| JsValue::from_f64(f64::from(n)));
    set(&out, "month", &number_or_null(check.month.map(u16::from)));
    set(&out, "year", &number_or_null(check.year));
    set(&out, "isValid", &JsValue::from_bool(check.is_valid));
    set(&out, "isPotentiallyValid", &JsValue::from_bool(check.is_potentially_valid));
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
    Ok(field_check_object(&core::validate_cvc(&input, network), lang))
}

/// `validateHolderName(input, lang?)`
#[wasm_bindgen(js_name = validateHolderName, skip_typescript)]
pub fn validate_holder_name(input: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let f = ApiFn::ValidateHolderName;
    let input = arg_string(f, "input", &input)?;
    let lang = arg_lang(f, &lang)?;
    Ok(field_check_object(&core::validate_holder_name(&input), lang))
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
    let detection = if normalized.has_invalid { Detection::NoMatch } else { core::detect(&normalized.digits) };
    Ok(JsValue::from_str(detection.brand_name()))
}
