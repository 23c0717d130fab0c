//! The JavaScript API in real browsers (Chromium and Firefox), through wasm-bindgen-test.
//!
//! These call the exported functions with JS values and read the returned objects back the way
//! a JavaScript caller would, including the `TypeError`s for non-string arguments.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use payjp_wasm::js;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("property readable")
}

fn text(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn flag(obj: &JsValue, key: &str) -> bool {
    get(obj, key).as_bool().unwrap_or_else(|| panic!("{key} is not a boolean"))
}

fn code(obj: &JsValue) -> Option<String> {
    let err = get(obj, "error");
    if err.is_null() {
        None
    } else {
        Some(text(&err, "code"))
    }
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

const U: JsValue = JsValue::UNDEFINED;

fn now(year: u32, month: u32) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &s("year"), &JsValue::from(year)).unwrap();
    Reflect::set(&o, &s("month"), &JsValue::from(month)).unwrap();
    o.into()
}

fn assert_type_error(result: Result<JsValue, JsValue>, must_mention: &[&str]) {
    let err = result.expect_err("a non-string argument must throw");
    let err: js_sys::Error = err.dyn_into().expect("an Error object");
    assert!(err.is_instance_of::<js_sys::TypeError>(), "expected a TypeError");
    let message: String = err.message().into();
    for word in must_mention {
        assert!(message.contains(word), "{message:?} should mention {word:?}");
    }
}

#[wasm_bindgen_test]
fn validate_card_number_shape_and_brands() {
    let cases = [
        ("4242 4242 4242 4242", "Visa", "4242 4242 4242 4242"),
        ("５５５５５５５５５５５５４４４４", "MasterCard", "5555 5555 5555 4444"),
        ("3530-1113-3330-0000", "JCB", "3530 1113 3330 0000"),
        ("378282246310005", "American Express", "3782 822463 10005"),
        ("38520000023237", "Diners Club", "3852 000002 3237"),
        ("6011ー1111ー1111ー1117", "Discover", "6011 1111 1111 1117"),
    ];
    for (input, brand, formatted) in cases {
        let r = js::validate_card_number(s(input), U).unwrap();
        assert_eq!(text(&r, "brand"), brand, "{input}");
        assert_eq!(text(&r, "formatted"), formatted, "{input}");
        assert!(text(&r, "value").bytes().all(|b| b.is_ascii_digit()));
        assert!(flag(&r, "isValid"), "{input}");
        assert!(flag(&r, "isPotentiallyValid"), "{input}");
        assert!(get(&r, "error").is_null());
    }
}

#[wasm_bindgen_test]
fn card_number_errors_are_localized() {
    let ja = js::validate_card_number(s("4242424242424241"), U).unwrap();
    let en = js::validate_card_number(s("4242424242424241"), s("en")).unwrap();
    assert_eq!(code(&ja).as_deref(), Some("invalid_number"));
    assert_eq!(code(&en).as_deref(), Some("invalid_number"));
    let (ja_msg, en_msg) = (text(&get(&ja, "error"), "message"), text(&get(&en, "error"), "message"));
    assert!(ja_msg.contains("カード番号"), "{ja_msg}");
    assert!(en_msg.contains("card number"), "{en_msg}");
    // The message never echoes the input.
    assert!(!ja_msg.contains("4242") && !en_msg.contains("4242"));

    let partial = js::validate_card_number(s("4242 42"), U).unwrap();
    assert!(!flag(&partial, "isValid") && flag(&partial, "isPotentiallyValid"));
    assert!(get(&partial, "error").is_null());

    let unionpay = js::validate_card_number(s("6221260000000000"), s("en")).unwrap();
    assert_eq!(code(&unionpay).as_deref(), Some("unacceptable_brand"));
    assert_eq!(text(&unionpay, "brand"), "unknown");
}

#[wasm_bindgen_test]
fn validate_expiry_with_and_without_now() {
    let r = js::validate_expiry(s("１２／３０"), U, now(2026, 11)).unwrap();
    assert_eq!(get(&r, "month").as_f64(), Some(12.0));
    assert_eq!(get(&r, "year").as_f64(), Some(2030.0));
    assert!(flag(&r, "isValid"));

    let r = js::validate_expiry(s("10/26"), s("en"), now(2026, 11)).unwrap();
    assert_eq!(code(&r).as_deref(), Some("invalid_expiry_month_past"));
    let r = js::validate_expiry(s("11/26"), s("en"), now(2026, 11)).unwrap();
    assert!(flag(&r, "isValid"));

    let r = js::validate_expiry(s("1"), U, now(2026, 11)).unwrap();
    assert!(get(&r, "month").is_null() && get(&r, "year").is_null());

    // Without `now` the browser clock is used: 12/2099 is always too far, 01/2000 always past.
    let r = js::validate_expiry(s("12/2099"), U, U).unwrap();
    assert_eq!(code(&r).as_deref(), Some("invalid_expiry_year"));
    let r = js::validate_expiry(s("01/2000"), U, U).unwrap();
    assert_eq!(code(&r).as_deref(), Some("invalid_expiry_year_past"));
}

