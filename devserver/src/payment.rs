//! The payment origin: its router (the token API and the server API under `/v1`, 3-D Secure's
//! start and finish under `/v1/tds`, the frame pages), the layers every API request passes
//! (origin check, CDN test mode, faults, Basic auth, rate limit), the token API's handlers, and
//! the loopback-only test control endpoints (`/__control`).
//!
//! Handlers name what they read as axum extractors: the key (`ApiKey`, `PublicKey`, `SecretKey`
//! from `keys.rs`), form bodies and query strings (`FormParams`, `QueryParams`) and JSON bodies
//! (`JsonBody`) from `extract.rs`, whose rejections are PAY.JP's error bodies.

use std::collections::VecDeque;
use std::time::Instant;

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Extension, Router};
use payjp_wasm::core::{self as card_core, Network};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::api_error::{self, card_error, error, json, raw};
use crate::cards::{test_card, Behaviour};
use crate::clock::{current_year_month, unix_now};
use crate::cors;
use crate::extract::{FormParams, JsonBody, Params, QueryParams};
use crate::faults::{Fault, FaultKind, FAULT_HEADER, GARBAGE_BODY, HTML_BLOCK_PAGE, TRUNCATED_BODY};
use crate::ids::random_id;
use crate::keys::{self, ApiKey, PublicKey};
use crate::serve::{DropConnection, Peer};
use crate::server_api;
use crate::state::{lock, AppState, StoredToken};

/// Adds to the global counters and to those of the presented key.
fn count(state: &AppState, key: Option<&str>, f: impl Fn(&mut crate::state::Stats)) {
    f(&mut lock(&state.inner.stats));
    if let Some(key) = key {
        f(lock(&state.inner.stats_by_key).entry(key.to_string()).or_default());
    }
}

/// The fault chosen for a request by [`gate`]; `Err` when the header's spec did not parse.
#[derive(Clone, Debug)]
struct ChosenFault(Result<Fault, String>);

pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/tokens", post(create_token))
        .route("/tokens/{id}", get(retrieve_token))
        .route("/tokens/{id}/tds_finish", post(tds_finish))
        .route("/accounts/brands", get(brands))
        // The server API (secret key): crate::server_api.
        .route("/charges", post(server_api::create_charge))
        .route("/charges/{id}", get(server_api::retrieve_charge))
        .route("/charges/{id}/capture", post(server_api::capture_charge))
        .route("/charges/{id}/tds_finish", post(server_api::finish_charge))
        .route("/customers", post(server_api::create_customer))
        .route("/customers/{id}", get(server_api::retrieve_customer))
        .route("/three_d_secure_requests", post(server_api::create_tds_request))
        .route("/three_d_secure_requests/{id}", get(server_api::retrieve_tds_request))
        .fallback(|| async { unrecognized() })
        // A known URL with another method (`POST /v1/tokens/{id}`) is as unknown to PAY.JP's API,
        // rather than axum's empty 405 (found by fuzz/fuzz_targets/devserver_request.rs).
        .method_not_allowed_fallback(|| async { unrecognized() })
        .layer(middleware::from_fn_with_state(state.clone(), api_layer));
    let control = Router::new()
        .route("/faults", post(queue_faults))
        .route("/stats", get(stats))
        .route("/reset", post(reset))
        .route("/tds", post(crate::tds::control))
        .layer(middleware::from_fn_with_state(state.clone(), control_layer));
    // 3-D Secure's start and finish are opened by the buyer's browser, without Basic auth; the
    // issuer itself is on its own origin (crate::tds::issuer_router).
    let tds = Router::new().route("/{id}/start", get(crate::tds::start)).route("/{id}/finish", get(crate::tds::finish));
    Router::new()
        .nest("/v1/tds", tds)
        .nest("/v1", api)
        // `/v1/` itself is outside the nest (its catch-all wants a segment): the same JSON 404
        // (found by fuzz/fuzz_targets/devserver_request.rs).
        .route("/v1/", any(|| async { unrecognized() }))
        .nest("/__control", control)
        .merge(crate::frame::router(state.clone()))
        .with_state(state)
}

/// PAY.JP's answer to a URL (or a method on it) its API does not have.
fn unrecognized() -> Response {
    error(404, "client_error", Some("invalid_request"), "Unrecognized request URL.", None)
}

