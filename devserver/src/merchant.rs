//! The demo merchant origin: serves `www/` and `pkg/`, takes `POST /charge {token}`, and records
//! every request it receives so tests can prove no card data reached it (`GET /__log`).

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};
use tower_http::services::ServeDir;

use crate::api_error::{error, json};
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
/// the payment origin only, and Trusted Types for every script sink.
pub fn csp(api_base: &str) -> String {
    let payment_origin = api_base.trim_end_matches("/v1");
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
connect-src 'self' {payment_origin}; frame-src {payment_origin}; form-action 'self'; base-uri 'none'; \
frame-ancestors 'none'; require-trusted-types-for 'script'"
    )
}

async fn strict_csp(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let is_html = response.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        if let Ok(value) = axum::http::HeaderValue::from_str(&csp(&state.config.api_base_url)) {
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

/// The test-mode key of the demo merchant.
pub const DEMO_PUBLIC_KEY: &str = "pk_test_0123456789abcdef01234567";

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

/// `POST /charge {"token": "tok_…", "amount": 3980}`: what a merchant server does with a token,
/// in test mode. Refuses unknown, used and unverified (3-D Secure) tokens as PAY.JP does.
async fn charge(State(state): State<AppState>, body: Bytes) -> Response {
    let request: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let Some(token_id) = request["token"].as_str() else {
        return error(400, "invalid_request_error", Some("missing_param"), "Send {\"token\": \"tok_...\"}.", Some("token"));
    };
    let amount = request["amount"].as_u64().unwrap_or(3980);
    let mut tokens = lock(&state.inner.tokens);
    let Some(token) = tokens.get_mut(token_id) else {
        return error(404, "client_error", Some("invalid_id"), &format!("No such token: {token_id}"), Some("token"));
    };
    if token.used {
        return error(400, "client_error", Some("token_already_used"), "This token has already been used.", Some("token"));
    }
    if token.json["card"]["three_d_secure_status"] == "unverified" {
        return error(400, "client_error", Some("unverified_token"), "3-D Secure has not been completed for this token.", Some("token"));
    }
    let tds = token.json["card"]["three_d_secure_status"].as_str().unwrap_or("");
    if tds == "failed" || tds == "aborted" {
        return error(402, "card_error", Some("three_d_secure_failed"), "3-D Secure failed for this card.", Some("token"));
    }
    token.used = true;
    if let Some(code) = token.charge_failure {
        return error(402, "card_error", Some(code), crate::cards::decline_message(code), None);
    }
    let card = &token.json["card"];
    let mut id = [0u8; 12];
    getrandom::fill(&mut id).expect("randomness");
    let id: String = format!("ch_{}", id.iter().map(|b| format!("{b:02x}")).collect::<String>());
    let mut charge = serde_json::json!({
        "object": "charge",
        "id": id,
        "amount": amount,
        "currency": "jpy",
        "paid": true,
        "captured": true,
        "livemode": token.json["livemode"],
        "card": { "brand": card["brand"], "last4": card["last4"], "three_d_secure_status": card["three_d_secure_status"] },
    });
    // Charge-level 3-D Secure: the charge waits for the buyer's challenge and tds_finish.
    if request["three_d_secure"] == true && card["three_d_secure_status"].is_null() {
        let public_key = token.public_key.clone();
        drop(tokens);
        let mut pending = charge.clone();
        pending["paid"] = false.into();
        pending["captured"] = false.into();
        pending["three_d_secure_status"] = "unverified".into();
        lock(&state.inner.pending_charges).insert(id.clone(), crate::state::PendingCharge { public_key, charge: charge.clone() });
        println!("devserver: charge {id} waits for 3-D Secure");
        return json(200, &pending);
    }
    charge["three_d_secure_status"] = card["three_d_secure_status"].clone();
    println!("devserver: charged {amount} JPY to {} ****{}", card["brand"].as_str().unwrap_or("?"), card["last4"].as_str().unwrap_or("?"));
    json(200, &charge)
}

/// `POST /charge/{id}/tds_finish`: what the merchant's server calls after the buyer's
/// charge-level challenge (PAY.JP's `POST /charges/{id}/tds_finish`).
async fn charge_tds_finish(State(state): State<AppState>, axum::extract::Path(id): axum::extract::Path<String>) -> Response {
    let Some(pending) = lock(&state.inner.pending_charges).get(&id).cloned() else {
        return error(404, "client_error", Some("invalid_id"), &format!("No such charge waiting for 3-D Secure: {id}"), None);
    };
    let outcome = lock(&state.inner.tds_outcomes).get(&id).copied();
    match outcome {
        None => error(400, "client_error", Some("three_d_secure_incompleted"), "3-D Secure has not been completed for this charge.", None),
        Some(o) => {
            lock(&state.inner.pending_charges).remove(&id);
            match o {
                crate::tds::Outcome::Verified | crate::tds::Outcome::Attempted => {
                    let mut charge = pending.charge;
                    charge["three_d_secure_status"] = o.status().into();
                    json(200, &charge)
                }
                _ => error(402, "card_error", Some("three_d_secure_failed"), "3-D Secure failed for this charge.", None),
            }
        }
    }
}
