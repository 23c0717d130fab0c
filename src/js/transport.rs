//! The browser side of the API client's seams: `fetch` with an `AbortController` timeout, and a
//! clock on `Date.now`, `setTimeout` and `Math.random`.
//!
//! This calls `fetch` through web-sys directly. gloo-net did the same job behind this seam, but
//! its request and error conversions cost about 4 KB of the download; the seam kept the swap
//! local to this file.

#[allow(unused_imports)]
use crate::prelude::*;

use core::cell::Cell;
use core::future::Future;
use core::pin::Pin;
use alloc::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{Headers, RequestCredentials, RequestInit, Response};

use crate::api::client::{Clock, HttpRequest, HttpResponse, Transport, TransportError};

use super::timers::{sleep, Timeout};

/// Every promise the SDK hands out goes through here, so `future_to_promise` is instantiated
/// once instead of once per call site.
pub fn promise(future: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let boxed: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>> = Box::pin(future);
    future_to_promise(boxed)
}

pub struct FetchTransport;

impl FetchTransport {
    async fn fetch(request: &HttpRequest, signal: &web_sys::AbortSignal) -> Result<HttpResponse, JsValue> {
        let headers = Headers::new()?;
        for (name, value) in &request.headers {
            headers.set(name, value)?;
        }
        let init = RequestInit::new();
        init.set_method(request.method.as_str());
        init.set_headers(&headers);
        // No cookies go to the API: it authenticates with the public key alone.
        init.set_credentials(RequestCredentials::Omit);
        init.set_signal(Some(signal));
        if let Some(body) = &request.body {
            init.set_body(&JsValue::from_str(body));
        }
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let response: Response = JsFuture::from(window.fetch_with_str_and_init(&request.url, &init)).await?.dyn_into()?;
        let retry_after = response.headers().get("retry-after")?;
        let body = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
        Ok(HttpResponse { status: response.status(), retry_after, body })
    }
}

impl Transport for FetchTransport {
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
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
