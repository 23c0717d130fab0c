//! `payjp.elements()`, `elements.create(type, options)` and the element handles merchants mount,
//! listen to and pass to `createToken`. Misuse throws a `TypeError` or `Error` naming what was
//! expected.

#[allow(unused_imports)]
use crate::prelude::*;

use core::cell::{Cell, RefCell};
use alloc::rc::{Rc, Weak};

use crate::dom::listener::EventListener;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::core::{FieldKind, Lang, Problem};
use crate::dom::style::{allowed_property_names, css_property, safe_value, StyleRule, Variant, PSEUDOS};
use crate::dom::view::{CardValues, ElementKind, ElementView, SharedBrand, Summary, ViewEvent, ViewOptions};

use super::convert::set;
use crate::api::{CardData, TokenRequest};
use crate::core::{validate_email, validate_holder_name, validate_phone, FieldCheck};
use crate::dom::badge::{BadgeOptions, SecurityBadge, Size, Theme};

use super::payjp::{error, option, type_error, PayjpInstance};

fn concat(parts: &[&str]) -> String {
    parts.concat()
}

pub(crate) fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| error("payjp-wasm: card elements need a browser document (window.document is missing)."))
}

/// The events an element emits.
const EVENTS: [&str; 4] = ["change", "ready", "focus", "blur"];

/// One `elements()` group: split elements created from it gather their siblings for a token.
///
/// The group holds its elements strongly until `destroy()`: pages rarely keep the object
/// `create()` returned once it is mounted, and a garbage-collected wrapper must not take the
/// element with it.
pub(crate) struct Group {
    pub instance_id: u32,
    pub lang: Lang,
    pub shared: Rc<SharedBrand>,
    pub members: RefCell<Vec<Rc<ElementInner>>>,
}

impl Group {
    fn live_members(&self) -> Vec<Rc<ElementInner>> {
        self.members.borrow().clone()
    }
}

pub(crate) struct ElementInner {
    pub id: u32,
    pub kind: ElementKind,
    pub group: Rc<Group>,
    pub view: Rc<ElementView>,
    pub container: RefCell<Option<Element>>,
    handlers: RefCell<Vec<(&'static str, Function)>>,
    destroyed: Cell<bool>,
    label_listeners: RefCell<Vec<EventListener>>,
}

impl ElementInner {
    pub fn mounted(&self) -> bool {
        self.container.borrow().is_some()
    }

    fn dispatch(&self, event: &'static str, detail: &JsValue) {
        let handlers: Vec<Function> = self.handlers.borrow().iter().filter(|(e, _)| *e == event).map(|(_, f)| f.clone()).collect();
        for handler in handlers {
            // A merchant handler that throws must not break the element.
            let _ = handler.call1(&JsValue::NULL, detail);
        }
    }

    fn detail(&self) -> Object {
        let o = Object::new();
        set(&o, "elementType", &JsValue::from_str(self.kind.as_str()));
        o
    }

    fn change_detail(&self, summary: &Summary) -> JsValue {
        let o = self.detail();
        set(&o, "complete", &JsValue::from_bool(summary.complete));
        set(&o, "empty", &JsValue::from_bool(summary.empty));
        set(&o, "brand", &JsValue::from_str(summary.brand));
        set(&o, "error", &validation_error(summary.error, self.view.lang).unwrap_or(JsValue::NULL));
        o.into()
    }