/// Runs before routing: picks this request's fault and drops the connection if it says so.
pub fn gate(state: &AppState, req: &mut Request) -> Result<(), DropConnection> {
    if !req.uri().path().starts_with("/v1/") || req.uri().path().starts_with("/v1/tds/") || req.method() == Method::OPTIONS {
        return Ok(());
    }
    let key = keys::presented(req.headers());
    let chosen = match req.headers().get(FAULT_HEADER) {
        Some(spec) => Fault::parse(spec.to_str().unwrap_or("")),
        None => {
            let mut queues = lock(&state.inner.faults);
            let for_key = queues.get_mut(&key).and_then(VecDeque::pop_front);
            Ok(for_key.or_else(|| queues.get_mut(&None).and_then(VecDeque::pop_front)).unwrap_or_default())
        }
    };
    if matches!(&chosen, Ok(Fault { kind: Some(FaultKind::Drop), .. })) {
        count(state, key.as_deref(), |s| s.faults_applied += 1);
        println!("devserver: fault: dropped the connection for {}", req.uri().path());
        return Err(DropConnection);
    }
    req.extensions_mut().insert(ChosenFault(chosen));
    Ok(())
}

fn origin(headers: &HeaderMap) -> Option<String> {
    headers.get("origin").and_then(|o| o.to_str().ok()).map(str::to_string)
}

/// Origin checks, CDN test mode, faults, authentication and the rate limit, in the order a
/// request meets them on the way to PAY.JP.
async fn api_layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let origin = origin(req.headers());
    if let Some(o) = &origin {
        // The frame pages of isolated mode call the API from the payment origin itself.
        if !cors::origin_allowed(&state.config.allow_origins, o) && *o != state.config.payment_origin() {
            return error(403, "client_error", Some("origin_not_allowed"), "This origin is not allowed to call the API.", None);
        }
    }
    if req.method() == Method::OPTIONS {
        let mut response = raw(204, "text/plain", "");
        if let Some(o) = &origin {
            cors::preflight(response.headers_mut(), o);
        }
        return response;
    }
    let mut response = match guarded(&state, &mut req).await {
        Some(answer) => answer,
        None if req.extensions().get::<LoseAnswer>().is_some() => {
            // `lost`: the request is made; its answer breaks off after the headers and the first
            // bytes (before any byte, a browser would send the request again on a new connection).
            let (parts, _) = next.run(req).await.into_parts();
            let broken = futures_util::stream::unfold(0, |step| async move {
                match step {
                    0 => Some((Ok(axum::body::Bytes::from_static(b"{\"id\": \"tok_")), 1)),
                    // Time for those bytes to leave before the connection breaks.
                    1 => {
                        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                        Some((Err(std::io::Error::other("the answer was lost")), 2))
                    }
                    _ => None,
                }
            });
            Response::from_parts(parts, axum::body::Body::from_stream(broken))
        }
        None => next.run(req).await,
    };
    if let Some(o) = &origin {
        cors::allow(response.headers_mut(), o);
    }
    response
}

/// Everything before the handler. `Some` is an early answer.
async fn guarded(state: &AppState, req: &mut Request) -> Option<Response> {
    if state.config.cdn_test {
        return Some(raw(404, "application/json; charset=utf-8", api_error::CDN_TEST));
    }
    let presented = keys::presented(req.headers());
    let presented = presented.as_deref();
    count(state, presented, |s| s.requests += 1);
    if req.method() == Method::POST && req.uri().path().ends_with("/tokens") {
        count(state, presented, |s| s.token_requests += 1);
    }
    let fault = req.extensions_mut().remove::<ChosenFault>().map(|f| f.0).unwrap_or(Ok(Fault::default()));
    let fault = match fault {
        Ok(f) => f,
        Err(message) => return Some(error(400, "client_error", Some("invalid_fault"), &message, None)),
    };
    if fault != Fault::default() {
        count(state, presented, |s| s.faults_applied += 1);
    }
    if fault.kind == Some(FaultKind::Lost) {
        req.extensions_mut().insert(LoseAnswer);
    } else if let Some(answer) = apply_fault(state, &fault).await {
        return Some(answer);
    }
    let key = match keys::authenticate(presented) {
        Ok(key) => key,
        Err(answer) => return Some(answer),
    };
    // Browsers send Origin with every cross-origin request (and with same-origin POSTs); PAY.JP's
    // libraries and servers do not. A secret key arriving with one was shipped to a browser.
    if key.secret && req.headers().contains_key("origin") {
        return Some(error(
            403,
            "auth_error",
            Some("secret_key_in_browser"),
            "A secret key (sk_...) was sent from a browser. Keep it on your server; the browser uses the public key (pk_...).",
            None,
        ));
    }
    if let Err(wait) = lock(&state.inner.buckets).take(&key.key, state.config.rate, Instant::now()) {
        count(state, presented, |s| s.rate_limited += 1);
        return Some(over_capacity(state, wait.as_secs_f64().ceil().max(1.0) as u64));
    }
    req.extensions_mut().insert(key);
    None
}

