//! An element view: the fields of one element type (`card`, `cardNumber`, `cardExpiry`,
//! `cardCvc`) in one container, with the brand icon, a live error region, state classes for
//! styling, focus moving between the fields of the combined `card` element, and a summary of
//! its state for `change` events.

#[allow(unused_imports)]
use crate::prelude::*;

use core::cell::{Cell, RefCell};
use alloc::rc::Rc;

use web_sys::{CssStyleSheet, Document, HtmlElement};

use crate::core::{
    validate_card_number, validate_cvc, validate_expiry, visible_error, FieldCheckSummary, FieldKind, Lang, Network,
    Problem, YearMonth,
};

use super::field::{label, Field, FieldSignal, SignalFn};
use super::icon::BrandIcon;
use super::style::{adopt, ensure_base, stylesheet_text, unadopt, StyleRule};
use super::{attr, html, next_id};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementKind {
    Card,
    CardNumber,
    CardExpiry,
    CardCvc,
}

impl ElementKind {
    pub const ALL: [ElementKind; 4] = [ElementKind::Card, ElementKind::CardNumber, ElementKind::CardExpiry, ElementKind::CardCvc];

    pub fn parse(name: &str) -> Option<ElementKind> {
        ElementKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ElementKind::Card => "card",
            ElementKind::CardNumber => "cardNumber",
            ElementKind::CardExpiry => "cardExpiry",
            ElementKind::CardCvc => "cardCvc",
        }
    }

    pub fn fields(self) -> &'static [FieldKind] {
        match self {
            ElementKind::Card => &[FieldKind::Number, FieldKind::Expiry, FieldKind::Cvc],
            ElementKind::CardNumber => &[FieldKind::Number],
            ElementKind::CardExpiry => &[FieldKind::Expiry],
            ElementKind::CardCvc => &[FieldKind::Cvc],
        }
    }
}

/// The card brand shared by the elements of one `elements()` group, so that a split CVC field
/// knows whether it needs 3 or 4 digits.
#[derive(Default)]
pub struct SharedBrand {
    pub network: Cell<Option<Network>>,
}

/// What a `change` event reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub complete: bool,
    pub empty: bool,
    pub brand: &'static str,
    pub error: Option<Problem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewEvent {
    Change(Summary),
    Focus,
    Blur,
}

/// Options a view renders with.
#[derive(Clone, Debug, Default)]
pub struct ViewOptions {
    /// Per field; `None` keeps the default.
    pub placeholders: [Option<String>; 3],
    pub disabled: bool,
    pub hide_icon: bool,
    pub style: Vec<StyleRule>,
}

/// The values a token request needs, read at submit time.
pub struct CardValues {
    pub number: Option<String>,
    pub expiry: Option<(u8, u16)>,
    pub cvc: Option<String>,
}

struct ViewState {
    submitting: bool,
    last: Option<Summary>,
    style_sheet: Option<CssStyleSheet>,
    /// Set while our own code moves focus between fields, so no blur/focus pair is emitted.
    moving_focus: bool,
}

pub struct ElementView {
    pub kind: ElementKind,
    pub lang: Lang,
    pub document: Document,
    pub root: HtmlElement,
    pub error_region: HtmlElement,
    fields: Vec<Rc<Field>>,
    icon: Option<BrandIcon>,
    scope_class: String,
    shared: Rc<SharedBrand>,
    emit: Rc<dyn Fn(ViewEvent)>,
    state: RefCell<ViewState>,
}

fn field_index(kind: FieldKind) -> usize {
    match kind {
        FieldKind::Number => 0,
        FieldKind::Expiry => 1,
        FieldKind::Cvc => 2,
    }
}

fn now() -> YearMonth {
    let d = js_sys::Date::new_0();
    YearMonth { year: d.get_full_year() as u16, month: d.get_month() as u8 + 1 }
}

