//! Element styles, payjp.js v2 style: variants `base`, `complete`, `empty`, `invalid`, each with
//! CSS properties and the pseudo keys `:focus`, `:hover`, `::placeholder`, `:disabled` and
//! `:-webkit-autofill`. Only allow-listed properties and values pass (the same rules serve the
//! isolated frames later), and the result is applied through a constructed stylesheet adopted by
//! the document: no `<style>` text, no `style` attributes, so a strict CSP and Trusted Types
//! hold.

#[allow(unused_imports)]
use crate::prelude::*;

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Document};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Base,
    Complete,
    Empty,
    Invalid,
}

impl Variant {
    pub const ALL: [(&'static str, Variant); 4] =
        [("base", Variant::Base), ("complete", Variant::Complete), ("empty", Variant::Empty), ("invalid", Variant::Invalid)];

    fn container_class(self) -> &'static str {
        match self {
            Variant::Base => "",
            Variant::Complete => ".payjp-complete",
            Variant::Empty => ".payjp-empty",
            Variant::Invalid => ".payjp-invalid",
        }
    }
}

/// The pseudo keys, with the selector suffix each becomes.
pub const PSEUDOS: [&str; 5] = [":focus", ":hover", "::placeholder", ":disabled", ":-webkit-autofill"];

/// Allowed properties: camelCase as merchants write them, and their CSS names. `iconColor`
/// colours the brand icon.
const PROPERTIES: [(&str, &str); 17] = [
    ("color", "color"),
    ("backgroundColor", "background-color"),
    ("caretColor", "caret-color"),
    ("fontFamily", "font-family"),
    ("fontSize", "font-size"),
    ("fontStyle", "font-style"),
    ("fontVariant", "font-variant"),
    ("fontWeight", "font-weight"),
    ("fontSmoothing", "-webkit-font-smoothing"),
    ("letterSpacing", "letter-spacing"),
    ("lineHeight", "line-height"),
    ("textAlign", "text-align"),
    ("textDecoration", "text-decoration"),
    ("textShadow", "text-shadow"),
    ("textTransform", "text-transform"),
    ("opacity", "opacity"),
    ("iconColor", "color"),
];

/// The CSS name of an allowed property.
pub fn css_property(name: &str) -> Option<&'static str> {
    PROPERTIES.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
}

pub fn allowed_property_names() -> impl Iterator<Item = &'static str> {
    PROPERTIES.iter().map(|(k, _)| *k)
}

/// A value is safe when it cannot leave its declaration or load anything: at most 200
/// characters of letters, digits, spaces and `# % . , ( ) ' " - + /`, with no `url(`,
/// `expression(`, `image(`, `var(`, `attr(`, escapes or comments.
pub fn safe_value(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    !value.trim().is_empty()
        && value.len() <= 200
        && value.chars().all(|c| c.is_ascii_alphanumeric() || " #%.,()'\"-+/".contains(c))
        && !["url(", "expression(", "image(", "image-set(", "var(", "attr(", "/*", "*/"].iter().any(|bad| lower.contains(bad))
}

/// One declaration: `.payjp-el-N.payjp-invalid .payjp-input:focus { color: red }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleRule {
    pub variant: Variant,
    /// One of [`PSEUDOS`], or empty.
    pub pseudo: &'static str,
    /// The merchant's property name (allowed).
    pub property: &'static str,
    pub value: String,
}

/// The stylesheet text for one element, scoped to its class. Every rule stands alone, so a
/// selector one browser rejects (`:-webkit-autofill` in Firefox) drops only itself.
pub fn stylesheet_text(scope_class: &str, rules: &[StyleRule]) -> String {
    let mut css = String::new();
    for rule in rules {
        let Some(css_name) = css_property(rule.property) else { continue };
        css.push('.');
        css.push_str(scope_class);
        css.push_str(rule.variant.container_class());
        css.push(' ');
        css.push_str(if rule.property == "iconColor" { ".payjp-icon" } else { ".payjp-input" });
        css.push_str(rule.pseudo);
        css.push('{');
        css.push_str(css_name);
        css.push(':');
        css.push_str(&rule.value);
        css.push_str("}\n");
    }
    css
}