/// Marks a request whose answer the `lost` fault breaks off.
#[derive(Clone, Copy)]
struct LoseAnswer;

fn over_capacity(state: &AppState, retry_after_secs: u64) -> Response {
    let mut response = raw(429, "application/json; charset=utf-8", api_error::OVER_CAPACITY);
    if state.config.retry_after {
        response.headers_mut().insert("retry-after", HeaderValue::from(retry_after_secs));
    }
    response
}

async fn apply_fault(state: &AppState, fault: &Fault) -> Option<Response> {
    if fault == &Fault::default() {
        return None;
    }
    if let Some(latency) = fault.latency {
        tokio::time::sleep(latency).await;
    }
    let answer = match fault.kind? {
        FaultKind::Status(429) => over_capacity(state, 1),
        FaultKind::Status(503) => {
            let mut r = raw(503, "application/json; charset=utf-8", api_error::SERVICE_UNAVAILABLE);
            if state.config.retry_after {
                r.headers_mut().insert("retry-after", HeaderValue::from(1u64));
            }
            r
        }
        FaultKind::Status(_) => raw(500, "application/json; charset=utf-8", api_error::SERVER_ERROR),
        FaultKind::Html403 => raw(403, "text/html; charset=utf-8", HTML_BLOCK_PAGE),
        FaultKind::Truncated => raw(200, "application/json; charset=utf-8", TRUNCATED_BODY),
        FaultKind::Garbage => raw(200, "application/json; charset=utf-8", GARBAGE_BODY),
        FaultKind::Drop => unreachable!("dropped in the gate"),
        FaultKind::Lost => unreachable!("answered by the handler, then broken off"),
    };
    println!("devserver: fault: answered {}", answer.status());
    Some(answer)
}

