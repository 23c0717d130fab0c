//! What the native API tests share: PAY.JP's answers parsed by serde_json and read through the
//! client's `Document` seam, as the browser's JS values are (`src/js/transport.rs`).
#![allow(dead_code)]

use payjp_wasm::api::client::Document;
use serde_json::Value;

/// An answer parsed by serde_json, read as the browser's JS value is (`src/js/transport.rs`).
#[derive(Clone, Debug, PartialEq)]
pub struct Doc(pub Value);

impl Doc {
    fn at(&self, path: &[&str]) -> Option<&Value> {
        path.iter().try_fold(&self.0, |v, k| v.as_object()?.get(*k))
    }
}

impl Document for Doc {
    fn string(&self, path: &[&str]) -> Option<String> {
        self.at(path)?.as_str().map(str::to_string)
    }
    fn boolean(&self, path: &[&str]) -> Option<bool> {
        self.at(path)?.as_bool()
    }
    fn number(&self, path: &[&str]) -> Option<f64> {
        self.at(path)?.as_f64()
    }
    fn is_array(&self, path: &[&str]) -> bool {
        self.at(path).is_some_and(Value::is_array)
    }
}


impl Doc {
    /// `text` parsed, or `None` when it is not JSON (as `response.json()` rejects).
    pub fn parse(text: &str) -> Option<Doc> {
        serde_json::from_str(text).ok().map(Doc)
    }
}