    fn on_view_event(&self, event: ViewEvent) {
        match event {
            ViewEvent::Change(summary) => {
                self.dispatch("change", &self.change_detail(&summary));
                // A split CVC re-checks its length when the number's brand changes.
                if self.view.has_field(FieldKind::Number) {
                    for sibling in self.group.live_members() {
                        if sibling.id != self.id && sibling.view.has_field(FieldKind::Cvc) {
                            sibling.view.refresh();
                        }
                    }
                }
            }
            ViewEvent::Focus => self.dispatch("focus", &self.detail().into()),
            ViewEvent::Blur => self.dispatch("blur", &self.detail().into()),
        }
    }
}

/// `{ type: 'validation_error', code, message }`.
pub(crate) fn validation_error(problem: Option<Problem>, lang: Lang) -> Option<JsValue> {
    problem.map(|p| {
        let o = Object::new();
        set(&o, "type", &JsValue::from_str("validation_error"));
        set(&o, "code", &JsValue::from_str(p.code().as_str()));
        set(&o, "message", &JsValue::from_str(p.message(lang)));
        o.into()
    })
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_object() {
        Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn object_keys(obj: &JsValue) -> Vec<String> {
    obj.dyn_ref::<Object>().map_or_else(Vec::new, |o| Object::keys(o).iter().filter_map(|k| k.as_string()).collect())
}

/// Reads `{ style, placeholder, disabled, hideIcon }`. Unknown style keys and unsafe values are
/// the developer's mistake and throw.
fn parse_options(kind: ElementKind, options: &JsValue) -> Result<ViewOptions, JsValue> {
    let mut out = ViewOptions::default();
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    if !options.is_object() {
        return Err(type_error("create: expected options to be an object such as { style, placeholder, disabled, hideIcon }."));
    }
    let placeholder = get(options, "placeholder");
    if let Some(p) = placeholder.as_string() {
        let i = match kind {
            ElementKind::Card | ElementKind::CardNumber => 0,
            ElementKind::CardExpiry => 1,
            ElementKind::CardCvc => 2,
        };
        out.placeholders[i] = Some(p);
    } else if placeholder.is_object() {
        for (i, key) in ["number", "expiry", "cvc"].into_iter().enumerate() {
            if let Some(p) = get(&placeholder, key).as_string() {
                out.placeholders[i] = Some(p);
            }
        }
    } else if !placeholder.is_undefined() {
        return Err(type_error("create: expected placeholder to be a string (or { number, expiry, cvc } for 'card')."));
    }
    for (key, target) in [("disabled", &mut out.disabled), ("hideIcon", &mut out.hide_icon)] {
        let v = get(options, key);
        if let Some(b) = v.as_bool() {
            *target = b;
        } else if !v.is_undefined() {
            return Err(type_error(&concat(&["create: expected ", key, " to be a boolean."])));
        }
    }
    let style = get(options, "style");
    if !style.is_undefined() {
        out.style = parse_style(&style)?;
    }
    Ok(out)
}

fn parse_style(style: &JsValue) -> Result<Vec<StyleRule>, JsValue> {
    if !style.is_object() {
        return Err(type_error("style: expected an object with base, complete, empty and invalid variants."));
    }
    let mut rules = Vec::new();
    for variant_key in object_keys(style) {
        let variant = Variant::ALL
            .iter()
            .find(|(k, _)| *k == variant_key)
            .map(|(_, v)| *v)
            .ok_or_else(|| type_error(&concat(&["style: unknown variant '", &variant_key, "'; expected base, complete, empty or invalid."])))?;
        let declarations = get(style, &variant_key);
        push_declarations(&mut rules, variant, "", &declarations)?;
    }
    Ok(rules)
}

fn push_declarations(rules: &mut Vec<StyleRule>, variant: Variant, pseudo: &'static str, declarations: &JsValue) -> Result<(), JsValue> {
    for key in object_keys(declarations) {
        let value = get(declarations, &key);
        if let Some(p) = PSEUDOS.iter().find(|p| **p == key) {
            if !pseudo.is_empty() {
                return Err(type_error("style: pseudo keys cannot be nested."));
            }
            push_declarations(rules, variant, p, &value)?;
            continue;
        }
        let Some(property) = allowed_property_names().find(|p| *p == key) else {
            let mut allowed: Vec<&str> = allowed_property_names().collect();
            allowed.extend(PSEUDOS);
            return Err(type_error(&concat(&["style: '", &key, "' is not allowed; expected one of ", &allowed.join(", "), "."])));
        };
        let text = value.as_string().or_else(|| value.as_f64().map(|n| String::from(js_sys::Number::from(n).to_string_with_radix(10).unwrap_or_default())));
        match text {
            Some(v) if safe_value(&v) && css_property(property).is_some() => rules.push(StyleRule { variant, pseudo, property, value: v }),
            _ => return Err(type_error(&concat(&["style: the value of '", &key, "' is not a plain CSS value (no url(), braces, semicolons or escapes)."]))),
        }
    }
    Ok(())
}

/// What `payjp.elements()` returns.
#[wasm_bindgen(js_name = Elements)]
pub struct Elements {
    pub(crate) group: Rc<Group>,
    pub(crate) registry: Rc<RefCell<Vec<Weak<ElementInner>>>>,
}

static NEXT_ELEMENT_ID: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(1);

#[wasm_bindgen(js_class = Elements)]
impl Elements {
    /// `create(type, options?)`: type is 'card', 'cardNumber', 'cardExpiry' or 'cardCvc'.
    #[wasm_bindgen(skip_typescript)]
    pub fn create(&self, kind: JsValue, options: JsValue) -> Result<PayjpElement, JsValue> {
        let name = kind.as_string().unwrap_or_default();
        let kind = ElementKind::parse(&name).ok_or_else(|| {
            type_error(&concat(&["elements.create: unknown element type '", &name, "'; expected 'card', 'cardNumber', 'cardExpiry' or 'cardCvc'."]))
        })?;
        let live = self.group.live_members();
        let clash = live.iter().any(|e| e.kind == kind || e.kind.fields().iter().any(|f| kind.fields().contains(f)));
        if clash {
            return Err(error(&concat(&["elements.create: this elements() group already has a field of type '", kind.as_str(), "'; destroy it first or use another elements() group."])));
        }
        let options = parse_options(kind, &options)?;
        let document = document()?;
        let id = NEXT_ELEMENT_ID.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        let group = self.group.clone();
        let inner = Rc::new_cyclic(|weak: &Weak<ElementInner>| {
            let weak = weak.clone();
            let emit = Rc::new(move |event| {
                if let Some(inner) = weak.upgrade() {
                    inner.on_view_event(event);
                }
            });
            let view = ElementView::new(&document, kind, group.lang, group.shared.clone(), &options, emit);
            ElementInner {
                id,
                kind,
                group,
                view,
                container: RefCell::new(None),
                handlers: RefCell::new(Vec::new()),
                destroyed: Cell::new(false),
                label_listeners: RefCell::new(Vec::new()),
            }
        });
        self.group.members.borrow_mut().push(inner.clone());
        self.registry.borrow_mut().push(Rc::downgrade(&inner));
        Ok(PayjpElement { inner })
    }

    /// `getElement(type)`: the live element of that type in this group, or null.
    #[wasm_bindgen(js_name = getElement, skip_typescript)]
    pub fn get_element(&self, kind: JsValue) -> Option<PayjpElement> {
        let name = kind.as_string()?;
        self.group.live_members().into_iter().find(|e| e.kind.as_str() == name).map(|inner| PayjpElement { inner })
    }
}

/// A card element. Mount it, listen to it, pass it to `payjp.createToken`.
#[wasm_bindgen(js_name = PayjpElement)]
pub struct PayjpElement {
    pub(crate) inner: Rc<ElementInner>,
}

fn name_of(kind: ElementKind) -> &'static str {
    kind.as_str()
}

#[wasm_bindgen(js_class = PayjpElement)]
impl PayjpElement {
    /// An identifier `createToken` uses to find the element; not part of the public API.
    #[wasm_bindgen(getter = _payjpElementId, skip_typescript)]
    pub fn payjp_element_id(&self) -> u32 {
        self.inner.id
    }

    /// `mount(target)`: a CSS selector or an HTMLElement.
    #[wasm_bindgen(skip_typescript)]
    pub fn mount(&self, target: JsValue) -> Result<(), JsValue> {
        let e = &self.inner;
        let what = name_of(e.kind);
        if e.destroyed.get() {
            return Err(error(&concat(&["mount: this ", what, " element was destroyed; create a new one."])));
        }
        if e.mounted() {
            return Err(error(&concat(&["mount: this ", what, " element is already mounted; call unmount() first."])));
        }
        let document = e.view.document.clone();
        let container: Element = if let Some(selector) = target.as_string() {
            match document.query_selector(&selector) {
                Ok(Some(el)) => el,
                Ok(None) => return Err(error(&concat(&["mount: no element matches the selector '", &selector, "'."]))),
                Err(_) => return Err(type_error(&concat(&["mount: '", &selector, "' is not a valid CSS selector."]))),
            }
        } else if let Some(el) = target.dyn_ref::<Element>() {
            el.clone()
        } else {
            return Err(type_error("mount: expected a CSS selector string or an HTMLElement."));
        };
        let _ = container.append_child(&e.view.root);
        let _ = container.append_child(&e.view.error_region);
        // Clicking a <label for="…"> that names the container focuses the field.
        let id = container.id();
        if !id.is_empty() {
            let mut selector = String::from("label[for=\"");
            selector.push_str(&id.replace('"', ""));
            selector.push_str("\"]");
            if let Ok(labels) = document.query_selector_all(&selector) {
                let mut listeners = e.label_listeners.borrow_mut();
                for i in 0..labels.length() {
                    if let Some(label) = labels.item(i) {
                        let weak = Rc::downgrade(&self.inner);
                        listeners.push(EventListener::new(&label, "click", move |_| {
                            if let Some(inner) = weak.upgrade() {
                                inner.view.focus();
                            }
                        }));
                    }
                }
            }
        }
        *e.container.borrow_mut() = Some(container);
        // `ready` fires after the current task, so handlers attached right after mount() hear it.
        let weak = Rc::downgrade(&self.inner);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
            if let Some(inner) = weak.upgrade() {
                if inner.mounted() {
                    inner.dispatch("ready", &inner.detail().into());
                }
            }
        });
        Ok(())
    }