impl ElementView {
    pub fn new(
        document: &Document,
        kind: ElementKind,
        lang: Lang,
        shared: Rc<SharedBrand>,
        options: &ViewOptions,
        emit: Rc<dyn Fn(ViewEvent)>,
    ) -> Rc<ElementView> {
        ensure_base(document);
        let id = next_id("payjp-");
        let mut scope_class = String::from("payjp-el-");
        scope_class.push_str(id.trim_start_matches("payjp-"));
        let root = html(document, "div", "payjp-element");
        let _ = root.class_list().add_2(&scope_class, "payjp-empty");
        let mut type_class = String::from("payjp-type-");
        type_class.push_str(kind.as_str());
        let _ = root.class_list().add_1(&type_class);
        let mut error_id = id.clone();
        error_id.push_str("-error");
        let error_region = html(document, "span", "payjp-error");
        attr(&error_region, "id", &error_id);
        attr(&error_region, "role", "alert");
        attr(&error_region, "aria-live", "polite");

        let view = Rc::new_cyclic(|weak: &alloc::rc::Weak<ElementView>| {
            let weak = weak.clone();
            let signal: SignalFn = Rc::new(move |field, signal| {
                if let Some(view) = weak.upgrade() {
                    view.on_signal(field, signal);
                }
            });
            let fields: Vec<Rc<Field>> =
                kind.fields().iter().map(|&f| Field::new(document, f, lang, &error_id, signal.clone())).collect();
            let icon = kind.fields().contains(&FieldKind::Number).then(|| BrandIcon::new(document));
            ElementView {
                kind,
                lang,
                document: document.clone(),
                root: root.clone(),
                error_region: error_region.clone(),
                fields,
                icon,
                scope_class,
                shared,
                emit,
                state: RefCell::new(ViewState { submitting: false, last: None, style_sheet: None, moving_focus: false }),
            }
        });
        if let Some(icon) = &view.icon {
            let _ = root.append_child(&icon.root);
        }
        for field in &view.fields {
            let _ = root.append_child(&field.input);
        }
        view.apply_options(options);
        view.render(false);
        view
    }

    /// Placeholder, disabled, icon and style; also what `update(options)` calls.
    pub fn apply_options(&self, options: &ViewOptions) {
        for field in &self.fields {
            if let Some(p) = &options.placeholders[field_index(field.kind)] {
                attr(&field.input, "placeholder", p);
            }
            field.input.set_disabled(options.disabled);
        }
        let _ = self.root.class_list().toggle_with_force("payjp-hide-icon", options.hide_icon);
        let _ = self.root.class_list().toggle_with_force("payjp-disabled", options.disabled);
        let mut state = self.state.borrow_mut();
        if let Some(old) = state.style_sheet.take() {
            unadopt(&self.document, &old);
        }
        if !options.style.is_empty() {
            state.style_sheet = adopt(&self.document, &stylesheet_text(&self.scope_class, &options.style));
        }
    }

    fn field(&self, kind: FieldKind) -> Option<&Rc<Field>> {
        self.fields.iter().find(|f| f.kind == kind)
    }

    fn on_signal(&self, kind: FieldKind, signal: FieldSignal) {
        match signal {
            FieldSignal::Input => {
                self.render(true);
                if self.kind == ElementKind::Card && self.check(kind).valid {
                    // Move on once a field is complete, in the combined element only.
                    let next = match kind {
                        FieldKind::Number => Some(FieldKind::Expiry),
                        FieldKind::Expiry => Some(FieldKind::Cvc),
                        FieldKind::Cvc => None,
                    };
                    if let Some(next) = next.and_then(|k| self.field(k)) {
                        if next.value().is_empty() {
                            self.move_focus(next, false);
                        }
                    }
                }
            }
            FieldSignal::BackOut if self.kind == ElementKind::Card => {
                let previous = match kind {
                    FieldKind::Number => None,
                    FieldKind::Expiry => Some(FieldKind::Number),
                    FieldKind::Cvc => Some(FieldKind::Expiry),
                };
                if let Some(prev) = previous.and_then(|k| self.field(k)) {
                    self.move_focus(prev, true);
                }
            }
            FieldSignal::BackOut => {}
            FieldSignal::Focus => {
                let _ = self.root.class_list().add_1("payjp-focus");
                if !self.state.borrow().moving_focus {
                    (self.emit)(ViewEvent::Focus);
                }
            }
            FieldSignal::Blur => {
                let _ = self.root.class_list().remove_1("payjp-focus");
                self.render(true);
                if !self.state.borrow().moving_focus {
                    (self.emit)(ViewEvent::Blur);
                }
            }
        }
    }

    fn move_focus(&self, field: &Field, at_end: bool) {
        self.state.borrow_mut().moving_focus = true;
        if at_end {
            field.focus_at_end();
        } else {
            field.focus();
        }
        self.state.borrow_mut().moving_focus = false;
    }