/// The SDK's own layout, shared by every element in a document.
pub const BASE_CSS: &str = "\
.payjp-element{display:flex;align-items:center;gap:.6em;box-sizing:border-box;min-width:0;font-family:inherit}\
.payjp-element .payjp-input{flex:1 1 auto;min-width:0;width:100%;border:0;outline:0;padding:0;margin:0;background:transparent;font:inherit;color:inherit;line-height:1.5}\
.payjp-element .payjp-expiry{flex:0 0 5.2em}\
.payjp-element .payjp-cvc{flex:0 0 3.6em}\
.payjp-element.payjp-type-cardExpiry .payjp-expiry,.payjp-element.payjp-type-cardCvc .payjp-cvc{flex:1 1 auto}\
.payjp-element .payjp-icon{flex:0 0 auto;color:#8a94a6}\
.payjp-element.payjp-hide-icon .payjp-icon{display:none}\
.payjp-error{display:block;min-height:0;font-size:.85em;color:#b42318}\
.payjp-error:empty{display:none}\
.payjp-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\
";

/// Adds a constructed stylesheet with `css` to `document.adoptedStyleSheets`.
pub fn adopt(document: &Document, css: &str) -> Option<CssStyleSheet> {
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(css).ok()?;
    let sheets = document.adopted_style_sheets();
    let next = js_sys::Array::from(&sheets);
    next.push(&sheet);
    document.set_adopted_style_sheets(&next);
    Some(sheet)
}

/// Removes a sheet added by [`adopt`].
pub fn unadopt(document: &Document, sheet: &CssStyleSheet) {
    let sheets = js_sys::Array::from(&document.adopted_style_sheets());
    let kept: js_sys::Array = sheets.iter().filter(|s| s != sheet.unchecked_ref::<wasm_bindgen::JsValue>()).collect();
    document.set_adopted_style_sheets(&kept);
}

/// Installs [`BASE_CSS`] once per document (marked on the document element).
pub fn ensure_base(document: &Document) {
    let Some(root) = document.document_element() else { return };
    if root.has_attribute("data-payjp-styles") {
        return;
    }
    if adopt(document, BASE_CSS).is_some() {
        super::attr(&root, "data-payjp-styles", "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_that_could_escape_or_load_are_refused() {
        for ok in ["#32325d", "16px", "'Noto Sans JP', sans-serif", "rgba(0, 0, 0, .5)", "1.5", "bold", "-0.01em"] {
            assert!(safe_value(ok), "{ok}");
        }
        for bad in ["red;}body{display:none", "url(https://x)", "URL(x)", "expression(alert(1))", "red\\;", "a{b}", "x<y", "", "var(--x)", "/* */", &"a".repeat(201)] {
            assert!(!safe_value(bad), "{bad}");
        }
    }

    #[test]
    fn rules_are_scoped_and_one_per_line() {
        let rules = [
            StyleRule { variant: Variant::Base, pseudo: "", property: "fontSize", value: "16px".into() },
            StyleRule { variant: Variant::Invalid, pseudo: ":focus", property: "color", value: "#b00".into() },
            StyleRule { variant: Variant::Base, pseudo: "::placeholder", property: "color", value: "#aab".into() },
            StyleRule { variant: Variant::Base, pseudo: "", property: "iconColor", value: "#333".into() },
        ];
        assert_eq!(
            stylesheet_text("payjp-el-3", &rules),
            ".payjp-el-3 .payjp-input{font-size:16px}\n.payjp-el-3.payjp-invalid .payjp-input:focus{color:#b00}\n\
.payjp-el-3 .payjp-input::placeholder{color:#aab}\n.payjp-el-3 .payjp-icon{color:#333}\n"
        );
        assert_eq!(css_property("background"), None);
        assert_eq!(css_property("fontSize"), Some("font-size"));
    }
}
