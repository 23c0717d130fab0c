//! The frame page of isolated mode, served by the payment origin: `www/frame.html`, naming this
//! devserver's API as its default (`<meta name="payjp-api-base">`, as PAY.JP's frames would name
//! api.pay.jp), and the package under `/pkg` (readable cross-origin: the drop-in script imports
//! `core.js` from here in direct mode). The page gets a strict CSP whose `frame-ancestors` is the
//! same allow-list as CORS, so only allowed merchant origins can embed the card fields; any other
//! embedder gets a blocked frame.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::state::AppState;

/// The frame page's policy: its own scripts and styles, WebAssembly compilation, the token API
/// on this origin, web fonts from this origin or data: URLs (`elements({ fonts })`), the 3-D
/// Secure issuer's pages of the APIs the frames may use (this origin's, PAY.JP's), and embedding
/// by the allowed origins only.
pub fn csp(allow_origins: &[String]) -> String {
    let ancestors = if allow_origins.is_empty() { "'none'".to_string() } else { allow_origins.join(" ") };
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; \
img-src 'self' data:; font-src 'self' data:; frame-src 'self' https://api.pay.jp; base-uri 'none'; form-action 'none'; \
frame-ancestors {ancestors}; \
require-trusted-types-for 'script'"
    )
}

pub fn router(state: AppState) -> Router<AppState> {
    let www = state.config.root.join("www");
    Router::new()
        .route("/frame.html", get(frame_page))
        // An empty page of this origin: the floor `make bench` measures isolated fields against.
        .route_service("/blank.html", ServeFile::new(www.join("blank.html")))
        .nest_service("/pkg", ServeDir::new(state.config.root.join("pkg")))
        .layer(middleware::from_fn_with_state(state, frame_csp))
}

/// `www/frame.html` with this devserver's API base named as the frames' default.
async fn frame_page(State(state): State<AppState>) -> Response {
    match tokio::fs::read_to_string(state.config.root.join("www").join("frame.html")).await {
        Ok(html) => {
            let meta = format!("<meta charset=\"utf-8\">\n  <meta name=\"payjp-api-base\" content=\"{}\">", state.config.api_base_url);
            let page = html.replacen("<meta charset=\"utf-8\">", &meta, 1);
            ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
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
    } else {
        // The package's scripts and wasm are public: any page may load them as modules.
        response.headers_mut().insert("access-control-allow-origin", HeaderValue::from_static("*"));
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
