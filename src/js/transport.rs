//! The browser side of the API client's seams: `fetch` through gloo-net with an
//! `AbortController` timeout, and a clock on `Date.now`, `setTimeout` and `Math.random`.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Method as HttpMethod, RequestBuilder};
use web_sys::RequestCredentials;

use crate::api::client::{Clock, HttpRequest, HttpResponse, Method, Transport, TransportError};

pub struct FetchTransport;

impl Transport for FetchTransport {
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let controller = web_sys::AbortController::new().map_err(|_| TransportError::Network)?;
        let timed_out = Rc::new(Cell::new(false));
        let abort = {
            let controller = controller.clone();
            let timed_out = timed_out.clone();
            gloo_timers::callback::Timeout::new(request.timeout_ms.clamp(0.0, f64::from(u32::MAX)) as u32, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let failure = || if timed_out.get() { TransportError::Timeout } else { TransportError::Network };
        let method = match request.method {
            Method::Get => HttpMethod::GET,
            Method::Post => HttpMethod::POST,
        };
        // No cookies go to the API: it authenticates with the public key alone.
        let mut builder = RequestBuilder::new(&request.url)
            .method(method)
            .credentials(RequestCredentials::Omit)
            .abort_signal(Some(&controller.signal()));
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let built = match &request.body {
            Some(body) => builder.body(body.as_str()),
            None => builder.build(),
        }
        .map_err(|_| TransportError::Network)?;
        let response = built.send().await.map_err(|_| failure())?;
        let status = response.status();
        let retry_after = response.headers().get("retry-after");
        let body = response.text().await.map_err(|_| failure())?;
        drop(abort);
        Ok(HttpResponse { status, retry_after, body })
    }
}

pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    async fn sleep(&self, ms: f64) {
        gloo_timers::future::TimeoutFuture::new(ms.clamp(0.0, f64::from(u32::MAX)) as u32).await;
    }

    fn jitter(&self) -> f64 {
        js_sys::Math::random()
    }
}
