//! 3-D Secure on PAY.JP's protocol, with a simulated card issuer on an origin of its own.
//!
//! 1. The buyer's browser opens `GET /v1/tds/{id}/start?publickey=pk_…` on the payment origin,
//!    with either `back=NAME` (a redirect URL registered with `--tds-redirect NAME=URL`, as in
//!    PAY.JP's dashboard; PAY.JP's mobile SDKs and ours) or `back_url=JWS` (HS256 over
//!    `{"url": …}` signed with the account's secret key; PAY.JP's server-driven sample). `{id}` is
//!    a token (`tok_`), a charge (`ch_`) or a 3-D Secure request (`tdsr_`) of that key's account,
//!    waiting for 3-D Secure. Anything else is a 400 with PAY.JP's error body.
//! 2. A session (a random id, not the resource's) is made and the browser goes (302) to the
//!    issuer's origin, `/issuer/{id}?s=…`: a challenge that asks for a one-time code and offers
//!    Authenticate, Attempted, Fail and Cancel. Its pages may be framed only by the payment origin
//!    and the allowed merchant origins (`frame-ancestors`), or by nobody (`{"frame": false}`).
//! 3. The issuer's form posts back to itself, records the buyer's choice on the session, and sends
//!    the browser (303) to `GET /v1/tds/{id}/finish?s=…` on the payment origin, which applies it
//!    (a token's or a charge's waits for `tds_finish`; a 3-D Secure request is finished at once)
//!    and sends the browser (303) to the return URL, with nothing added.
//!
//! Test switches (`POST /__control/tds`) make the issuer hang, complete by itself, or refuse to be
//! framed. Pages are small server-rendered HTML with every value escaped and no script at all.
//!
//! The challenge's types (outcome, mode, session) are in `challenge.rs`; applying an outcome to a
//! 3-D Secure request is `server_api.rs`'s. Query strings are read with `QueryParams`, the issuer's
//! form with `FormParams`, the control body with `JsonBody` (`extract.rs`).

use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::api_error::{error, json, raw};
use crate::challenge::{Mode, Outcome, Session};
use crate::clock::unix_now;
use crate::extract::{FormParams, JsonBody, Params, QueryParams};
use crate::html::escape_html;
use crate::ids::random_hex;
use crate::keys::{secret_of, ApiKey};
use crate::state::{lock, AppState};

/// The one-time code the test issuer accepts.
pub const TEST_CODE: &str = "123456";

/// How long a started challenge may take, as PAY.JP's "一定時間".
const SESSION_LIFETIME: Duration = Duration::from_secs(30 * 60);

fn bad_request(code: &str, message: &str, param: Option<&str>) -> Response {
    error(400, "client_error", Some(code), message, param)
}

/// Checks that `id` belongs to `account` and waits for 3-D Secure.
/// A challenge that has returned (its outcome waits for `tds_finish`) also ends the wait: one
/// object, one challenge outcome, whichever session returns first.
fn awaiting(state: &AppState, id: &str, account: &str) -> Result<(), Response> {
    let not_found = |kind: &str| error(404, "client_error", Some("invalid_id"), &format!("No such {kind}: {id}"), Some("id"));
    let not_waiting = || bad_request("invalid_three_d_secure_status", "This object is not waiting for 3-D Secure.", Some("id"));
    if lock(&state.inner.tds_outcomes).contains_key(id) {
        return Err(not_waiting());
    }
    if id.starts_with("tok_") {
        let tokens = lock(&state.inner.tokens);
        let token = tokens.get(id).filter(|t| t.account == account).ok_or_else(|| not_found("token"))?;
        return if token.json["card"]["three_d_secure_status"] == "unverified" { Ok(()) } else { Err(not_waiting()) };
    }
    let (objects, kind) = if id.starts_with("ch_") {
        (&state.inner.charges, "charge")
    } else if id.starts_with("tdsr_") {
        (&state.inner.tds_requests, "three_d_secure_request")
    } else {
        return Err(not_found("object"));
    };
    let objects = lock(objects);
    let object = objects.get(id).filter(|o| o.account == account).ok_or_else(|| not_found(kind))?;
    // A 3-D Secure request also ends when it expires (`expired_at`); a charge's expired_at is its
    // authorization's.
    let open = object.json["three_d_secure_status"] == "unverified" && (kind == "charge" || object.json["expired_at"].is_null());
    if open { Ok(()) } else { Err(not_waiting()) }
}