    /// `unmount()`: removes the element from the page; it can be mounted again.
    pub fn unmount(&self) {
        let e = &self.inner;
        e.view.root.remove();
        e.view.error_region.remove();
        e.label_listeners.borrow_mut().clear();
        *e.container.borrow_mut() = None;
    }

    /// `destroy()`: unmounts, removes listeners and styles, and lets the group forget the
    /// element; it cannot be used again.
    pub fn destroy(&self) {
        self.unmount();
        self.inner.handlers.borrow_mut().clear();
        self.inner.view.teardown();
        self.inner.destroyed.set(true);
        let id = self.inner.id;
        self.inner.group.members.borrow_mut().retain(|e| e.id != id);
    }

    pub fn focus(&self) {
        self.inner.view.focus();
    }

    pub fn blur(&self) {
        self.inner.view.blur();
    }

    pub fn clear(&self) {
        self.inner.view.clear();
    }

    /// `update(options)`: placeholder, disabled, hideIcon, style.
    #[wasm_bindgen(skip_typescript)]
    pub fn update(&self, options: JsValue) -> Result<(), JsValue> {
        let options = parse_options(self.inner.kind, &options)?;
        self.inner.view.apply_options(&options);
        Ok(())
    }

    /// `on(event, handler)`: 'change', 'ready', 'focus' or 'blur'.
    #[wasm_bindgen(skip_typescript)]
    pub fn on(&self, event: JsValue, handler: JsValue) -> Result<(), JsValue> {
        let name = event.as_string().unwrap_or_default();
        let event = EVENTS
            .iter()
            .find(|e| **e == name)
            .ok_or_else(|| type_error(&concat(&["on: unknown event '", &name, "'; expected 'change', 'ready', 'focus' or 'blur'."])))?;
        let handler: Function = handler.dyn_into().map_err(|_| type_error("on: expected the handler to be a function."))?;
        self.inner.handlers.borrow_mut().push((event, handler));
        Ok(())
    }

