//! The card elements and the security badge in real browsers (built with `--features elements`):
//! rendering, formatting as typed, events, validation before any request, styles and misuse.
#![cfg(all(target_arch = "wasm32", feature = "elements"))]

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use payjp_wasm::js::elements::{Elements, PayjpElement};
use payjp_wasm::js::payjp::{payjp, PayjpInstance};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, HtmlElement, HtmlInputElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "pk_test_0123456789abcdef01234567";

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn instance(locale: &str) -> PayjpInstance {
    // Nothing in these tests reaches the network: validation stops every request first.
    payjp(KEY.into(), options(&[("locale", locale.into()), ("apiBase", "http://127.0.0.1:9/v1".into())])).unwrap()
}

/// A fresh container in the page with a unique id.
fn container(id: &str) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_id(id);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn inputs(root: &HtmlElement) -> Vec<HtmlInputElement> {
    let list = root.query_selector_all("input").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

/// Types `text` as an edit ending with the caret at `caret`, as the browser reports it.
fn type_into(input: &HtmlInputElement, text: &str, input_type: &str) {
    input.focus().unwrap();
    input.set_value(text);
    let end = text.encode_utf16().count() as u32;
    input.set_selection_range(end, end).unwrap();
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_input_type(input_type);
    input.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

fn blur(input: &HtmlInputElement) {
    input.blur().unwrap();
}

/// Records the details of one event type.
fn record(element: &PayjpElement, event: &str) -> Rc<RefCell<Vec<JsValue>>> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let sink = log.clone();
    let f = Closure::<dyn Fn(JsValue)>::new(move |detail: JsValue| sink.borrow_mut().push(detail));
    element.on(event.into(), f.as_ref().clone()).unwrap();
    f.forget();
    log
}

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &k.into()).unwrap()
}

/// Lets queued tasks run (the `ready` event is sent after the current task).
async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

fn create(elements: &Elements, kind: &str, opts: JsValue) -> PayjpElement {
    elements.create(kind.into(), opts).unwrap_or_else(|_| panic!("create {kind}"))
}

#[wasm_bindgen_test]
async fn card_element_renders_accessible_inputs() {
    let p = instance("ja");
    let card = create(&p.elements(), "card", JsValue::UNDEFINED);
    let root = container("card-a11y");
    let ready = record(&card, "ready");
    card.mount("#card-a11y".into()).unwrap();
    tick().await;
    assert_eq!(ready.borrow().len(), 1, "ready fires once after mount");
    let fields = inputs(&root);
    assert_eq!(fields.len(), 3);
    let auto: Vec<String> = fields.iter().map(|i| i.get_attribute("autocomplete").unwrap()).collect();
    assert_eq!(auto, ["cc-number", "cc-exp", "cc-csc"]);
    for input in &fields {
        assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
        assert!(!input.get_attribute("aria-label").unwrap().is_empty());
        let described = input.get_attribute("aria-describedby").unwrap();
        let region = document().get_element_by_id(&described).expect("the error region exists");
        assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    }
    assert_eq!(fields[0].get_attribute("aria-label").as_deref(), Some("カード番号"));
    let en = create(&instance("en").elements(), "cardNumber", JsValue::UNDEFINED);
    let root_en = container("card-en");
    en.mount(root_en.clone().into()).unwrap();
    assert_eq!(inputs(&root_en)[0].get_attribute("aria-label").as_deref(), Some("Card number"));
}