/// Where the challenge returns: a registered name (`back`) or a signed URL (`back_url`).
fn return_url(state: &AppState, key: &ApiKey, query: &Params) -> Result<String, Response> {
    match (query.get("back"), query.get("back_url")) {
        (Some(_), Some(_)) => Err(bad_request("invalid_param", "Send back or back_url, not both.", Some("back"))),
        (Some(name), None) => state.config.tds_redirect(name).map(str::to_string).ok_or_else(|| {
            let message = if name.contains("://") || name.starts_with('/') {
                "back takes the name of a redirect URL registered for your account, not a URL.".to_string()
            } else {
                format!("No redirect URL is registered under the name {name}.")
            };
            bad_request("invalid_param", &message, Some("back"))
        }),
        (None, Some(jws)) => crate::jws::verify(jws, &secret_of(&key.key)).map_err(|why| bad_request("invalid_param", why, Some("back_url"))),
        (None, None) => Err(bad_request("missing_param", "Send back (a registered redirect name) or back_url (a signed JWS).", Some("back"))),
    }
}

fn mode_for(state: &AppState, key: &str) -> Mode {
    let modes = lock(&state.inner.tds_modes);
    modes.get(&Some(key.to_string())).or_else(|| modes.get(&None)).copied().unwrap_or_default()
}

fn redirect(status: u16, location: &str) -> Response {
    let mut response = raw(status, "text/plain; charset=utf-8", "");
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert("location", value);
    }
    response.headers_mut().insert("cache-control", HeaderValue::from_static("no-store"));
    response
}

/// `GET /v1/tds/{id}/start?publickey=pk_…&back=NAME | back_url=JWS` (payment origin).
pub async fn start(State(state): State<AppState>, Path(id): Path<String>, QueryParams(query): QueryParams) -> Response {
    let publickey = query.get("publickey").unwrap_or_default();
    let Some(key) = ApiKey::parse(publickey).filter(|k| !k.secret) else {
        return error(401, "auth_error", None, "publickey: expected your public key (pk_test_... or pk_live_...).", Some("publickey"));
    };
    if let Err(answer) = awaiting(&state, &id, &key.account) {
        return answer;
    }
    let return_url = match return_url(&state, &key, &query) {
        Ok(url) => url,
        Err(answer) => return answer,
    };
    if id.starts_with("tdsr_") {
        if let Some(request) = lock(&state.inner.tds_requests).get_mut(&id) {
            request.json["state"] = "in_progress".into();
            request.json["started_at"] = unix_now().into();
        }
    }
    let session = random_hex(16);
    let mode = mode_for(&state, &key.key);
    let outcome = match mode {
        Mode::Auto(outcome) => Some(outcome),
        _ => None,
    };
    let mut sessions = lock(&state.inner.tds_sessions);
    sessions.retain(|_, s| s.started.elapsed() < SESSION_LIFETIME);
    sessions.insert(session.clone(), Session { id: id.clone(), key: key.key.clone(), return_url, outcome, started: Instant::now() });
    drop(sessions);
    if outcome.is_some() {
        return redirect(303, &format!("{}/tds/{id}/finish?s={session}", state.config.api_base_url));
    }
    redirect(302, &format!("{}/issuer/{id}?s={session}", state.config.issuer_origin))
}

