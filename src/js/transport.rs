//! The browser side of the API client's seams: `fetch` with an `AbortController` timeout, and a
//! clock on `Date.now`, `setTimeout` and `Math.random`.
//!
//! HTTP goes through gloo-net's `RequestBuilder`; the body is read with the browser's
//! `response.json()` and kept as a JS value ([`JsDocument`]).

#[allow(unused_imports)]
use crate::prelude::*;

use core::cell::Cell;
use core::future::Future;
use core::pin::Pin;
use alloc::rc::Rc;

use gloo_net::http::RequestBuilder;
use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::RequestCredentials;

use crate::api::client::{Clock, Document, HttpRequest, HttpResponse, Method, Transport, TransportError};

use super::timers::{sleep, Timeout};

/// Every promise the SDK hands out goes through here, so `future_to_promise` is instantiated
/// once instead of once per call site.
pub fn promise(future: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let boxed: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>> = Box::pin(future);
    future_to_promise(boxed)
}

/// An answer's body as the browser parsed it (`response.json()`): read in place, and handed on to
/// the merchant as it is.
#[derive(Clone, Debug)]
pub struct JsDocument(pub JsValue);

impl JsDocument {
    fn at(&self, path: &[&str]) -> JsValue {
        let mut value = self.0.clone();
        for key in path {
            if !value.is_object() {
                return JsValue::UNDEFINED;
            }
            value = js_sys::Reflect::get(&value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        }
        value
    }
}

impl Document for JsDocument {
    fn string(&self, path: &[&str]) -> Option<String> {
        self.at(path).as_string()
    }
    fn boolean(&self, path: &[&str]) -> Option<bool> {
        self.at(path).as_bool()
    }
    fn number(&self, path: &[&str]) -> Option<f64> {
        self.at(path).as_f64()
    }
    fn is_array(&self, path: &[&str]) -> bool {
        js_sys::Array::is_array(&self.at(path))
    }
}

/// `fetch` through gloo-net, with an `AbortController` for the timeout.
pub struct FetchTransport;

impl FetchTransport {
    /// `Err` when nothing came back (a network failure, the abort); the caller tells which.
    async fn fetch(request: &HttpRequest, signal: &web_sys::AbortSignal) -> Result<HttpResponse<JsDocument>, ()> {
        let method = match request.method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
        };
        let mut builder = RequestBuilder::new(&request.url)
            .method(method)
            // No cookies go to the API: it authenticates with the public key alone.
            .credentials(RequestCredentials::Omit)
            .abort_signal(Some(signal));
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let sent = match &request.body {
            Some(body) => builder.body(body.as_str()),
            None => builder.build(),
        };
        let response = sent.map_err(drop)?.send().await.map_err(drop)?;
        let headers = response.headers();
        let retry_after = headers.get("retry-after");
        let html = headers.get("content-type").is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("text/html"));
        let status = response.status();
        // The browser parses; a body that is not JSON is `None`, not an error. A body that breaks
        // off (the connection dropped mid-answer, or the deadline aborted the read) is no answer
        // at all: a network error or a timeout, as before the headers.
        let raw: web_sys::Response = response.into();
        let json = match raw.json() {
            Ok(parsing) => match JsFuture::from(parsing).await {
                Ok(value) => Some(JsDocument(value)),
                Err(e) if wasm_bindgen::JsCast::is_instance_of::<js_sys::SyntaxError>(&e) => None,
                Err(_) => return Err(()),
            },
            Err(_) => None,
        };
        Ok(HttpResponse { status, retry_after, json, html })
    }
}

impl Transport for FetchTransport {
    type Document = JsDocument;

    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse<JsDocument>, TransportError> {
        let controller = web_sys::AbortController::new().map_err(|_| TransportError::Network)?;
        let timed_out = Rc::new(Cell::new(false));
        let abort = {
            let controller = controller.clone();
            let timed_out = timed_out.clone();
            Timeout::new(request.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let result = FetchTransport::fetch(request, &controller.signal()).await;
        drop(abort);
        result.map_err(|_| if timed_out.get() { TransportError::Timeout } else { TransportError::Network })
    }
}

pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    async fn sleep(&self, ms: f64) {
        sleep(ms).await;
    }

    fn jitter(&self) -> f64 {
        js_sys::Math::random()
    }
}