fn fingerprint(secret: &[u8], number: &str) -> String {
    let mut h = Sha256::new();
    h.update(secret);
    h.update(b"\0card-fingerprint\0");
    h.update(number.as_bytes());
    h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Checks the card fields the way PAY.JP does at token creation. `Err` is the error answer.
fn check_card(form: &Params, key: &ApiKey) -> Result<CardFields, Response> {
    let Some(number) = form.filled("card[number]") else {
        return Err(error(400, "invalid_request_error", Some("missing_card"), "Missing card data: card[number] is required.", Some("card")));
    };
    let number_check = card_core::validate_card_number(number);
    if number_check.problem.map(|p| p.code().as_str()) == Some("unacceptable_brand") {
        return Err(card_error("unacceptable_brand", Some("card[number]")));
    }
    if !number_check.is_valid || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(card_error("invalid_number", Some("card[number]")));
    }
    let network = number_check.detection.network().expect("a valid number has a network");
    let exp_month: u8 = match form.filled("card[exp_month]").and_then(|m| m.parse().ok()) {
        Some(m) if (1..=12).contains(&m) => m,
        _ => return Err(card_error("invalid_expiry_month", Some("card[exp_month]"))),
    };
    let exp_year: u16 = match form.filled("card[exp_year]") {
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => y.parse().expect("four digits"),
        Some(y) if y.len() == 2 && y.bytes().all(|b| b.is_ascii_digit()) => 2000 + y.parse::<u16>().expect("two digits"),
        _ => return Err(card_error("invalid_expiry_year", Some("card[exp_year]"))),
    };
    let now = current_year_month();
    if (exp_year, exp_month) < (now.year, now.month) || exp_year > now.year + 20 {
        return Err(card_error("invalid_expiration_date", Some("card[exp_year]")));
    }
    if let Some(cvc) = form.filled("card[cvc]") {
        let check = card_core::validate_cvc(cvc, Some(network));
        if !check.is_valid || cvc.len() != check.value.len() {
            return Err(card_error("invalid_cvc", Some("card[cvc]")));
        }
    }
    let name = form.filled("card[name]");
    if let Some(name) = name {
        let check = card_core::validate_holder_name(name);
        if !check.is_valid || check.value != name {
            return Err(card_error("invalid_card_name", Some("card[name]")));
        }
    }
    let email = form.filled("card[email]");
    if let Some(email) = email {
        if !card_core::validate_email(email).is_valid {
            return Err(card_error("invalid_email", Some("card[email]")));
        }
    }
    let phone = form.filled("card[phone]");
    if let Some(phone) = phone {
        let check = card_core::validate_phone(phone);
        if !check.is_valid || check.value != phone {
            return Err(card_error("invalid_phone", Some("card[phone]")));
        }
    }
    let three_d_secure = form.filled("three_d_secure") == Some("true");
    if three_d_secure {
        if name.is_none() {
            return Err(error(400, "invalid_request_error", Some("invalid_card_name"), "3-D Secure needs card[name].", Some("card[name]")));
        }
        if email.is_none() && phone.is_none() {
            return Err(error(400, "invalid_request_error", Some("invalid_email"), "3-D Secure needs card[email] or card[phone].", Some("card[email]")));
        }
    }
    let behaviour = test_card(number);
    if key.live && behaviour.is_some() {
        return Err(card_error("test_card_on_livemode", Some("card[number]")));
    }
    if let Some(Behaviour::Decline(code)) = behaviour {
        return Err(card_error(code, Some("card[number]")));
    }
    Ok(CardFields { network, exp_month, exp_year, three_d_secure, behaviour: behaviour.unwrap_or(Behaviour::Succeed) })
}

struct CardFields {
    network: Network,
    exp_month: u8,
    exp_year: u16,
    three_d_secure: bool,
    behaviour: Behaviour,
}

/// `POST /v1/tokens`, with a public key: a card's form fields (`card[number]`, …) become a token.
/// Empty fields count as absent.
async fn create_token(State(state): State<AppState>, PublicKey(key): PublicKey, FormParams(form): FormParams) -> Response {
    let fields = match check_card(&form, &key) {
        Ok(fields) => fields,
        Err(answer) => {
            println!("devserver: token refused: {}", answer.status());
            return answer;
        }
    };
    let number = form.filled("card[number]").expect("checked");
    let last4 = &number[number.len() - 4..];
    let created = unix_now();
    let (cvc_check, zip_check) = match fields.behaviour {
        Behaviour::Checks { cvc_check, address_zip_check } => (cvc_check, address_zip_check),
        _ => (None, None),
    };
    let cvc_check = cvc_check.unwrap_or(if form.filled("card[cvc]").is_some() { "passed" } else { "unchecked" });
    let zip_check = zip_check.unwrap_or(if form.filled("card[address_zip]").is_some() { "passed" } else { "unchecked" });
    let field = |name: &str| form.filled(name).map_or(serde_json::Value::Null, |v| v.into());
    let token_id = random_id("tok_");
    let card = serde_json::json!({
        "object": "card",
        "id": random_id("car_"),
        "brand": fields.network.payjp_name(),
        "last4": last4,
        "exp_month": fields.exp_month,
        "exp_year": fields.exp_year,
        "fingerprint": fingerprint(&state.config.fingerprint_secret, number),
        "name": field("card[name]"),
        "email": field("card[email]"),
        "phone": field("card[phone]"),
        "country": field("card[country]"),
        "address_state": field("card[address_state]"),
        "address_city": field("card[address_city]"),
        "address_line1": field("card[address_line1]"),
        "address_line2": field("card[address_line2]"),
        "address_zip": field("card[address_zip]"),
        "address_zip_check": zip_check,
        "cvc_check": cvc_check,
        "three_d_secure_status": if fields.three_d_secure { "unverified".into() } else { serde_json::Value::Null },
        "customer": null,
        "metadata": {},
        "livemode": key.live,
        "created": created,
    });
    let token = serde_json::json!({
        "object": "token",
        "id": token_id,
        "card": card,
        "created": created,
        "livemode": key.live,
        "used": false,
    });
    let charge_failure = match fields.behaviour {
        Behaviour::ChargeFails(code) => Some(code),
        _ => None,
    };
    lock(&state.inner.tokens).insert(
        token_id.clone(),
        StoredToken { json: token.clone(), account: key.account.clone(), used: false, charge_failure },
    );
    count(&state, Some(&key.key), |s| s.tokens_created += 1);
    if let Some(tenant) = form.filled("tenant") {
        count(&state, Some(&key.key), |s| s.last_tenant = Some(tenant.to_string()));
    }
    println!("devserver: token {token_id} created: {} ****{last4}", fields.network.payjp_name().unwrap_or("?"));
    json(200, &token)
}

