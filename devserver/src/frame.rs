//! The frame page of isolated mode, served by the payment origin: `www/frame.html` (+ its script
//! and stylesheet) and the package under `/pkg`. The page gets a strict CSP whose
//! `frame-ancestors` is the same allow-list as CORS, so only allowed merchant origins can embed
//! the card fields; any other embedder gets a blocked frame.

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::state::AppState;

/// The frame page's policy: its own scripts and styles, WebAssembly compilation, the token API
/// on this origin, and embedding by the allowed origins only.
pub fn csp(allow_origins: &[String]) -> String {
    let ancestors = if allow_origins.is_empty() { "'none'".to_string() } else { allow_origins.join(" ") };
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; \
img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors {ancestors}; \
require-trusted-types-for 'script'"
    )
}

pub fn router(state: AppState) -> Router<AppState> {
    let www = state.config.root.join("www");
    Router::new()
        .route_service("/frame.html", ServeFile::new(www.join("frame.html")))
        // An empty page of this origin: the floor `make bench` measures isolated fields against.
        .route_service("/blank.html", ServeFile::new(www.join("blank.html")))
        .nest_service("/pkg", ServeDir::new(state.config.root.join("pkg")))
        .layer(middleware::from_fn_with_state(state, frame_csp))
}

async fn frame_csp(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let is_html = response.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        if let Ok(value) = HeaderValue::from_str(&csp(&state.config.allow_origins)) {
            response.headers_mut().insert("content-security-policy", value);
        }
        // The fragment carries the nonce; never leak the URL onwards.
        response.headers_mut().insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    }
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn frame_ancestors_follow_the_allow_list() {
        let csp = super::csp(&["http://localhost:8080".into(), "http://127.0.0.1:*".into()]);
        assert!(csp.contains("frame-ancestors http://localhost:8080 http://127.0.0.1:*;"), "{csp}");
        assert!(super::csp(&[]).contains("frame-ancestors 'none'"));
    }
}