/// `GET /v1/tds/{id}/finish?s=…` (payment origin): applies the buyer's choice, then returns.
pub async fn finish(State(state): State<AppState>, Path(id): Path<String>, QueryParams(query): QueryParams) -> Response {
    let s = query.get("s").unwrap_or_default();
    let mut sessions = lock(&state.inner.tds_sessions);
    let Some(session) = sessions.get(s).filter(|x| x.id == id && x.started.elapsed() < SESSION_LIFETIME) else {
        return bad_request("invalid_param", "No 3-D Secure challenge under way for this id.", Some("s"));
    };
    let Some(outcome) = session.outcome else {
        return bad_request("three_d_secure_incompleted", "The buyer has not finished the challenge.", Some("s"));
    };
    let session = sessions.remove(s).expect("found above");
    drop(sessions);
    // Two challenges started for one object (two tabs): the first to return decides; a later one
    // changes nothing and its buyer still goes back to where it was going.
    let account = ApiKey::parse(&session.key).map(|k| k.account).unwrap_or_default();
    if awaiting(&state, &id, &account).is_ok() {
        if id.starts_with("tdsr_") {
            crate::server_api::finish_tds_request(&state, &id, outcome);
        } else {
            lock(&state.inner.tds_outcomes).insert(id.clone(), outcome);
        }
        println!("devserver: 3-D Secure for {id}: {}", outcome.status());
    } else {
        println!("devserver: 3-D Secure for {id}: a second challenge returned {}; the first outcome stands", outcome.status());
    }
    redirect(303, &session.return_url)
}

// The issuer's origin.

pub fn issuer_router(state: AppState) -> Router {
    Router::new()
        .route("/issuer/{id}", get(challenge_page).post(submit))
        .route("/issuer.css", get(|| async { raw(200, "text/css; charset=utf-8", ISSUER_CSS) }))
        .fallback(|| async { raw(404, "text/plain; charset=utf-8", "not found") })
        .with_state(state)
}

/// The issuer's pages: no script, styles from itself, and framing by the payment origin and the
/// allowed merchant origins only (or by nobody, when a test says so).
fn page(state: &AppState, status: u16, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><link rel=\"stylesheet\" href=\"/issuer.css\"></head><body><main>{body}</main></body></html>\n",
        title = escape_html(title)
    );
    let mut response = raw(status, "text/html; charset=utf-8", html);
    let refuse = *lock(&state.inner.tds_refuse_framing);
    let ancestors = if refuse {
        "'none'".to_string()
    } else {
        std::iter::once(state.config.payment_origin().to_string()).chain(state.config.allow_origins.iter().cloned()).collect::<Vec<_>>().join(" ")
    };
    let csp = format!("default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors {ancestors}");
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert("content-security-policy", value);
    }
    if refuse {
        headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    }
    headers.insert("cache-control", HeaderValue::from_static("no-store"));
    response
}

fn issuer_refused(state: &AppState, message: &str) -> Response {
    page(state, 400, "3-D Secure", &format!("<h1>3-D Secure</h1><p class=\"error\">{}</p>", escape_html(message)))
}

/// The session `s` of a challenge for `id` that has not ended yet.
fn open_session(state: &AppState, id: &str, s: &str) -> Option<Session> {
    lock(&state.inner.tds_sessions).get(s).filter(|x| x.id == id && x.outcome.is_none() && x.started.elapsed() < SESSION_LIFETIME).cloned()
}

/// `GET /issuer/{id}?s=…`
async fn challenge_page(State(state): State<AppState>, Path(id): Path<String>, QueryParams(query): QueryParams) -> Response {
    let s = query.get("s").unwrap_or_default();
    let Some(session) = open_session(&state, &id, s) else {
        return issuer_refused(&state, "This challenge has ended or never started. / この本人認証は終了しているか、開始されていません。");
    };
    if mode_for(&state, &session.key) == Mode::Hang {
        return page(&state, 200, "3-D Secure", "<h1>カード発行会社に接続しています…</h1><p>Connecting to your card issuer…</p>");
    }
    challenge(&state, &id, s, None)
}

fn challenge(state: &AppState, id: &str, s: &str, problem: Option<&str>) -> Response {
    let problem = problem.map_or(String::new(), |p| format!("<p class=\"error\" role=\"alert\">{}</p>", escape_html(p)));
    let body = format!(
        "<h1>本人認証 / Verify it's you</h1>\
<p>テスト用のカード発行会社です。ワンタイムパスワード <strong>{TEST_CODE}</strong> を入力してください。<br>\
This is a test issuer. Enter the one-time code <strong>{TEST_CODE}</strong>.</p>{problem}\
<form method=\"post\" action=\"/issuer/{id}\">\
<input type=\"hidden\" name=\"s\" value=\"{s}\">\
<label for=\"code\">ワンタイムパスワード / One-time code</label>\
<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\">\
<div class=\"choices\"><button name=\"choice\" value=\"verified\">認証する / Authenticate</button>\
<button name=\"choice\" value=\"attempted\">認証を省略 / Attempted</button>\
<button name=\"choice\" value=\"failed\">失敗させる / Fail</button>\
<button name=\"choice\" value=\"aborted\">キャンセル / Cancel</button></div></form>",
        id = escape_html(id),
        s = escape_html(s),
    );
    page(state, 200, "3-D Secure", &body)
}