    /// `off(event, handler?)`: removes one handler, or every handler of the event.
    #[wasm_bindgen(skip_typescript)]
    pub fn off(&self, event: JsValue, handler: JsValue) {
        let name = event.as_string().unwrap_or_default();
        self.inner.handlers.borrow_mut().retain(|(e, f)| !(*e == name && (handler.is_undefined() || JsValue::from(f.clone()) == handler)));
    }
}

/// The views whose fields make up a card for `element`: its own for 'card', else the mounted
/// split siblings of its group. `Err` names what is missing.
pub(crate) fn card_views(element: &Rc<ElementInner>) -> Result<Vec<Rc<ElementView>>, JsValue> {
    if element.kind == ElementKind::Card {
        return Ok(vec![element.view.clone()]);
    }
    let members = element.group.live_members();
    let mut views = Vec::new();
    for (field, kind) in [(FieldKind::Number, ElementKind::CardNumber), (FieldKind::Expiry, ElementKind::CardExpiry), (FieldKind::Cvc, ElementKind::CardCvc)] {
        match members.iter().find(|m| m.view.has_field(field) && m.mounted()) {
            Some(m) => views.push(m.view.clone()),
            None => {
                return Err(error(&concat(&[
                    "createToken: a '", kind.as_str(),
                    "' element must be created from the same elements() group and mounted; split elements need cardNumber, cardExpiry and cardCvc.",
                ])))
            }
        }
    }
    Ok(views)
}