#[wasm_bindgen_test]
fn validate_cvc_follows_the_brand() {
    let amex = js::validate_cvc(s("123"), s("American Express"), U).unwrap();
    assert!(!flag(&amex, "isValid") && flag(&amex, "isPotentiallyValid"));
    let amex = js::validate_cvc(s("1234"), s("American Express"), U).unwrap();
    assert!(flag(&amex, "isValid"));
    let visa = js::validate_cvc(s("1234"), s("Visa"), s("en")).unwrap();
    assert_eq!(code(&visa).as_deref(), Some("invalid_cvc"));
    for brand in [U, JsValue::NULL, s("unknown"), s("NotABrand")] {
        let r = js::validate_cvc(s("1234"), brand, U).unwrap();
        assert!(flag(&r, "isValid"));
    }
    let fw = js::validate_cvc(s("１２３"), s("Visa"), U).unwrap();
    assert_eq!(text(&fw, "value"), "123");
}

#[wasm_bindgen_test]
fn holder_name_email_phone() {
    let r = js::validate_holder_name(s("ＴＡＲＯ　ＹＡＭＡＤＡ"), U).unwrap();
    assert_eq!(text(&r, "value"), "TARO YAMADA");
    assert!(flag(&r, "isValid"));
    let r = js::validate_holder_name(s("山田太郎"), s("en")).unwrap();
    assert_eq!(code(&r).as_deref(), Some("invalid_card_name"));
    assert!(text(&get(&r, "error"), "message").contains("romaji"));

    let r = js::validate_email(s("taro@example.co.jp"), U).unwrap();
    assert!(flag(&r, "isValid"));
    let r = js::validate_email(s("taro@@example"), U).unwrap();
    assert_eq!(code(&r).as_deref(), Some("invalid_email"));

    let r = js::validate_phone(s("０９０－１２３４－５６７８"), U).unwrap();
    assert_eq!(text(&r, "value"), "+819012345678");
    assert!(flag(&r, "isValid"));
    let r = js::validate_phone(s("+14155552671"), U).unwrap();
    assert_eq!(text(&r, "value"), "+14155552671");
    let r = js::validate_phone(s("12-34"), U).unwrap();
    assert_eq!(code(&r).as_deref(), Some("invalid_phone"));
}

#[wasm_bindgen_test]
fn format_card_number_counts_utf16_units() {
    let r = js::format_card_number(s("42424"), JsValue::from(5)).unwrap();
    assert_eq!(text(&r, "value"), "4242 4");
    assert_eq!(get(&r, "caret").as_f64(), Some(6.0));
    // Full-width digits are one UTF-16 unit each; the astral 𝟎 is two.
    let r = js::format_card_number(s("４２４２４"), JsValue::from(5)).unwrap();
    assert_eq!(text(&r, "value"), "4242 4");
    let r = js::format_card_number(s("4\u{1D7CE}4"), JsValue::from(3)).unwrap();
    assert_eq!(get(&r, "caret").as_f64(), Some(3.0));
    // Without a caret: the end. A caret out of range is clamped.
    let r = js::format_card_number(s("4242424242424242"), U).unwrap();
    assert_eq!(get(&r, "caret").as_f64(), Some(19.0));
    let r = js::format_card_number(s("42"), JsValue::from(-5)).unwrap();
    assert_eq!(get(&r, "caret").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn detect_brand_on_partial_numbers() {
    for (input, brand) in [("4", "Visa"), ("35", "JCB"), ("37", "American Express"), ("3", "unknown"), ("62", "unknown"), ("", "unknown"), ("4a", "unknown")] {
        assert_eq!(js::detect_brand(s(input)).unwrap().as_string().unwrap(), brand, "{input:?}");
    }
}

#[wasm_bindgen_test]
fn non_string_arguments_throw_type_errors() {
    assert_type_error(js::validate_card_number(JsValue::from(4242), U), &["validateCardNumber", "input", "string", "number"]);
    assert_type_error(js::validate_card_number(JsValue::NULL, U), &["null"]);
    assert_type_error(js::validate_card_number(U, U), &["undefined"]);
    assert_type_error(js::validate_card_number(s("4242"), JsValue::from(1)), &["lang"]);
    assert_type_error(js::validate_expiry(s("12/30"), U, s("2026-11")), &["validateExpiry", "now"]);
    assert_type_error(js::validate_expiry(s("12/30"), U, now(2026, 13)), &["month"]);
    assert_type_error(js::validate_cvc(s("123"), JsValue::from(3), U), &["validateCvc", "brand"]);
    assert_type_error(js::validate_holder_name(Object::new().into(), U), &["validateHolderName", "object"]);
    assert_type_error(js::validate_email(js_sys::Array::new().into(), U), &["validateEmail", "array"]);
    assert_type_error(js::validate_phone(JsValue::TRUE, U), &["validatePhone", "boolean"]);
    assert_type_error(js::format_card_number(s("4242"), s("4")), &["formatCardNumber", "caret"]);
    assert_type_error(js::detect_brand(JsValue::from(4)), &["detectBrand"]);
}

#[wasm_bindgen_test]
fn validators_are_total_on_hostile_strings() {
    let long = "４".repeat(10_000);
    let inputs = ["", "\u{0}", "\u{FFFD}", "𝟎𝟏𝟐", "\u{202E}4242", &long, "<script>alert(1)</script>"];
    for input in inputs {
        assert!(js::validate_card_number(s(input), U).is_ok());
        assert!(js::validate_expiry(s(input), U, U).is_ok());
        assert!(js::validate_cvc(s(input), U, U).is_ok());
        assert!(js::validate_holder_name(s(input), U).is_ok());
        assert!(js::validate_email(s(input), U).is_ok());
        assert!(js::validate_phone(s(input), U).is_ok());
        assert!(js::format_card_number(s(input), JsValue::from(3)).is_ok());
        assert!(js::detect_brand(s(input)).is_ok());
    }
}
