//! The security badge: an accessible SVG mark of our own design with text saying card details
//! go directly to PAY.JP, encrypted, and are never stored on this site. It is honest: it says
//! TEST MODE with a test key, shows a warning instead of the claim on a page that is not a
//! secure context, and opens its short explanation in place (no navigation, no network).

#[allow(unused_imports)]
use crate::prelude::*;

use alloc::rc::Rc;

use super::listener::EventListener;
use web_sys::{Document, Element, HtmlElement};

use crate::core::Lang;

use super::{attr, html, next_id};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    Small,
    Large,
}

pub struct BadgeOptions {
    pub theme: Theme,
    pub size: Size,
    pub lang: Lang,
    pub test_mode: bool,
    pub secure_context: bool,
}

struct Texts {
    claim: &'static str,
    insecure: &'static str,
    test_mode: &'static str,
    more: &'static str,
    details: [&'static str; 3],
}

fn texts(lang: Lang) -> Texts {
    match lang {
        Lang::Ja => Texts {
            claim: "カード情報は暗号化されてPAY.JPへ直接送信され、このサイトには保存されません",
            insecure: "この接続は安全ではありません。カード情報を入力しないでください",
            test_mode: "テストモード",
            more: "詳しく",
            details: [
                "カード番号・有効期限・セキュリティコードは、お使いのブラウザから暗号化通信（HTTPS）で決済代行会社PAY.JPへ直接送られます。",
                "このサイトが受け取るのは一度だけ使える「トークン」のみで、カード情報そのものを受け取ったり保存したりすることはありません。",
                "PAY.JPはカード業界のセキュリティ基準PCI DSSに準拠した環境でカード情報を扱います。",
            ],
        },
        Lang::En => Texts {
            claim: "Card details go directly to PAY.JP, encrypted, and are never stored on this site",
            insecure: "This connection is not secure. Do not enter card details",
            test_mode: "TEST MODE",
            more: "Learn more",
            details: [
                "Your card number, expiry date and security code travel from your browser straight to PAY.JP, the payment processor, over an encrypted (HTTPS) connection.",
                "This site only receives a one-time token. It never receives or stores the card details themselves.",
                "PAY.JP handles card data in an environment that complies with PCI DSS, the card industry's security standard.",
            ],
        },
    }
}

fn svg(document: &Document, tag: &str) -> Element {
    document.create_element_ns(Some(SVG_NS), tag).expect("createElementNS with a constant tag")
}

/// A padlock (or, when the page is not secure, a warning triangle), drawn with two paths.
fn mark(document: &Document, secure: bool) -> Element {
    let root = svg(document, "svg");
    for (k, v) in [("viewBox", "0 0 24 24"), ("width", "20"), ("height", "20"), ("aria-hidden", "true"), ("focusable", "false"), ("class", "payjp-badge-mark")] {
        attr(&root, k, v);
    }
    let shapes: &[(&str, &str)] = if secure {
        &[
            ("M7 10V7a5 5 0 0 1 10 0v3", "none"),
            ("M5 10h14v11H5z", "currentColor"),
        ]
    } else {
        &[("M12 2 1 21h22z", "currentColor"), ("M12 9v6M12 17.5v.5", "none")]
    };
    for (d, fill) in shapes {
        let path = svg(document, "path");
        attr(&path, "d", d);
        attr(&path, "fill", fill);
        attr(&path, "stroke", if *fill == "none" { "currentColor" } else { "none" });
        attr(&path, "stroke-width", "2");
        let _ = root.append_child(&path);
    }
    root
}

pub struct SecurityBadge {
    pub root: HtmlElement,
    _listener: EventListener,
}

const BADGE_CSS: &str = "\
.payjp-badge{display:inline-flex;flex-direction:column;gap:.4em;font:inherit;font-size:12px;line-height:1.45;max-width:34em}\
.payjp-badge button{display:flex;align-items:center;gap:.5em;text-align:left;font:inherit;cursor:pointer;border-radius:6px;padding:.45em .7em;border:1px solid #d5dbe3;background:#f7f9fb;color:#1f2933}\
.payjp-badge.payjp-dark button{background:#1f2933;color:#f5f7fa;border-color:#3e4c59}\
.payjp-badge.payjp-large{font-size:14px}\
.payjp-badge .payjp-badge-mark{flex:0 0 auto;color:#1f7a4d}\
.payjp-badge.payjp-insecure .payjp-badge-mark{color:#b42318}\
.payjp-badge .payjp-badge-test{white-space:nowrap;font-weight:700;font-size:.8em;letter-spacing:.04em;padding:.1em .4em;border-radius:3px;background:#fde68a;color:#5b3a00}\
.payjp-badge .payjp-badge-more{text-decoration:underline;white-space:nowrap}\
.payjp-badge .payjp-badge-details{margin:0;padding:.6em .8em;border-radius:6px;background:#f7f9fb;color:#3e4c59}\
.payjp-badge.payjp-dark .payjp-badge-details{background:#323f4b;color:#e4e7eb}\
.payjp-badge .payjp-badge-details[hidden]{display:none}\
.payjp-badge .payjp-badge-details p{margin:.2em 0}\
";

impl SecurityBadge {
    pub fn new(document: &Document, options: &BadgeOptions) -> Rc<SecurityBadge> {
        if let Some(root) = document.document_element() {
            if !root.has_attribute("data-payjp-badge-styles") && super::style::adopt(document, BADGE_CSS).is_some() {
                attr(&root, "data-payjp-badge-styles", "");
            }
        }
        let t = texts(options.lang);
        let root = html(document, "div", "payjp-badge");
        let classes = root.class_list();
        if options.theme == Theme::Dark {
            let _ = classes.add_1("payjp-dark");
        }
        if options.size == Size::Large {
            let _ = classes.add_1("payjp-large");
        }
        if !options.secure_context {
            let _ = classes.add_1("payjp-insecure");
        }
        let details_id = next_id("payjp-badge-");
        let button = html(document, "button", "");
        attr(&button, "type", "button");
        attr(&button, "aria-expanded", "false");
        attr(&button, "aria-controls", &details_id);
        let _ = button.append_child(&mark(document, options.secure_context));
        let text = html(document, "span", "payjp-badge-text");
        text.set_text_content(Some(if options.secure_context { t.claim } else { t.insecure }));
        let _ = button.append_child(&text);
        if options.test_mode {
            let test = html(document, "span", "payjp-badge-test");
            test.set_text_content(Some(t.test_mode));
            let _ = button.append_child(&test);
        }
        let more = html(document, "span", "payjp-badge-more");
        more.set_text_content(Some(t.more));
        let _ = button.append_child(&more);

        let details = html(document, "div", "payjp-badge-details");
        attr(&details, "id", &details_id);
        attr(&details, "role", "region");
        attr(&details, "aria-label", t.more);
        details.set_hidden(true);
        for line in t.details {
            let p = html(document, "p", "");
            p.set_text_content(Some(line));
            let _ = details.append_child(&p);
        }
        let _ = root.append_child(&button);
        let _ = root.append_child(&details);

        let toggle_target = button.clone();
        let listener = EventListener::new(&button, "click", move |_| {
            let open = details.hidden();
            details.set_hidden(!open);
            attr(&toggle_target, "aria-expanded", if open { "true" } else { "false" });
        });
        Rc::new(SecurityBadge { root, _listener: listener })
    }
}