#[wasm_bindgen_test]
async fn formats_full_width_digits_and_moves_on_when_complete() {
    let card = create(&instance("ja").elements(), "card", JsValue::UNDEFINED);
    let root = container("card-format");
    card.mount(root.clone().into()).unwrap();
    let changes = record(&card, "change");
    let f = inputs(&root);
    type_into(&f[0], "４２４２４２４２４２４２４２４２", "insertText");
    assert_eq!(f[0].value(), "4242 4242 4242 4242");
    let active = document().active_element().unwrap();
    assert!(active == **f[1], "focus moved on to the expiry");
    type_into(&f[1], "1230", "insertText");
    assert_eq!(f[1].value(), "12 / 30");
    type_into(&f[2], "１２３", "insertText");
    assert_eq!(f[2].value(), "123");
    let last = changes.borrow().last().cloned().unwrap();
    assert_eq!(get(&last, "elementType").as_string().as_deref(), Some("card"));
    assert_eq!(get(&last, "complete").as_bool(), Some(true));
    assert_eq!(get(&last, "empty").as_bool(), Some(false));
    assert_eq!(get(&last, "brand").as_string().as_deref(), Some("Visa"));
    assert!(get(&last, "error").is_null());
    // Backspace in the empty CVC goes back to the expiry.
    card.clear();
    assert!(inputs(&root).iter().all(|i| i.value().is_empty()));
}

#[wasm_bindgen_test]
async fn errors_wait_for_blur_and_are_localized() {
    let el = create(&instance("en").elements(), "cardNumber", JsValue::UNDEFINED);
    let root = container("num-errors");
    el.mount(root.clone().into()).unwrap();
    let changes = record(&el, "change");
    let input = &inputs(&root)[0];
    type_into(input, "4242 42", "insertText");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("false"), "no error on the first keystrokes");
    blur(input);
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let last = changes.borrow().last().cloned().unwrap();
    let error = get(&last, "error");
    assert_eq!(get(&error, "type").as_string().as_deref(), Some("validation_error"));
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("incomplete_number"));
    assert_eq!(get(&error, "message").as_string().as_deref(), Some("Your card number is incomplete."));
    // A complete but wrong number shows at once, without a blur.
    type_into(input, "4242424242424241", "insertText");
    let error = get(&changes.borrow().last().cloned().unwrap(), "error");
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("invalid_number"));
    let region = document().get_element_by_id(&input.get_attribute("aria-describedby").unwrap()).unwrap();
    assert_eq!(region.text_content().as_deref(), Some("Your card number is invalid."));
}

#[wasm_bindgen_test]
async fn backspace_across_a_separator_deletes_the_digit() {
    let el = create(&instance("ja").elements(), "cardNumber", JsValue::UNDEFINED);
    let root = container("num-backspace");
    el.mount(root.clone().into()).unwrap();
    let input = &inputs(&root)[0];
    type_into(input, "42424242", "insertText");
    assert_eq!(input.value(), "4242 4242");
    // The browser removed the space before the caret: "4242|4242".
    input.set_value("42424242");
    input.set_selection_range(4, 4).unwrap();
    let init = InputEventInit::new();
    init.set_input_type("deleteContentBackward");
    input.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    assert_eq!(input.value(), "4244 242");
    assert_eq!(input.selection_start().unwrap(), Some(3));
}

#[wasm_bindgen_test]
async fn create_token_validates_first_and_sends_nothing() {
    let p = instance("ja");
    let elements = p.elements();
    let number = create(&elements, "cardNumber", JsValue::UNDEFINED);
    let expiry = create(&elements, "cardExpiry", JsValue::UNDEFINED);
    let cvc = create(&elements, "cardCvc", JsValue::UNDEFINED);
    let roots: Vec<HtmlElement> = ["split-n", "split-e", "split-c"].iter().map(|id| container(id)).collect();
    number.mount(roots[0].clone().into()).unwrap();
    expiry.mount(roots[1].clone().into()).unwrap();
    cvc.mount(roots[2].clone().into()).unwrap();
    type_into(&inputs(&roots[0])[0], "378282246310005", "insertText");
    type_into(&inputs(&roots[1])[0], "1230", "insertText");
    type_into(&inputs(&roots[2])[0], "123", "insertText");
    // American Express needs 4 digits: the split CVC learned the brand from its sibling.
    let handle: JsValue = JsValue::from(cvc);
    let result = JsFuture::from(p.create_token_js(handle.clone(), JsValue::UNDEFINED)).await.unwrap();
    let error = get(&result, "error");
    assert_eq!(get(&error, "type").as_string().as_deref(), Some("validation_error"));
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("incomplete_cvc"));
    let active = document().active_element().unwrap();
    assert!(active == **inputs(&roots[2])[0], "the invalid field gets focus");
    // A kanji name is refused before any request, with the romaji explanation.
    type_into(&inputs(&roots[2])[0], "1234", "insertText");
    let card = options(&[("name", "山田太郎".into())]);
    let result = JsFuture::from(p.create_token_js(handle, options(&[("card", card)]))).await.unwrap();
    let error = get(&result, "error");
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("invalid_card_name"));
    assert!(get(&error, "message").as_string().unwrap().contains("ローマ字"));
}