pub(crate) fn read_values(views: &[Rc<ElementView>]) -> CardValues {
    let mut values = CardValues { number: None, expiry: None, cvc: None };
    for view in views {
        view.values_into(&mut values);
    }
    values
}

// --- the element-related methods of `Payjp()` ---------------------------------------------------

/// A rejected promise: `createToken` rejects only on misuse.
fn reject(error: JsValue) -> Promise {
    Promise::reject(&error)
}

/// Reads `options.card[key]`: absent, or a string.
fn card_option(card: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    let v = if card.is_object() { js_sys::Reflect::get(card, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED) } else { JsValue::UNDEFINED };
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let mut message = String::from("createToken: expected options.card.");
    message.push_str(key);
    message.push_str(" to be a string.");
    v.as_string().map(Some).ok_or_else(|| type_error(&message))
}

/// A holder detail through its core validator: `Ok(None)` when absent or blank.
fn checked(value: Option<String>, validate: fn(&str) -> FieldCheck) -> Result<Option<String>, Problem> {
    match value {
        None => Ok(None),
        Some(v) if v.trim().is_empty() => Ok(None),
        Some(v) => {
            let check = validate(&v);
            if check.is_valid {
                Ok(Some(check.value))
            } else {
                Err(check.problem.unwrap_or(Problem::InvalidEmail))
            }
        }
    }
}

fn two_digits(n: u8) -> String {
    let mut s = String::with_capacity(2);
    s.push((b'0' + n / 10) as char);
    s.push((b'0' + n % 10) as char);
    s
}

#[wasm_bindgen(js_class = PayjpInstance)]
impl PayjpInstance {
    /// `elements()`: a group of card elements.
    #[wasm_bindgen(skip_typescript)]
    pub fn elements(&self) -> Elements {
        Elements {
            group: Rc::new(Group { instance_id: self.inner.id, lang: self.inner.lang, shared: Rc::new(SharedBrand::default()), members: RefCell::default() }),
            registry: self.inner.elements.clone(),
        }
    }

    /// `createToken(element, { card: { name, email, phone }, three_d_secure })`: validates every
    /// field first (an invalid one gets focus and its error, and nothing is sent), then creates
    /// the token. Resolves with the token or `{ error }`; rejects only on misuse.
    #[wasm_bindgen(js_name = createToken, skip_typescript)]
    pub fn create_token_js(&self, element: JsValue, options: JsValue) -> Promise {
        let id = if element.is_object() {
            js_sys::Reflect::get(&element, &JsValue::from_str("_payjpElementId")).ok().and_then(|v| v.as_f64())
        } else {
            None
        };
        let Some(id) = id else {
            return reject(type_error("createToken: expected an element created by payjp.elements().create()."));
        };
        let found = self.inner.elements.borrow().iter().filter_map(Weak::upgrade).find(|e| f64::from(e.id) == id);
        let Some(element) = found else {
            return reject(error("createToken: this element was created by another Payjp instance; pass an element from this instance's elements()."));
        };
        if element.group.instance_id != self.inner.id {
            return reject(error("createToken: this element belongs to another Payjp instance."));
        }
        if !element.mounted() {
            return reject(error("createToken: the element is not mounted; call mount() first."));
        }
        if !(options.is_undefined() || options.is_null() || options.is_object()) {
            return reject(type_error("createToken: expected options to be an object such as { card: { name, email, phone } }."));
        }
        let views = match card_views(&element) {
            Ok(views) => views,
            Err(e) => return reject(e),
        };
        let card = if options.is_object() { js_sys::Reflect::get(&options, &JsValue::from_str("card")).unwrap_or(JsValue::UNDEFINED) } else { JsValue::UNDEFINED };
        let (name, email, phone) = match (card_option(&card, "name"), card_option(&card, "email"), card_option(&card, "phone")) {
            (Ok(n), Ok(e), Ok(p)) => (n, e, p),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return reject(e),
        };
        let three_d_secure = if options.is_object() {
            js_sys::Reflect::get(&options, &JsValue::from_str("three_d_secure")).ok().and_then(|v| v.as_bool()).unwrap_or(false)
        } else {
            false
        };

        let lang = self.inner.lang;
        let resolved = |problem: Problem| {
            let o = Object::new();
            set(&o, "error", &validation_error(Some(problem), lang).unwrap_or(JsValue::NULL));
            let value: JsValue = o.into();
            Promise::resolve(&value)
        };
        // Validate every field; the first invalid one keeps the focus.
        let mut first_problem = None;
        for view in &views {
            if let Some(p) = view.validate_for_submit() {
                first_problem.get_or_insert(p);
            }
        }
        if let Some(p) = first_problem {
            if let Some(v) = views.iter().find(|v| v.summary().error.is_some()) {
                v.focus();
            }
            return resolved(p);
        }
        let holder = (checked(name, validate_holder_name), checked(email, validate_email), checked(phone, validate_phone));
        let (name, email, phone) = match holder {
            (Ok(n), Ok(e), Ok(p)) => (n, e, p),
            (Err(p), _, _) | (_, Err(p), _) | (_, _, Err(p)) => return resolved(p),
        };
        let values = read_values(&views);
        let mut data = CardData::default();
        data.number = values.number.unwrap_or_default();
        if let Some((month, year)) = values.expiry {
            data.exp_month = two_digits(month);
            let mut y = String::new();
            crate::dom::push_u32(&mut y, u32::from(year));
            data.exp_year = y;
        }
        data.cvc = values.cvc.unwrap_or_default();
        data.name = name.unwrap_or_default();
        data.email = email.unwrap_or_default();
        data.phone = phone.unwrap_or_default();
        self.create_token(TokenRequest { card: data, three_d_secure, ..TokenRequest::default() })
    }

