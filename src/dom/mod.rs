//! Rendering and events: the card fields, the element views that group them, styles through
//! the CSSOM, the brand icon and the security badge.
//!
//! Every component takes the `Document` it renders into, so the same code runs in the
//! merchant's page (direct mode) and inside a frame document (isolated mode). Nodes are built
//! with `createElement` and `textContent`, never from HTML strings; listeners are
//! `gloo_events::EventListener` values owned by their component, so dropping the component
//! removes them.

#[allow(unused_imports)]
use crate::prelude::*;

pub mod badge;
pub mod field;
pub mod icon;
pub mod listener;
pub mod style;
pub mod view;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// `document.createElement(tag)` with a class, as an `HtmlElement`.
pub fn html(document: &Document, tag: &str, class: &str) -> HtmlElement {
    let el = document.create_element(tag).expect("createElement with a constant tag");
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.unchecked_into()
}

/// Sets an attribute whose name is a constant (cannot fail).
pub fn attr(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// A document-wide unique id prefix for one element's nodes.
pub fn next_id(prefix: &str) -> String {
    static NEXT: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(1);
    let n = NEXT.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    let mut id = String::from(prefix);
    push_u32(&mut id, n);
    id
}

/// Appends a number's digits without `format!` (keeps the formatting machinery out).
pub fn push_u32(s: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        s.push(d as char);
    }
}