#[wasm_bindgen_test]
async fn misuse_throws_or_rejects_with_clear_messages() {
    let p = instance("ja");
    let elements = p.elements();
    let message = |e: JsValue| e.dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
    let err = elements.create("cardnumber".into(), JsValue::UNDEFINED).err().unwrap();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert!(message(err).contains("'card', 'cardNumber', 'cardExpiry' or 'cardCvc'"));
    let card = create(&elements, "card", JsValue::UNDEFINED);
    assert!(message(elements.create("cardNumber".into(), JsValue::UNDEFINED).err().unwrap()).contains("already has"));
    assert!(message(card.mount("#does-not-exist".into()).unwrap_err()).contains("no element matches"));
    assert!(card.mount("##".into()).unwrap_err().is_instance_of::<js_sys::TypeError>());
    let root = container("misuse");
    card.mount(root.clone().into()).unwrap();
    assert!(message(card.mount(root.clone().into()).unwrap_err()).contains("already mounted"));
    assert!(message(card.on("click".into(), Function::new_no_args("").into()).unwrap_err()).contains("'change', 'ready', 'focus' or 'blur'"));
    // Styles: an unknown property names the allowed ones.
    let bad = options(&[("style", options(&[("base", options(&[("background", "red".into())]))]))]);
    assert!(message(p.elements().create("cardNumber".into(), bad).err().unwrap()).contains("'background' is not allowed; expected one of color"));
    // createToken rejects misuse: not an element, another instance's element, not mounted.
    let rejected = |promise: js_sys::Promise| async move { JsFuture::from(promise).await.err().map(message).unwrap_or_default() };
    assert!(rejected(p.create_token_js(JsValue::from(1), JsValue::UNDEFINED)).await.contains("expected an element"));
    let stranger = instance("ja");
    let theirs = create(&stranger.elements(), "card", JsValue::UNDEFINED);
    assert!(rejected(p.create_token_js(theirs.into(), JsValue::UNDEFINED)).await.contains("another Payjp instance"));
    card.unmount();
    assert!(rejected(p.create_token_js(card.into(), JsValue::UNDEFINED)).await.contains("not mounted"));
}

#[wasm_bindgen_test]
fn styles_are_applied_through_an_adopted_stylesheet() {
    let p = instance("ja");
    let style = options(&[
        ("base", options(&[("color", "rgb(1, 2, 3)".into()), ("fontSize", "17px".into()), ("::placeholder", options(&[("color", "#999".into())]))])),
        ("invalid", options(&[("color", "rgb(200, 0, 0)".into())])),
    ]);
    let el = create(&p.elements(), "cardNumber", options(&[("style", style)]));
    let root = container("styled");
    el.mount(root.clone().into()).unwrap();
    let input = &inputs(&root)[0];
    let computed = web_sys::window().unwrap().get_computed_style(input).unwrap().unwrap();
    assert_eq!(computed.get_property_value("color").unwrap(), "rgb(1, 2, 3)");
    assert_eq!(computed.get_property_value("font-size").unwrap(), "17px");
    assert!(input.get_attribute("style").is_none(), "no style attribute is written");
    let bad = options(&[("style", options(&[("base", options(&[("color", "red;}body{display:none".into())]))]))]);
    assert!(p.elements().create("cardNumber".into(), bad).err().unwrap().is_instance_of::<js_sys::TypeError>());
    let unknown = options(&[("style", options(&[("base", options(&[("background", "red".into())]))]))]);
    assert!(p.elements().create("cardNumber".into(), unknown).err().unwrap().is_instance_of::<js_sys::TypeError>());
    let sheets = Array::from(&document().adopted_style_sheets());
    assert!(sheets.length() >= 2, "base and element sheets are adopted");
    el.destroy();
    assert!(inputs(&root).is_empty(), "destroy removes the inputs");
}