    /// `securityBadge({ theme, size, locale })`: a mountable badge.
    #[wasm_bindgen(js_name = securityBadge, skip_typescript)]
    pub fn security_badge(&self, options: JsValue) -> Result<SecurityBadgeElement, JsValue> {
        let pick = |key: &str, allowed: &[&str]| -> Result<Option<String>, JsValue> {
            let v = option(&options, key);
            if v.is_undefined() {
                return Ok(None);
            }
            match v.as_string() {
                Some(s) if allowed.contains(&s.as_str()) => Ok(Some(s)),
                _ => {
                    let mut m = String::from("securityBadge: expected ");
                    m.push_str(key);
                    m.push_str(" to be '");
                    m.push_str(&allowed.join("' or '"));
                    m.push_str("'.");
                    Err(type_error(&m))
                }
            }
        };
        if !(options.is_undefined() || options.is_null() || options.is_object()) {
            return Err(type_error("securityBadge: expected options to be an object such as { theme, size, locale }."));
        }
        let theme = if pick("theme", &["light", "dark"])?.as_deref() == Some("dark") { Theme::Dark } else { Theme::Light };
        let size = if pick("size", &["small", "large"])?.as_deref() == Some("large") { Size::Large } else { Size::Small };
        let lang = match pick("locale", &["ja", "en"])?.as_deref() {
            Some("en") => Lang::En,
            Some(_) => Lang::Ja,
            None => self.inner.lang,
        };
        let document = document()?;
        let secure_context = web_sys::window().is_some_and(|w| w.is_secure_context());
        let badge = SecurityBadge::new(&document, &BadgeOptions { theme, size, lang, test_mode: !self.is_live(), secure_context });
        Ok(SecurityBadgeElement { badge, document })
    }
}

/// What `securityBadge()` returns.
#[wasm_bindgen(js_name = SecurityBadge)]
pub struct SecurityBadgeElement {
    badge: Rc<SecurityBadge>,
    document: web_sys::Document,
}

#[wasm_bindgen(js_class = SecurityBadge)]
impl SecurityBadgeElement {
    /// `mount(target)`: a CSS selector or an HTMLElement.
    #[wasm_bindgen(skip_typescript)]
    pub fn mount(&self, target: JsValue) -> Result<(), JsValue> {
        let container: web_sys::Element = if let Some(selector) = target.as_string() {
            match self.document.query_selector(&selector) {
                Ok(Some(el)) => el,
                Ok(None) => return Err(error("securityBadge.mount: no element matches the selector.")),
                Err(_) => return Err(type_error("securityBadge.mount: not a valid CSS selector.")),
            }
        } else {
            target.dyn_into().map_err(|_| type_error("securityBadge.mount: expected a CSS selector string or an HTMLElement."))?
        };
        container.append_child(&self.badge.root).map(|_| ())
    }

    pub fn unmount(&self) {
        self.badge.root.remove();
    }

    pub fn destroy(&self) {
        self.unmount();
    }
}
