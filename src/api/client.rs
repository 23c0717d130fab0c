//! The token API calls, independent of the browser: the HTTP transport and the clock are seams,
//! so the retry policy, deadlines and decoding run natively against fakes.
//!
//! The transport hands back each answer's body already parsed as JSON, as a [`Document`]: in the
//! browser the JS value `response.json()` made (read through three accessors, and handed on to the
//! merchant whole), natively a `serde_json::Value` in the tests. Why not serde-wasm-bindgen's
//! deserializer: it costs 19.4 KB gzipped, serde_json 32 KB (README, design decisions).

#[allow(unused_imports)]
use crate::prelude::*;

use core::cell::{Cell, RefCell};
use core::future::Future;

use zeroize::Zeroizing;

use super::config::ClientConfig;
use super::error::ApiError;
use super::gate::RequestGate;
use super::request::{path_segment, TokenRequest, CLIENT_USER_AGENT};
use super::response::{decode, Availability, ErrorBody, Token};
use super::retry::{is_retryable, parse_retry_after, Backoff, RetryPolicy};

/// An answer's body, parsed as JSON by the transport, read at a path of object keys.
pub trait Document {
    /// The string at `path`, if there is one.
    fn string(&self, path: &[&str]) -> Option<String>;
    /// The boolean at `path`, if there is one.
    fn boolean(&self, path: &[&str]) -> Option<bool>;
    /// The number at `path`, if there is one.
    fn number(&self, path: &[&str]) -> Option<f64>;
    /// Whether there is an array at `path`.
    fn is_array(&self, path: &[&str]) -> bool;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// A request for the transport. The body may hold card data: it is zeroised on drop.
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    /// Every header, `Authorization` among them ([`ClientConfig`] makes it); the transport sets
    /// them as they are.
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<Zeroizing<String>>,
    pub timeout_ms: f64,
}

impl core::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HttpRequest").field("method", &self.method).field("url", &self.url).finish_non_exhaustive()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse<D> {
    pub status: u16,
    pub retry_after: Option<String>,
    /// The body parsed as JSON; `None` when it is not JSON (a block page, a truncated body).
    pub json: Option<D>,
    /// Whether the answer says it is HTML (`Content-Type: text/html`): a block page.
    pub html: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransportError {
    /// The request could not be sent or the connection failed.
    Network,
    /// No answer within the timeout.
    Timeout,
}

/// Sends HTTP requests. The browser implementation uses `fetch` with an `AbortController`.
#[allow(async_fn_in_trait)]
pub trait Transport {
    type Document: Document;
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse<Self::Document>, TransportError>;
}

/// Time, sleeping and randomness, so tests can fake them.
#[allow(async_fn_in_trait)]
pub trait Clock {
    fn now_ms(&self) -> f64;
    async fn sleep(&self, ms: f64);
    /// Uniform in `[0, 1)`.
    fn jitter(&self) -> f64;
}

impl ClientConfig {
    /// A request to `path` with this configuration's headers (its `Authorization` among them) and
    /// per-request timeout.
    fn request(&self, method: Method, path: &str, body: Option<Zeroizing<String>>) -> HttpRequest {
        let mut headers = vec![("Authorization", self.authorization().to_string()), ("X-Payjp-Client-User-Agent", CLIENT_USER_AGENT.to_string())];
        if body.is_some() {
            headers.push(("Content-Type", "application/x-www-form-urlencoded".to_string()));
        }
        HttpRequest { method, url: self.api_base.join(path), headers, body, timeout_ms: self.timeout_ms }
    }
}

/// Sends `request`, retrying 429 and 503 as the policy allows, all within the deadline. A
/// request waits until `backoff` lets it go; the refusals it meets carry on in `backoff`.
pub async fn send_with_retries<T: Transport>(
    transport: &T,
    clock: &impl Clock,
    policy: &RetryPolicy,
    backoff: &Cell<Backoff>,
    mut request: HttpRequest,
) -> Result<HttpResponse<T::Document>, ApiError> {
    let start = clock.now_ms();
    let per_try_timeout = request.timeout_ms;
    let mut refused = None;
    for _ in 0..=policy.max_retries {
        let now = clock.now_ms();
        let at = backoff.get().resume_ms.max(now);
        if !policy.may_send(start, at, per_try_timeout) {
            break;
        }
        if at > now {
            clock.sleep(at - now).await;
        }
        request.timeout_ms = per_try_timeout.min(start + policy.deadline_ms - at);
        let response = transport.send(&request).await.map_err(|e| match e {
            TransportError::Timeout => ApiError::timeout(),
            TransportError::Network => ApiError::network(),
        })?;
        if !is_retryable(response.status) {
            backoff.set(Backoff::default());
            return Ok(response);
        }
        let retry_after = response.retry_after.as_deref().and_then(parse_retry_after);
        let refusals = backoff.get().refusals.saturating_add(1);
        backoff.set(Backoff { refusals, resume_ms: clock.now_ms() + policy.backoff_ms(refusals, retry_after, clock.jitter()) });
        refused = Some(response);
    }
    match refused {
        // Out of retries or time: a PAY.JP-shaped answer is decoded as any error is (keeping
        // the API's text; a 503 is a server_error); a 429 from something else, or none sent
        // because the API asked this instance to wait past the deadline, is "over capacity".
        Some(response) if response.status != 429 || response.json.as_ref().and_then(ErrorBody::read).is_some() => Ok(response),
        _ => Err(ApiError::over_capacity()),
    }
}