/// `POST /issuer/{id}` (the form above): records the choice, then on to the payment origin's finish.
/// This is the issuer's page, not PAY.JP's API: a body that is not a form names no session, and is
/// refused with the page rather than with JSON.
async fn submit(State(state): State<AppState>, Path(id): Path<String>, form: Result<FormParams, Response>) -> Response {
    let form = form.map_or_else(|_| Params::default(), |FormParams(form)| form);
    let field = |name: &str| form.get(name).unwrap_or_default();
    let s = field("s");
    if open_session(&state, &id, s).is_none() {
        return issuer_refused(&state, "This challenge has ended or never started. / この本人認証は終了しているか、開始されていません。");
    }
    let Some(outcome) = Outcome::parse(field("choice")) else {
        return challenge(&state, &id, s, Some("Choose Authenticate, Attempted, Fail or Cancel."));
    };
    if outcome == Outcome::Verified && field("code") != TEST_CODE {
        return challenge(&state, &id, s, Some("ワンタイムパスワードが違います。 / The one-time code is wrong."));
    }
    if let Some(session) = lock(&state.inner.tds_sessions).get_mut(s) {
        session.outcome = Some(outcome);
    }
    redirect(303, &format!("{}/tds/{id}/finish?s={s}", state.config.api_base_url))
}

pub const ISSUER_CSS: &str = "body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1f2933}\
main{max-width:26rem;margin:1.5rem auto;background:#fff;padding:1.25rem 1.5rem;border-radius:10px}\
h1{font-size:1.1rem}label{display:block;font-weight:600;margin:.8rem 0 .3rem}\
input{font:inherit;font-size:1.2rem;letter-spacing:.2em;padding:.4rem .6rem;width:8em}\
.choices{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}button{font:inherit;padding:.5rem .8rem}\
.error{color:#b42318}\n";

/// The body of `POST /__control/tds`.
#[derive(Debug, Deserialize)]
pub struct TdsControl {
    /// `normal`, `hang` or `auto`; absent, only `frame` changes.
    mode: Option<String>,
    /// With `auto`: `verified` (the default), `attempted`, `failed` or `aborted`.
    outcome: Option<String>,
    /// The public key the mode is for; absent, every key.
    key: Option<String>,
    /// `false`: the issuer's pages refuse every framing; `true`: framing as usual.
    frame: Option<bool>,
}

/// `POST /__control/tds {"mode": "normal" | "hang" | "auto", "outcome": "verified", "key": "pk_…",
/// "frame": true | false}`: how the issuer behaves (for `key`, or every key), and whether its
/// pages may be framed at all.
pub async fn control(State(state): State<AppState>, JsonBody(body): JsonBody<TdsControl>) -> Response {
    if let Some(frame) = body.frame {
        *lock(&state.inner.tds_refuse_framing) = !frame;
    }
    let Some(mode_name) = body.mode else {
        return json(200, &serde_json::json!({ "frame": !*lock(&state.inner.tds_refuse_framing) }));
    };
    let outcome = Outcome::parse(body.outcome.as_deref().unwrap_or("verified"));
    let mode = match (mode_name.as_str(), outcome) {
        ("normal", _) => Mode::Normal,
        ("hang", _) => Mode::Hang,
        ("auto", Some(o)) => Mode::Auto(o),
        _ => return bad_request("invalid_mode", "mode: normal, hang or auto (with outcome verified, attempted, failed or aborted)", None),
    };
    lock(&state.inner.tds_modes).insert(body.key, mode);
    json(200, &serde_json::json!({ "mode": mode_name, "frame": !*lock(&state.inner.tds_refuse_framing) }))
}
