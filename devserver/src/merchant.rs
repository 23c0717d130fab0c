//! The demo merchant origin: serves `www/` and `pkg/`, takes `POST /charge {token}`, and records
//! every request it receives so tests can prove no card data reached it (`GET /__log`).

use axum::body::{to_bytes, Body};
use axum::extract::{Path, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::Deserialize;
use tower_http::services::ServeDir;

use crate::api_error::{error, json};
use crate::extract::{JsonBody, Params};
use crate::serve::Peer;
use crate::state::{lock, AppState, LogEntry};

const MAX_BODY: usize = 1 << 20;

pub fn router(state: AppState) -> Router {
    let root = state.config.root.clone();
    Router::new()
        .route("/charge", post(charge))
        .route("/charge/{id}/tds_finish", post(charge_tds_finish))
        .route("/__log", get(read_log))
        .route("/demo-config.json", get(demo_config))
        .nest_service("/pkg", ServeDir::new(root.join("pkg")))
        .fallback_service(ServeDir::new(root.join("www")))
        .layer(middleware::from_fn_with_state(state.clone(), record))
        .layer(middleware::from_fn_with_state(state.clone(), strict_csp))
        .with_state(state)
}

/// The demo pages run under a strict policy: scripts and styles from this origin only (styles
/// the SDK adds go through the CSSOM, which CSP allows), WebAssembly compilation, API calls to
/// the payment origin only, and Trusted Types for every script sink. Frames: the payment origin's,
/// and, for direct mode's 3-D Secure dialog (which frames PAY.JP's start page, which sends it on
/// to the card issuer), the issuer's.
pub fn csp(api_base: &str, issuer_origin: &str) -> String {
    let payment_origin = api_base.trim_end_matches("/v1");
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
connect-src 'self' {payment_origin}; frame-src {payment_origin} {issuer_origin}; form-action 'self'; base-uri 'none'; \
frame-ancestors 'none'; require-trusted-types-for 'script'"
    )
}

async fn strict_csp(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let is_html = response.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        if let Ok(value) = axum::http::HeaderValue::from_str(&csp(&state.config.api_base_url, &state.config.issuer_origin)) {
            response.headers_mut().insert("content-security-policy", value);
        }
    }
    response
}

/// The public key and API base the demo checkout uses: the payment origin's port is only known
/// once it is bound (tests use free ports).
async fn demo_config(State(state): State<AppState>) -> Response {
    json(200, &serde_json::json!({ "publicKey": DEMO_PUBLIC_KEY, "apiBase": state.config.api_base_url.clone() }))
}

/// The test-mode key of the demo merchant, and its account (its secret key is `sk_` + the account).
pub const DEMO_PUBLIC_KEY: &str = "pk_test_0123456789abcdef01234567";
const DEMO_ACCOUNT: &str = "test_0123456789abcdef01234567";

/// Records method, URI and the whole body of every request, then passes it on.
async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, MAX_BODY).await.unwrap_or_default();
    if parts.uri.path() != "/__log" {
        lock(&state.inner.merchant_log).push(LogEntry {
            method: parts.method.to_string(),
            uri: parts.uri.to_string(),
            body: String::from_utf8_lossy(&bytes).into_owned(),
        });
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

async fn read_log(State(state): State<AppState>, Extension(peer): Extension<Peer>) -> Response {
    if !peer.0.ip().is_loopback() {
        return error(403, "client_error", None, "The request log is loopback only.", None);
    }
    let entries: Vec<serde_json::Value> = lock(&state.inner.merchant_log)
        .iter()
        .map(|e| serde_json::json!({ "method": e.method, "uri": e.uri, "body": e.body }))
        .collect();
    json(200, &serde_json::Value::Array(entries))
}

/// The body of the demo merchant's `POST /charge`, as its checkout page sends it.
#[derive(Debug, Deserialize)]
struct ChargeRequest {
    token: Option<String>,
    /// Yen; 3980 when absent.
    amount: Option<u64>,
    three_d_secure: Option<bool>,
    /// The checkout's order id: the charge is made once per order (PAY.JP's `Idempotency-Key`
    /// does the same for a merchant's server); a repeated request gets the first answer.
    order: Option<String>,
}

/// `POST /charge {"token": "tok_…", "amount": 3980, "three_d_secure": false}`: what a merchant
/// server does with a token, through the same server API code as `POST /v1/charges` (the demo
/// merchant holds the secret key of the account that made the token). Refuses unknown, used and
/// unverified (3-D Secure) tokens as PAY.JP does; with `three_d_secure`, the charge waits for the
/// buyer's challenge (`openThreeDSecureIframe`) and `/charge/{id}/tds_finish`. The body is JSON
/// whatever its content type says; one that is not gets a 400 in PAY.JP's shape.
async fn charge(State(state): State<AppState>, JsonBody(request): JsonBody<ChargeRequest>) -> Response {
    let Some(token_id) = request.token else {
        return error(400, "invalid_request_error", Some("missing_param"), "Send {\"token\": \"tok_...\"}.", Some("token"));
    };
    let order = request.order.filter(|o| !o.is_empty() && o.len() <= 64);
    if let Some(first) = order.as_ref().and_then(|o| lock(&state.inner.orders).get(o).cloned()) {
        return replay(first);
    }
    let account = lock(&state.inner.tokens).get(&token_id).map_or_else(|| DEMO_ACCOUNT.to_string(), |t| t.account.clone());
    let amount = request.amount.unwrap_or(3980).to_string();
    let mut form: Params = [("card", token_id.as_str()), ("amount", &amount), ("currency", "jpy")].into_iter().collect();
    if request.three_d_secure == Some(true) {
        form.0.push(("three_d_secure".into(), "true".into()));
    }
    let response = crate::server_api::charge(&state, &account, &form).unwrap_or_else(|r| r);
    let Some(order) = order else { return response };
    // A declined or refused charge can be retried with another card; a made one is kept.
    let status = response.status().as_u16();
    let body = to_bytes(response.into_body(), MAX_BODY).await.unwrap_or_default().to_vec();
    if status == 200 {
        lock(&state.inner.orders).insert(order, (status, body.clone()));
    }
    replay((status, body))
}

/// A stored or buffered JSON answer.
fn replay((status, body): (u16, Vec<u8>)) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap_or_default()
}

/// `POST /charge/{id}/tds_finish`: what the merchant's server calls after the buyer's
/// charge-level challenge (PAY.JP's `POST /charges/{id}/tds_finish`).
async fn charge_tds_finish(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    crate::server_api::finish_charge_for(&state, &id)
}