#[wasm_bindgen_test]
fn the_badge_is_honest() {
    let p = instance("ja");
    let badge = p.security_badge(JsValue::UNDEFINED).unwrap();
    let root = container("badge");
    badge.mount(root.clone().into()).unwrap();
    let text = root.text_content().unwrap();
    assert!(text.contains("PAY.JP"), "{text}");
    assert!(text.contains("テストモード"), "a test key says so: {text}");
    let button: HtmlElement = root.query_selector("button").unwrap().unwrap().unchecked_into();
    let details: HtmlElement = root.query_selector(".payjp-badge-details").unwrap().unwrap().unchecked_into();
    assert!(details.hidden());
    button.click();
    assert!(!details.hidden(), "the explanation opens in place");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    let en = instance("en").security_badge(options(&[("theme", "dark".into()), ("size", "large".into())])).unwrap();
    let root_en = container("badge-en");
    en.mount(root_en.clone().into()).unwrap();
    assert!(root_en.text_content().unwrap().contains("TEST MODE"));
    assert!(p.security_badge(options(&[("theme", "blue".into())])).err().unwrap().is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
async fn mounted_elements_outlive_their_wrappers() {
    let p = instance("en");
    let elements = p.elements();
    let number = create(&elements, "cardNumber", JsValue::UNDEFINED);
    let roots: Vec<HtmlElement> = ["keep-n", "keep-e", "keep-c"].iter().map(|id| container(id)).collect();
    number.mount(roots[0].clone().into()).unwrap();
    // Pages mount split fields without keeping the objects: drop (free) the wrappers.
    create(&elements, "cardExpiry", JsValue::UNDEFINED).mount(roots[1].clone().into()).unwrap();
    create(&elements, "cardCvc", JsValue::UNDEFINED).mount(roots[2].clone().into()).unwrap();
    type_into(&inputs(&roots[0])[0], "4242", "insertText");
    let result = JsFuture::from(p.create_token_js(number.into(), JsValue::UNDEFINED)).await.expect("siblings are still there");
    let code = get(&get(&result, "error"), "code").as_string();
    assert_eq!(code.as_deref(), Some("incomplete_number"), "validation ran over all three fields");
    assert_eq!(inputs(&roots[2])[0].get_attribute("aria-invalid").as_deref(), Some("true"), "the freed CVC element was validated");
}

#[wasm_bindgen_test]
fn hide_icon_hides_the_brand_icon() {
    let el = create(&instance("ja").elements(), "cardNumber", options(&[("hideIcon", true.into())]));
    let root = container("no-icon");
    el.mount(root.clone().into()).unwrap();
    let icon = root.query_selector(".payjp-icon").unwrap().expect("the icon exists");
    let display = web_sys::window().unwrap().get_computed_style(&icon).unwrap().unwrap().get_property_value("display").unwrap();
    assert_eq!(display, "none");
    el.update(options(&[("hideIcon", false.into())])).unwrap();
    let display = web_sys::window().unwrap().get_computed_style(&icon).unwrap().unwrap().get_property_value("display").unwrap();
    assert_ne!(display, "none");
}

#[wasm_bindgen_test]
fn the_badge_warns_instead_of_claiming_on_an_insecure_page() {
    use payjp_wasm::core::Lang;
    use payjp_wasm::dom::badge::{BadgeOptions, SecurityBadge, Size, Theme};
    // Loopback pages are secure contexts, so the insecure rendering is exercised directly.
    let options = BadgeOptions { theme: Theme::Light, size: Size::Small, lang: Lang::En, test_mode: false, secure_context: false };
    let badge = SecurityBadge::new(&document(), &options);
    let text = badge.root.text_content().unwrap();
    assert!(text.contains("not secure"), "{text}");
    assert!(!text.contains("directly to PAY.JP"), "no claim on an insecure page: {text}");
    assert!(!text.contains("TEST MODE"), "a live key shows no test label");
    assert!(badge.root.class_list().contains("payjp-insecure"));
}
