//! One card input: a real `<input>` with the right `autocomplete`, formatting as the buyer
//! types (caret kept, separator deletes handled), IME composition respected, and focus, blur
//! and "backspace in an empty field" reported to its owner.

#[allow(unused_imports)]
use crate::prelude::*;

use core::cell::RefCell;
use alloc::rc::Rc;

use super::listener::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlInputElement, InputEvent, KeyboardEvent};

use crate::core::{format_cvc, reformat_card_number, reformat_expiry, EditKind, FieldKind, Formatted, Lang};

use super::{attr, html};

/// What a field tells its owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldSignal {
    /// The value changed (typing, paste, autofill, IME commit).
    Input,
    Focus,
    Blur,
    /// Backspace in an empty field: the owner may move focus back.
    BackOut,
}

pub type SignalFn = Rc<dyn Fn(FieldKind, FieldSignal)>;

#[derive(Default)]
struct FieldInner {
    /// The value as last formatted, to recognise separator-only deletions.
    previous: String,
    composing: bool,
    /// The buyer has left the field since it was last cleared.
    blurred: bool,
}

pub struct Field {
    pub kind: FieldKind,
    pub input: HtmlInputElement,
    inner: RefCell<FieldInner>,
    listeners: RefCell<Vec<EventListener>>,
}

pub fn label(kind: FieldKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (FieldKind::Number, Lang::Ja) => "カード番号",
        (FieldKind::Number, Lang::En) => "Card number",
        (FieldKind::Expiry, Lang::Ja) => "有効期限（月 / 年）",
        (FieldKind::Expiry, Lang::En) => "Expiration date (MM / YY)",
        (FieldKind::Cvc, Lang::Ja) => "セキュリティコード",
        (FieldKind::Cvc, Lang::En) => "Security code",
    }
}

pub fn default_placeholder(kind: FieldKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (FieldKind::Number, _) => "1234 5678 9012 3456",
        (FieldKind::Expiry, Lang::Ja) => "月 / 年",
        (FieldKind::Expiry, Lang::En) => "MM / YY",
        (FieldKind::Cvc, _) => "CVC",
    }
}

fn edit_kind(event: &web_sys::Event) -> EditKind {
    match event.dyn_ref::<InputEvent>().map(|e| e.input_type()).as_deref() {
        Some("deleteContentBackward") => EditKind::DeleteBackward,
        Some("deleteContentForward") => EditKind::DeleteForward,
        _ => EditKind::Insert,
    }
}

impl Field {
    /// Builds the input (not yet in the document) and wires its listeners.
    pub fn new(document: &Document, kind: FieldKind, lang: Lang, error_id: &str, signal: SignalFn) -> Rc<Field> {
        let input: HtmlInputElement = html(document, "input", "payjp-input").unchecked_into();
        let (autocomplete, name, class) = match kind {
            FieldKind::Number => ("cc-number", "cardnumber", "payjp-input payjp-number"),
            FieldKind::Expiry => ("cc-exp", "exp-date", "payjp-input payjp-expiry"),
            FieldKind::Cvc => ("cc-csc", "cvc", "payjp-input payjp-cvc"),
        };
        input.set_class_name(class);
        for (k, v) in [
            ("type", "text"),
            ("inputmode", "numeric"),
            ("autocomplete", autocomplete),
            ("name", name),
            ("autocorrect", "off"),
            ("autocapitalize", "off"),
            ("spellcheck", "false"),
            ("aria-invalid", "false"),
            ("aria-describedby", error_id),
            ("aria-label", label(kind, lang)),
            ("placeholder", default_placeholder(kind, lang)),
        ] {
            attr(&input, k, v);
        }
        let field = Rc::new(Field { kind, input, inner: RefCell::default(), listeners: RefCell::default() });
        field.listen(signal);
        field
    }

    fn listen(self: &Rc<Self>, signal: SignalFn) {
        let target = self.input.clone();
        let on = |event: &'static str, handler: Box<dyn Fn(&Field, &web_sys::Event, &SignalFn)>| {
            let weak = Rc::downgrade(self);
            let signal = signal.clone();
            EventListener::new(&target, event, move |e| {
                if let Some(field) = weak.upgrade() {
                    handler(&field, e, &signal);
                }
            })
        };
        let listeners = vec![
            on("input", Box::new(|f, e, s| {
                if f.inner.borrow().composing {
                    return; // never reformat while an IME composition is open
                }
                f.reformat(edit_kind(e));
                s(f.kind, FieldSignal::Input);
            })),
            on("compositionstart", Box::new(|f, _, _| f.inner.borrow_mut().composing = true)),
            on("compositionend", Box::new(|f, _, s| {
                f.inner.borrow_mut().composing = false;
                f.reformat(EditKind::Insert);
                s(f.kind, FieldSignal::Input);
            })),
            on("focus", Box::new(|f, _, s| s(f.kind, FieldSignal::Focus))),
            on("blur", Box::new(|f, _, s| {
                if !f.input.value().is_empty() {
                    f.inner.borrow_mut().blurred = true;
                }
                s(f.kind, FieldSignal::Blur);
            })),
            on("keydown", Box::new(|f, e, s| {
                let backspace = e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Backspace");
                if backspace && f.input.value().is_empty() {
                    s(f.kind, FieldSignal::BackOut);
                }
            })),
        ];
        *self.listeners.borrow_mut() = listeners;
    }

    /// Formats the current value after an edit, keeping the caret after the same digit.
    fn reformat(&self, kind: EditKind) {
        let current = self.input.value();
        let caret = self.input.selection_start().ok().flatten().map_or(current.len(), |c| c as usize);
        let previous = core::mem::take(&mut self.inner.borrow_mut().previous);
        let Formatted { text, caret } = match self.kind {
            FieldKind::Number => reformat_card_number(&previous, &current, caret, kind),
            FieldKind::Expiry => reformat_expiry(&previous, &current, caret, kind),
            FieldKind::Cvc => format_cvc(&current, caret),
        };
        if text != current {
            self.input.set_value(&text);
            let focused = self.input.owner_document().and_then(|d| d.active_element()).is_some_and(|a| a == **self.input);
            if focused {
                let _ = self.input.set_selection_range(caret as u32, caret as u32);
            }
        }
        self.inner.borrow_mut().previous = text;
    }

    pub fn value(&self) -> String {
        self.input.value()
    }

    pub fn blurred(&self) -> bool {
        self.inner.borrow().blurred
    }

    pub fn clear(&self) {
        self.input.set_value("");
        let mut inner = self.inner.borrow_mut();
        inner.previous.clear();
        inner.blurred = false;
    }

    pub fn focus(&self) {
        let _ = self.input.focus();
    }

    /// Focuses with the caret at the end (moving back from the next field).
    pub fn focus_at_end(&self) {
        self.focus();
        let end = self.input.value().encode_utf16().count() as u32;
        let _ = self.input.set_selection_range(end, end);
    }

    pub fn blur(&self) {
        let _ = self.input.blur();
    }
}
