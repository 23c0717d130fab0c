//! A simulated card issuer for 3-D Secure: `GET /v1/tds/{id}/start?publickey=…&back=…` shows a
//! challenge that asks for a one-time code and offers Authenticate, Attempted, Fail and Cancel.
//! The finish page tells the SDK (a message to the opener or parent frame, for the iframe and
//! subwindow workflows) or returns to `back` (the redirect workflow). `POST
//! /v1/tokens/{id}/tds_finish` then applies the outcome. Test switches make the challenge hang
//! or complete by itself (`POST /__control/tds`).
//!
//! Pages are small server-rendered HTML with every value escaped; their only script is
//! `/v1/tds/finish.js`, so they work under a strict CSP.

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::HeaderValue;
use axum::response::Response;

use crate::api_error::{error, json, raw};
use crate::cors::origin_allowed;
use crate::state::{lock, AppState};

/// The one-time code the test issuer accepts.
pub const TEST_CODE: &str = "123456";

/// What the buyer chose at the issuer, applied by `tds_finish`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Verified,
    Attempted,
    Failed,
    Aborted,
}

impl Outcome {
    pub fn status(self) -> &'static str {
        match self {
            Outcome::Verified => "verified",
            Outcome::Attempted => "attempted",
            Outcome::Failed => "failed",
            Outcome::Aborted => "aborted",
        }
    }

    fn parse(s: &str) -> Option<Outcome> {
        [Outcome::Verified, Outcome::Attempted, Outcome::Failed, Outcome::Aborted].into_iter().find(|o| o.status() == s)
    }
}

/// How challenges behave, set by `POST /__control/tds`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The buyer chooses.
    #[default]
    Normal,
    /// The issuer never answers (for timeout tests).
    Hang,
    /// The challenge completes at once with this outcome.
    Auto(Outcome),
}

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn query_param(req: &Request, name: &str) -> Option<String> {
    let query = req.uri().query()?;
    crate::payment::form_pairs(query.as_bytes()).into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// `back` must be an absolute URL on an allowed origin, or on this payment origin (isolated mode's
/// challenge frame): the finish page sends the outcome there.
fn back_origin(state: &AppState, back: &str) -> Option<String> {
    let (scheme, rest) = back.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty())?;
    let origin = format!("{scheme}://{host}");
    (origin == state.config.payment_origin() || origin_allowed(&state.config.allow_origins, &origin)).then_some(origin)
}

const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'";

fn page(status: u16, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><link rel=\"stylesheet\" href=\"/v1/tds/issuer.css\"></head><body><main>{body}</main></body></html>\n",
        title = escape_html(title)
    );
    let mut response = raw(status, "text/html; charset=utf-8", html);
    response.headers_mut().insert("content-security-policy", HeaderValue::from_static(PAGE_CSP));
    response
}

fn refused(message: &str) -> Response {
    page(400, "3-D Secure", &format!("<h1>3-D Secure</h1><p class=\"error\">{}</p>", escape_html(message)))
}

/// Looks up a token (or a charge) awaiting 3-D Secure for `publickey`.
fn pending(state: &AppState, id: &str, publickey: Option<&str>) -> Result<(), Response> {
    if let Some(charge) = lock(&state.inner.pending_charges).get(id) {
        return if Some(charge.public_key.as_str()) == publickey && !lock(&state.inner.tds_outcomes).contains_key(id) {
            Ok(())
        } else {
            Err(refused("This charge is not waiting for 3-D Secure."))
        };
    }
    let tokens = lock(&state.inner.tokens);
    match tokens.get(id) {
        Some(t) if Some(t.public_key.as_str()) == publickey => {
            if t.json["card"]["three_d_secure_status"] == "unverified" {
                Ok(())
            } else {
                Err(refused("This token is not waiting for 3-D Secure."))
            }
        }
        _ => Err(refused("No such token for this public key.")),
    }
}

fn mode_for(state: &AppState, key: &str) -> Mode {
    let modes = lock(&state.inner.tds_modes);
    modes.get(&Some(key.to_string())).or_else(|| modes.get(&None)).copied().unwrap_or_default()
}

/// `GET /v1/tds/{id}/start?publickey=…&back=…`
pub async fn start(State(state): State<AppState>, Path(id): Path<String>, req: Request) -> Response {
    let publickey = query_param(&req, "publickey");
    let back = query_param(&req, "back").unwrap_or_default();
    if let Err(page) = pending(&state, &id, publickey.as_deref()) {
        return page;
    }
    if back_origin(&state, &back).is_none() {
        return refused("The back URL must be an absolute URL on an allowed origin.");
    }
    let key = publickey.unwrap_or_default();
    match mode_for(&state, &key) {
        Mode::Hang => page(200, "3-D Secure", "<h1>カード発行会社に接続しています…</h1><p>Connecting to your card issuer…</p>"),
        Mode::Auto(outcome) => finish(&state, &id, outcome, &back),
        Mode::Normal => challenge(&id, &key, &back, None),
    }
}

