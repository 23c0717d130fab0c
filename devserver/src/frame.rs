//! The pages of the frame origin, served by the payment origin, each naming this devserver's API
//! as its default (`<meta name="payjp-api-base">`, as PAY.JP's frames would name api.pay.jp):
//! - `/frame.html` (`www/frame.html`): card fields, the controller and the badge;
//! - `/tds.html`: the same page for the 3-D Secure challenge frame, whose policy also lets it frame
//!   the issuer (a real issuer's pages are on any https origin);
//! - `/tds-return.html` (`www/tds-return.html`): where a challenge returns (the redirect name
//!   `payjp-wasm`), and the redirect workflow's launcher;
//! - the package under `/pkg`: `frame.js` and its wasm for these pages, and the rest readable
//!   cross-origin (a merchant page loads `payjp.js` and `tds.js` from here).
//!
//! Each page gets a strict CSP whose `frame-ancestors` is the same allow-list as CORS, so only
//! allowed merchant origins can embed them; any other embedder gets a blocked frame.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::state::AppState;

/// Which page of the frame origin a policy is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// `frame.html`: fields, controller, badge. Frames nothing.
    Frame,
    /// `tds.html`: the challenge frame. Frames the start page (the API's origin) and the issuer it
    /// redirects to (any https origin; here also the test issuer).
    Challenge,
    /// `tds-return.html`: no wasm, no styles; framed by the challenge frame (in the iframe
    /// workflow) as well as by the allowed origins.
    Return,
}

/// The policy of a frame-origin page: its own scripts and styles, WebAssembly compilation, the
/// token API on this origin, web fonts from this origin or data: URLs (`elements({ fonts })`),
/// and embedding by the allowed origins only.
pub fn csp(page: Page, allow_origins: &[String], issuer_origin: &str) -> String {
    let mut ancestors = allow_origins.to_vec();
    if page == Page::Return {
        ancestors.insert(0, "'self'".into());
    }
    let ancestors = if ancestors.is_empty() { "'none'".to_string() } else { ancestors.join(" ") };
    match page {
        Page::Return => format!(
            "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors {ancestors}; \
require-trusted-types-for 'script'"
        ),
        Page::Frame | Page::Challenge => {
            let frames = if page == Page::Challenge { format!("'self' https: {issuer_origin}") } else { "'none'".into() };
            format!(
                "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; \
img-src 'self' data:; font-src 'self' data:; frame-src {frames}; base-uri 'none'; form-action 'none'; \
frame-ancestors {ancestors}; \
require-trusted-types-for 'script'"
            )
        }
    }
}

pub fn router(state: AppState) -> Router<AppState> {
    let www = state.config.root.join("www");
    Router::new()
        .route("/frame.html", get(|s| page_with_api(s, "frame.html")))
        .route("/tds.html", get(|s| page_with_api(s, "frame.html")))
        .route("/tds-return.html", get(|s| page_with_api(s, "tds-return.html")))
        // An empty page of this origin: the floor `make bench` measures isolated fields against.
        .route_service("/blank.html", ServeFile::new(www.join("blank.html")))
        .nest_service("/pkg", ServeDir::new(state.config.root.join("pkg")))
        .layer(middleware::from_fn_with_state(state, frame_csp))
}

/// A page of `www/` with this devserver's API base named as the frames' default, and the shops a
/// 3-D Secure redirect may return to (the allowed origins; the return page's launcher reads them).
async fn page_with_api(State(state): State<AppState>, file: &'static str) -> Response {
    match tokio::fs::read_to_string(state.config.root.join("www").join(file)).await {
        Ok(html) => {
            let mut meta = format!("<meta charset=\"utf-8\">\n  <meta name=\"payjp-api-base\" content=\"{}\">", state.config.api_base_url);
            if file == "tds-return.html" {
                let shops = crate::html::escape_html(&state.config.allow_origins.join(" "));
                meta.push_str(&format!("\n  <meta name=\"payjp-return-origin\" content=\"{shops}\">"));
            }
            let page = html.replacen("<meta charset=\"utf-8\">", &meta, 1);
            ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn frame_csp(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let page = match req.uri().path() {
        "/tds.html" => Page::Challenge,
        "/tds-return.html" => Page::Return,
        _ => Page::Frame,
    };
    let mut response = next.run(req).await;
    let is_html = response.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        if let Ok(value) = HeaderValue::from_str(&csp(page, &state.config.allow_origins, &state.config.issuer_origin)) {
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
    use super::{csp, Page};

    #[test]
    fn frame_ancestors_follow_the_allow_list() {
        let allowed = ["http://localhost:8080".into(), "http://127.0.0.1:*".into()];
        let issuer = "http://localhost:9999";
        let frame = csp(Page::Frame, &allowed, issuer);
        assert!(frame.contains("frame-ancestors http://localhost:8080 http://127.0.0.1:*;"), "{frame}");
        assert!(frame.contains("frame-src 'none'"), "card fields frame nothing: {frame}");
        assert!(csp(Page::Frame, &[], issuer).contains("frame-ancestors 'none'"));
        let challenge = csp(Page::Challenge, &allowed, issuer);
        assert!(challenge.contains("frame-src 'self' https: http://localhost:9999;"), "{challenge}");
        let back = csp(Page::Return, &allowed, issuer);
        assert!(back.contains("frame-ancestors 'self' http://localhost:8080 http://127.0.0.1:*;"), "{back}");
        assert!(!back.contains("wasm"), "{back}");
    }
}
