//! What the wasm hands to JavaScript (`Out`, through serde-wasm-bindgen) and the browser clock;
//! the validators' argument conversions and `TypeError`s are in `validators`.

#[allow(unused_imports)]
use crate::prelude::*;

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::core::{Lang, Problem, YearMonth};

/// This month by the browser's clock, for expiry checks.
pub fn browser_now() -> YearMonth {
    let date = js_sys::Date::new_0();
    YearMonth { year: date.get_full_year() as u16, month: date.get_month() as u8 + 1 }
}

/// What the wasm hands to JavaScript, as one serde type: every output struct becomes an `Out`
/// (`out_object!`), and `Out` is what serde-wasm-bindgen serializes. One type means one
/// instantiation of serde-wasm-bindgen's serializer instead of one per struct and field type, and
/// objects go through its map path: its struct path makes keys through a cache of JS strings in
/// a thread-local `HashMap` (hashbrown and the thread-local's machinery, 1.7 KB gzipped).
pub enum Out<'a> {
    Null,
    Bool(bool),
    Number(f64),
    Str(&'a str),
    /// A plain object, keys in this order.
    Object(Vec<(&'static str, Out<'a>)>),
    Array(Vec<Out<'a>>),
}

impl Serialize for Out<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Out::Null => serializer.serialize_none(),
            Out::Bool(b) => serializer.serialize_bool(*b),
            Out::Number(n) => serializer.serialize_f64(*n),
            Out::Str(s) => serializer.serialize_str(s),
            Out::Object(fields) => {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (key, value) in fields {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Out::Array(items) => serializer.collect_seq(items),
        }
    }
}

/// A field's value as an [`Out`].
pub trait ToOut {
    fn to_out(&self) -> Out<'_>;
}

impl ToOut for &str {
    fn to_out(&self) -> Out<'_> {
        Out::Str(self)
    }
}

impl ToOut for String {
    fn to_out(&self) -> Out<'_> {
        Out::Str(self)
    }
}

impl ToOut for bool {
    fn to_out(&self) -> Out<'_> {
        Out::Bool(*self)
    }
}

impl ToOut for f64 {
    fn to_out(&self) -> Out<'_> {
        Out::Number(*self)
    }
}

macro_rules! number_to_out {
    ($($t:ty),*) => {$(
        impl ToOut for $t {
            fn to_out(&self) -> Out<'_> {
                Out::Number(f64::from(*self))
            }
        }
    )*};
}
number_to_out!(u8, u16, u32);

impl<T: ToOut> ToOut for Option<T> {
    fn to_out(&self) -> Out<'_> {
        self.as_ref().map_or(Out::Null, ToOut::to_out)
    }
}

/// `ToOut` for an output struct: a plain object with these keys, in this order.
macro_rules! out_object {
    ($ty:ty { $($key:literal: $field:ident),* $(,)? }) => {
        impl $crate::js::convert::ToOut for $ty {
            fn to_out(&self) -> $crate::js::convert::Out<'_> {
                $crate::js::convert::Out::Object(vec![$(($key, $crate::js::convert::ToOut::to_out(&self.$field))),*])
            }
        }
    };
}
pub(crate) use out_object;

/// `{ type: 'validation_error', code, detail, message }`: `code` as payjp.js v2 names the problem
/// (`incomplete_error` for any unfinished field), `detail` the finer code.
pub struct ValidationErrorOut {
    kind: &'static str,
    code: &'static str,
    detail: &'static str,
    message: &'static str,
    /// The token request's parameter, as PAY.JP names it (`card[number]`, `card[email]`, …).
    param: &'static str,
    /// A token request's refusal: every problem, the first included (absent elsewhere).
    pub errors: Vec<ValidationErrorOut>,
}

impl ToOut for ValidationErrorOut {
    fn to_out(&self) -> Out<'_> {
        let mut fields = vec![
            ("type", Out::Str(self.kind)),
            ("code", Out::Str(self.code)),
            ("detail", Out::Str(self.detail)),
            ("message", Out::Str(self.message)),
            ("param", Out::Str(self.param)),
        ];
        if !self.errors.is_empty() {
            fields.push(("errors", Out::Array(self.errors.iter().map(ToOut::to_out).collect())));
        }
        Out::Object(fields)
    }
}

impl ValidationErrorOut {
    pub fn new(problem: Option<Problem>, lang: Lang) -> Option<ValidationErrorOut> {
        problem.map(|p| ValidationErrorOut { kind: "validation_error", code: p.code().payjp_v2(), detail: p.code().as_str(), message: p.message(lang), param: p.code().param(), errors: Vec::new() })
    }
}

/// A plain JS object from an output (serde-wasm-bindgen), `None` as `null`.
pub fn to_js(value: &impl ToOut) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);
    value.to_out().serialize(&serializer).unwrap_or(JsValue::NULL)
}