fn challenge(id: &str, key: &str, back: &str, problem: Option<&str>) -> Response {
    let problem = problem.map_or(String::new(), |p| format!("<p class=\"error\" role=\"alert\">{}</p>", escape_html(p)));
    let body = format!(
        "<h1>本人認証 / Verify it's you</h1>\
<p>テスト用のカード発行会社です。ワンタイムパスワード <strong>{TEST_CODE}</strong> を入力してください。<br>\
This is a test issuer. Enter the one-time code <strong>{TEST_CODE}</strong>.</p>{problem}\
<form method=\"post\" action=\"/v1/tds/{id}/challenge\">\
<input type=\"hidden\" name=\"publickey\" value=\"{key}\"><input type=\"hidden\" name=\"back\" value=\"{back}\">\
<label for=\"code\">ワンタイムパスワード / One-time code</label>\
<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\">\
<div class=\"choices\"><button name=\"choice\" value=\"verified\">認証する / Authenticate</button>\
<button name=\"choice\" value=\"attempted\">認証を省略 / Attempted</button>\
<button name=\"choice\" value=\"failed\">失敗させる / Fail</button>\
<button name=\"choice\" value=\"aborted\">キャンセル / Cancel</button></div></form>",
        id = escape_html(id),
        key = escape_html(key),
        back = escape_html(back),
    );
    page(200, "3-D Secure", &body)
}

/// `POST /v1/tds/{id}/challenge` (the form above).
pub async fn submit(State(state): State<AppState>, Path(id): Path<String>, body: Bytes) -> Response {
    let form = crate::payment::form_pairs(&body);
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let (key, back) = (field("publickey"), field("back"));
    if let Err(page) = pending(&state, &id, Some(&key)) {
        return page;
    }
    if back_origin(&state, &back).is_none() {
        return refused("The back URL must be an absolute URL on an allowed origin.");
    }
    let Some(outcome) = Outcome::parse(&field("choice")) else {
        return challenge(&id, &key, &back, Some("Choose Authenticate, Attempted, Fail or Cancel."));
    };
    if outcome == Outcome::Verified && field("code") != TEST_CODE {
        return challenge(&id, &key, &back, Some("ワンタイムパスワードが違います。 / The one-time code is wrong."));
    }
    finish(&state, &id, outcome, &back)
}

/// Records the outcome and shows the finish page, which reports to the SDK.
fn finish(state: &AppState, id: &str, outcome: Outcome, back: &str) -> Response {
    lock(&state.inner.tds_outcomes).insert(id.to_string(), outcome);
    let origin = back_origin(state, back).unwrap_or_default();
    let separator = if back.contains('?') { '&' } else { '?' };
    let return_url = format!("{back}{separator}payjp_tds_token={id}");
    println!("devserver: 3-D Secure for {id}: {}", outcome.status());
    let body = format!(
        "<h1>本人認証が終わりました / Done</h1><p>ショップに戻ります… / Returning to the shop…</p>\
<p><a id=\"payjp-tds-return\" href=\"{href}\" data-token=\"{id}\" data-outcome=\"{outcome}\" data-origin=\"{origin}\">ショップに戻る / Back to the shop</a></p>\
<script src=\"/v1/tds/finish.js\"></script>",
        href = escape_html(&return_url),
        id = escape_html(id),
        outcome = outcome.status(),
        origin = escape_html(&origin),
    );
    page(200, "3-D Secure", &body)
}

/// Tells the SDK that the challenge finished: a message to the opener (subwindow) or the parent
/// (iframe) with an exact target origin, or, at the top level, the return to `back`.
pub const FINISH_JS: &str = r#"(function () {
  var link = document.getElementById('payjp-tds-return');
  if (!link) return;
  var message = { type: 'payjp:three-d-secure', token: link.dataset.token, outcome: link.dataset.outcome };
  var target = window.opener || (window.parent !== window ? window.parent : null);
  if (target) target.postMessage(message, link.dataset.origin);
  else window.location.replace(link.href);
})();
"#;

pub const ISSUER_CSS: &str = "body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1f2933}\
main{max-width:26rem;margin:1.5rem auto;background:#fff;padding:1.25rem 1.5rem;border-radius:10px}\
h1{font-size:1.1rem}label{display:block;font-weight:600;margin:.8rem 0 .3rem}\
input{font:inherit;font-size:1.2rem;letter-spacing:.2em;padding:.4rem .6rem;width:8em}\
.choices{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}button{font:inherit;padding:.5rem .8rem}\
.error{color:#b42318}\n";

pub async fn finish_js() -> Response {
    raw(200, "text/javascript; charset=utf-8", FINISH_JS)
}

pub async fn issuer_css() -> Response {
    raw(200, "text/css; charset=utf-8", ISSUER_CSS)
}

/// `POST /__control/tds {"mode": "normal" | "hang" | "auto", "outcome": "verified", "key": "pk_…"}`
pub async fn control(State(state): State<AppState>, body: Bytes) -> Response {
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let outcome = Outcome::parse(v["outcome"].as_str().unwrap_or("verified"));
    let mode = match (v["mode"].as_str(), outcome) {
        (Some("normal"), _) => Mode::Normal,
        (Some("hang"), _) => Mode::Hang,
        (Some("auto"), Some(o)) => Mode::Auto(o),
        _ => return error(400, "client_error", Some("invalid_mode"), "mode: normal, hang or auto (with outcome verified, attempted, failed or aborted)", None),
    };
    lock(&state.inner.tds_modes).insert(v["key"].as_str().map(str::to_string), mode);
    json(200, &serde_json::json!({ "mode": v["mode"] }))
}