/// `POST /tokens`: the token, as PAY.JP sent it. The request's card buffers are zeroised when
/// `request` is dropped here.
pub async fn create_token<T: Transport>(transport: &T, clock: &impl Clock, config: &ClientConfig, request: TokenRequest) -> Result<T::Document, ApiError> {
    create_token_with(transport, clock, config, &Cell::default(), request).await
}

async fn create_token_with<T: Transport>(transport: &T, clock: &impl Clock, config: &ClientConfig, backoff: &Cell<Backoff>, request: TokenRequest) -> Result<T::Document, ApiError> {
    let http = config.request(Method::Post, "/tokens", Some(request.form_body()));
    drop(request);
    let response = send_with_retries(transport, clock, &config.retry, backoff, http).await?;
    decode(response, Token::read)
}

/// `POST /tokens` for a call the instance's gate let through ([`super::gate::call`]): first lets
/// `earlier` (the call before it, for other card data) settle, then waits out the gate's
/// cool-down, then sends, continuing the instance's backoff; the gate learns when it completed
/// and how the API pushed back. The gate runs one call at a time, so the backoff is the call's
/// while it runs.
pub async fn create_token_gated<T: Transport, H: Clone>(
    transport: &T,
    clock: &impl Clock,
    config: &ClientConfig,
    gate: &RefCell<RequestGate<H>>,
    key: u64,
    earlier: Option<impl Future>,
    request: TokenRequest,
) -> Result<T::Document, ApiError> {
    if let Some(earlier) = earlier {
        earlier.await;
    }
    let wait = gate.borrow().cooldown_ms(clock.now_ms());
    if wait > 0.0 {
        clock.sleep(wait).await;
    }
    let backoff = Cell::new(gate.borrow().backoff);
    let result = create_token_with(transport, clock, config, &backoff, request).await;
    let mut gate = gate.borrow_mut();
    gate.backoff = backoff.get();
    gate.finish(key, clock.now_ms());
    result
}

/// `POST /tokens/{id}/tds_finish`: the token with its 3-D Secure outcome.
pub async fn finish_three_d_secure<T: Transport>(transport: &T, clock: &impl Clock, config: &ClientConfig, id: &str) -> Result<T::Document, ApiError> {
    let path = format!("/tokens/{}/tds_finish", path_segment(id));
    let response = send_with_retries(transport, clock, &config.retry, &Cell::default(), config.request(Method::Post, &path, Some(Zeroizing::new(String::new())))).await?;
    decode(response, Token::read)
}

/// `GET /accounts/brands[?tenant=…]` → `{card_types_supported, livemode}`; a platform passes the
/// tenant whose brands it wants.
pub async fn retrieve_availability<T: Transport>(transport: &T, clock: &impl Clock, config: &ClientConfig, tenant: Option<&str>) -> Result<T::Document, ApiError> {
    let mut path = String::from("/accounts/brands");
    if let Some(tenant) = tenant.filter(|t| !t.is_empty()) {
        path.push('?');
        path.push_str(&form_urlencoded::Serializer::new(String::new()).append_pair("tenant", tenant).finish());
    }
    let response = send_with_retries(transport, clock, &config.retry, &Cell::default(), config.request(Method::Get, &path, None)).await?;
    decode(response, Availability::read)
}

/// What `checkConnection()` found.
#[derive(Clone, Debug, PartialEq)]
pub enum Connection {
    /// PAY.JP answered (an error body counts: the CDN test host answers 404 on purpose).
    Reachable { status: u16, latency_ms: f64 },
    Unreachable(UnreachableReason),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnreachableReason {
    /// No answer at all.
    Network,
    /// Something other than PAY.JP answered with a block page (HTML, 403).
    Blocked,
    /// An answer that is not PAY.JP's JSON.
    InvalidResponse,
}

impl UnreachableReason {
    pub fn as_str(self) -> &'static str {
        match self {
            UnreachableReason::Network => "network",
            UnreachableReason::Blocked => "blocked",
            UnreachableReason::InvalidResponse => "invalid_response",
        }
    }
}

/// One `GET /accounts/brands`, no retries: is PAY.JP (or its CDN) answering with its own JSON?
pub async fn check_connection<T: Transport>(transport: &T, clock: &impl Clock, config: &ClientConfig) -> Connection {
    let start = clock.now_ms();
    let request = config.request(Method::Get, "/accounts/brands", None);
    let response = match transport.send(&request).await {
        Ok(r) => r,
        Err(_) => return Connection::Unreachable(UnreachableReason::Network),
    };
    let latency_ms = clock.now_ms() - start;
    let json = response.json.as_ref();
    let payjp_shaped = json.is_some_and(|j| {
        if (200..300).contains(&response.status) { Availability::read(j).is_some() } else { ErrorBody::read(j).is_some() }
    });
    if payjp_shaped {
        Connection::Reachable { status: response.status, latency_ms }
    } else if json.is_none() && (response.status == 403 || response.html) {
        Connection::Unreachable(UnreachableReason::Blocked)
    } else {
        Connection::Unreachable(UnreachableReason::InvalidResponse)
    }
}