fn token_not_found(id: &str) -> Response {
    error(404, "client_error", Some("invalid_id"), &format!("No such token: {id}"), Some("id"))
}

/// `GET /v1/tokens/{id}`, with the public or the secret key of the account that made it.
async fn retrieve_token(State(state): State<AppState>, key: ApiKey, Path(id): Path<String>) -> Response {
    match lock(&state.inner.tokens).get(&id) {
        Some(t) if t.account == key.account => {
            let mut json_value = t.json.clone();
            json_value["used"] = t.used.into();
            json(200, &json_value)
        }
        _ => token_not_found(&id),
    }
}

/// `POST /v1/tokens/{id}/tds_finish`, with the public key (the browser, PAY.JP's mobile SDKs) or
/// the secret key (the merchant's server): applies what the buyer chose at the issuer
/// (`crate::tds`). Before the challenge is done, PAY.JP answers `three_d_secure_incompleted`.
async fn tds_finish(State(state): State<AppState>, key: ApiKey, Path(id): Path<String>) -> Response {
    let mut tokens = lock(&state.inner.tokens);
    let Some(t) = tokens.get_mut(&id).filter(|t| t.account == key.account) else {
        return token_not_found(&id);
    };
    match t.json["card"]["three_d_secure_status"].as_str() {
        Some("unverified") => {}
        // Finished already (by the browser's SDK, say, before the merchant's server calls it as
        // PAY.JP's guide says): the same token again, so that both may call it.
        Some(_) => return json(200, &t.json),
        None => return error(400, "client_error", Some("invalid_three_d_secure_status"), "This token was not made with three_d_secure.", Some("id")),
    }
    let Some(outcome) = lock(&state.inner.tds_outcomes).remove(&id) else {
        return error(400, "client_error", Some("three_d_secure_incompleted"), "3-D Secure has not been completed for this token.", Some("id"));
    };
    t.json["card"]["three_d_secure_status"] = outcome.status().into();
    json(200, &t.json)
}

async fn brands(State(state): State<AppState>, key: ApiKey, QueryParams(query): QueryParams) -> Response {
    if let Some(tenant) = query.get("tenant") {
        count(&state, Some(&key.key), |s| s.last_tenant = Some(tenant.to_string()));
    }
    json(
        200,
        &serde_json::json!({
            "card_types_supported": ["Visa", "MasterCard", "JCB", "American Express", "Diners Club", "Discover"],
            "livemode": key.live,
        }),
    )
}

/// Whether the request's Host names this machine (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`,
/// any port). A missing Host (HTTP/1.0) is refused.
pub fn host_is_loopback(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get("host").and_then(|h| h.to_str().ok()) else { return false };
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, port)| if port.bytes().all(|b| b.is_ascii_digit()) { name } else { host })
    };
    let name = name.to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost") || name == "::1" || name.parse::<std::net::Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
}