    /// The validator's verdict on one field.
    fn check(&self, kind: FieldKind) -> FieldCheckSummary {
        let Some(field) = self.field(kind) else { return FieldCheckSummary::default() };
        let value = field.value();
        let empty = value.trim().is_empty();
        match kind {
            FieldKind::Number => {
                let c = validate_card_number(&value);
                self.shared.network.set(c.detection.network());
                FieldCheckSummary { empty, valid: c.is_valid, problem: c.problem, length: c.digits.len() }
            }
            FieldKind::Expiry => {
                let c = validate_expiry(&value, now());
                let length = value.chars().filter(|c| crate::core::normalize::ascii_digit(*c).is_some()).count();
                FieldCheckSummary { empty, valid: c.is_valid, problem: c.problem, length }
            }
            FieldKind::Cvc => {
                let c = validate_cvc(&value, self.shared.network.get());
                FieldCheckSummary { empty, valid: c.is_valid, problem: c.problem, length: c.value.len() }
            }
        }
    }

    /// Re-validates, updates classes, ARIA and the error region, and (with `emit`) sends
    /// `change` when the summary changed.
    fn render(&self, emit: bool) -> Summary {
        let submitting = self.state.borrow().submitting;
        let mut summary = Summary { complete: true, empty: true, brand: "unknown", error: None };
        for field in &self.fields {
            let check = self.check(field.kind);
            let error = visible_error(field.kind, check, self.shared.network.get(), field.blurred(), submitting);
            attr(&field.input, "aria-invalid", if error.is_some() { "true" } else { "false" });
            summary.complete &= check.valid;
            summary.empty &= check.empty;
            if summary.error.is_none() {
                summary.error = error;
            }
        }
        let network = self.shared.network.get();
        summary.brand = network.and_then(Network::payjp_name).unwrap_or("unknown");
        if let Some(icon) = &self.icon {
            let name = network.and_then(Network::payjp_name).unwrap_or(label(FieldKind::Number, self.lang));
            icon.set_brand(summary.brand, name);
        }
        self.error_region.set_text_content(summary.error.map(|p| p.message(self.lang)));
        let classes = self.root.class_list();
        let _ = classes.toggle_with_force("payjp-complete", summary.complete);
        let _ = classes.toggle_with_force("payjp-empty", summary.empty);
        let _ = classes.toggle_with_force("payjp-invalid", summary.error.is_some());
        let changed = self.state.borrow().last != Some(summary);
        self.state.borrow_mut().last = Some(summary);
        if emit && changed {
            (self.emit)(ViewEvent::Change(summary));
        }
        summary
    }

    /// Re-validates after a sibling changed the shared brand.
    pub fn refresh(&self) {
        self.render(true);
    }

    /// Shows every field's error as on submit and focuses the first invalid field. Returns the
    /// first problem, or `None` when all fields are valid.
    pub fn validate_for_submit(&self) -> Option<Problem> {
        self.state.borrow_mut().submitting = true;
        let summary = self.render(true);
        if summary.error.is_some() {
            if let Some(field) = self.fields.iter().find(|f| !self.check(f.kind).valid) {
                field.focus();
            }
        }
        summary.error
    }

    /// The values of this view's fields (valid ones only).
    pub fn values_into(&self, values: &mut CardValues) {
        for field in &self.fields {
            let value = field.value();
            match field.kind {
                FieldKind::Number => values.number = Some(validate_card_number(&value).digits),
                FieldKind::Expiry => {
                    let c = validate_expiry(&value, now());
                    values.expiry = c.month.zip(c.year);
                }
                FieldKind::Cvc => values.cvc = Some(validate_cvc(&value, self.shared.network.get()).value),
            }
        }
    }

    pub fn has_field(&self, kind: FieldKind) -> bool {
        self.field(kind).is_some()
    }

    pub fn summary(&self) -> Summary {
        self.state.borrow().last.unwrap_or(Summary { complete: false, empty: true, brand: "unknown", error: None })
    }

    pub fn focus(&self) {
        if let Some(first) = self.fields.iter().find(|f| !self.check(f.kind).valid).or(self.fields.first()) {
            first.focus();
        }
    }

    pub fn blur(&self) {
        for field in &self.fields {
            field.blur();
        }
    }

    pub fn clear(&self) {
        for field in &self.fields {
            field.clear();
        }
        if self.has_field(FieldKind::Number) {
            self.shared.network.set(None);
        }
        self.state.borrow_mut().submitting = false;
        self.render(true);
    }

    /// Removes the view's stylesheet; the caller removes `root` from the document.
    pub fn teardown(&self) {
        if let Some(sheet) = self.state.borrow_mut().style_sheet.take() {
            unadopt(&self.document, &sheet);
        }
    }
}
