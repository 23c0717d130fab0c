//! The brand icon: simple labelled shapes of our own design (no network logos), an inline SVG
//! whose colour and label follow the detected brand.

#[allow(unused_imports)]
use crate::prelude::*;

use web_sys::{Document, Element};

use super::attr;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

fn svg(document: &Document, tag: &str) -> Element {
    document.create_element_ns(Some(SVG_NS), tag).expect("createElementNS with a constant tag")
}

/// Fill colour and short label for each brand string; the generic card otherwise.
fn look(brand: &str) -> (&'static str, &'static str) {
    match brand {
        "Visa" => ("#1a1f71", "VISA"),
        "MasterCard" => ("#c2410c", "MC"),
        "JCB" => ("#0b6e4f", "JCB"),
        "American Express" => ("#1d6fa5", "AMEX"),
        "Diners Club" => ("#3f4a5a", "DC"),
        "Discover" => ("#b45309", "DISC"),
        _ => ("#8a94a6", ""),
    }
}

pub struct BrandIcon {
    pub root: Element,
    body: Element,
    label: Element,
}

impl BrandIcon {
    pub fn new(document: &Document) -> BrandIcon {
        let root = svg(document, "svg");
        attr(&root, "class", "payjp-icon");
        attr(&root, "viewBox", "0 0 32 22");
        attr(&root, "width", "32");
        attr(&root, "height", "22");
        attr(&root, "role", "img");
        attr(&root, "focusable", "false");
        let body = svg(document, "rect");
        for (k, v) in [("x", "0.5"), ("y", "0.5"), ("width", "31"), ("height", "21"), ("rx", "3.5")] {
            attr(&body, k, v);
        }
        let stripe = svg(document, "rect");
        for (k, v) in [("x", "3"), ("y", "5"), ("width", "6"), ("height", "4.5"), ("rx", "1"), ("fill", "#fff"), ("fill-opacity", "0.55")] {
            attr(&stripe, k, v);
        }
        let label = svg(document, "text");
        for (k, v) in [("x", "29"), ("y", "17"), ("text-anchor", "end"), ("fill", "#fff"), ("font-size", "7"), ("font-weight", "700"), ("font-family", "system-ui, sans-serif")] {
            attr(&label, k, v);
        }
        let _ = root.append_child(&body);
        let _ = root.append_child(&stripe);
        let _ = root.append_child(&label);
        let icon = BrandIcon { root, body, label };
        icon.set_brand("unknown", "");
        icon
    }

    /// Shows `brand`; `accessible_name` is what a screen reader hears.
    pub fn set_brand(&self, brand: &str, accessible_name: &str) {
        let (fill, text) = look(brand);
        attr(&self.body, "fill", fill);
        self.label.set_text_content(Some(text));
        attr(&self.root, "aria-label", accessible_name);
        attr(&self.root, "data-brand", brand);
    }
}