/// Control endpoints answer loopback peers only, with CORS for the allowed origins so that
/// browser tests can use them. A page in the developer's browser must not drive them: a request
/// that carries any other `Origin` is refused, and a POST must be JSON (which a cross-origin page
/// cannot send without a preflight, and the preflight is only granted to allowed origins).
async fn control_layer(State(state): State<AppState>, Extension(peer): Extension<Peer>, req: Request, next: Next) -> Response {
    if !peer.0.ip().is_loopback() {
        return error(403, "client_error", None, "Control endpoints are loopback only.", None);
    }
    // DNS rebinding: a page whose own host name resolves to 127.0.0.1 reaches us same-origin, with
    // no Origin header to refuse. Its Host header still names it.
    if !host_is_loopback(req.headers()) {
        return error(403, "client_error", Some("host_not_allowed"), "Control endpoints answer localhost, 127.0.0.1 and [::1] only.", None);
    }
    let origin = origin(req.headers());
    if let Some(o) = &origin {
        if !cors::origin_allowed(&state.config.allow_origins, o) {
            return error(403, "client_error", Some("origin_not_allowed"), "Control endpoints refuse this origin.", None);
        }
    }
    if req.method() == Method::POST {
        let content_type = req.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
        if !content_type.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json")) {
            return error(415, "client_error", Some("unsupported_media_type"), "Control endpoints take application/json only.", None);
        }
    }
    let mut response = if req.method() == Method::OPTIONS { raw(204, "text/plain", "") } else { next.run(req).await };
    if let Some(o) = origin {
        cors::preflight(response.headers_mut(), &o);
    }
    response
}

/// The body of `POST /__control/faults`.
#[derive(Debug, Deserialize)]
struct QueueFaults {
    /// A fault spec as `X-Devserver-Fault` takes it (`faults.rs`); empty, a request without fault.
    #[serde(default)]
    fault: String,
    /// How many requests it applies to; 1 when absent, at most [`MAX_QUEUED_FAULTS`].
    count: Option<u64>,
    /// The presented key whose requests it applies to; absent, any request.
    key: Option<String>,
}

/// The most requests one `POST /__control/faults` may queue a fault for: a count is stored as that
/// many entries, and `2^64 - 1` of them panicked (capacity overflow) or aborted the devserver
/// (an allocation that fails). Found with fuzz/fuzz_targets/devserver_request.rs.
pub const MAX_QUEUED_FAULTS: u64 = 1000;

/// `POST /__control/faults` with `{"fault": "status=429", "count": 2, "key": "pk_test_…"}`
/// queues a fault for the next `count` API requests made with `key` (any key when absent).
async fn queue_faults(State(state): State<AppState>, JsonBody(body): JsonBody<QueueFaults>) -> Response {
    let QueueFaults { fault: spec, count, key } = body;
    let count = count.unwrap_or(1);
    if count > MAX_QUEUED_FAULTS {
        return error(400, "client_error", Some("invalid_fault"), "count: at most 1000 requests at a time.", Some("count"));
    }
    match Fault::parse(&spec) {
        Ok(fault) => {
            let mut faults = lock(&state.inner.faults);
            let queue = faults.entry(key).or_default();
            queue.extend(std::iter::repeat_n(fault, count as usize));
            json(200, &serde_json::json!({ "queued": queue.len() }))
        }
        Err(message) => error(400, "client_error", Some("invalid_fault"), &message, None),
    }
}

/// `GET /__control/stats`, or `?key=pk_…` for the counters of one presented key.
async fn stats(State(state): State<AppState>, QueryParams(query): QueryParams) -> Response {
    match query.get("key") {
        Some(key) => json(200, &lock(&state.inner.stats_by_key).get(key).cloned().unwrap_or_default().to_json()),
        None => json(200, &lock(&state.inner.stats).to_json()),
    }
}

/// Clears faults, rate buckets, counters, the merchant log and the 3-D Secure switches; tokens
/// and other objects stay valid.
async fn reset(State(state): State<AppState>) -> Response {
    lock(&state.inner.faults).clear();
    lock(&state.inner.tds_modes).clear();
    *lock(&state.inner.tds_refuse_framing) = false;
    lock(&state.inner.buckets).clear();
    *lock(&state.inner.stats) = Default::default();
    lock(&state.inner.stats_by_key).clear();
    lock(&state.inner.merchant_log).clear();
    lock(&state.inner.orders).clear();
    lock(&state.inner.faults).clear();
    json(200, &serde_json::json!({ "reset": true })).into_response()
}
