//! The devserver's request handling: up to four requests in a row against one fresh server (its
//! payment origin and its issuer), so a token made by the first can be retrieved, challenged and
//! finished by the next.
//!
//! Input: six arguments per request, separated by 0xFF:
//! 1. four bytes: method (GET POST OPTIONS PUT DELETE HEAD), content type (none, form, form with
//!    charset, JSON, text/plain, multipart), Host (127.0.0.1:8787, localhost, [::1]:8787,
//!    evil.example, none), flags (bit 0: from a non-loopback peer; bit 1: the key argument is the
//!    whole `Authorization` header);
//! 2. the request target (`/v1/tokens`, `/v1/tds/{id}/start?…`; without a leading `/`, under
//!    `/v1/`). `{id}` becomes the last `id` an answer gave, `{s}` the last challenge session a
//!    `Location` named (in the body too);
//! 3. the key: none, one byte for a known key, or the Basic user;
//! 4. the Origin: none, one byte for a known origin, or the header itself;
//! 5. an `X-Devserver-Fault` spec (none when empty);
//! 6. the body.
//!
//! Invariants: nothing panics; every answer of the API (`/v1/…` but 3-D Secure's pages) is JSON,
//! an error is PAY.JP's body with the answer's status, and the SDK's decoder reads it as PAY.JP's
//! (a token as a token, an error as that error, never `invalid_response`); no 5xx without a fault;
//! every redirect has a `Location`; an answer never holds a card number the request held only as
//! `card[number]`.
#![no_main]

use axum::body::Body;
use axum::http::{HeaderValue, Method, Request, Uri};
use libfuzzer_sys::fuzz_target;
use payjp_wasm::api::client::HttpResponse;
use payjp_wasm::api::response::decode;
use payjp_wasm::api::{ApiError, Token};
use payjp_wasm_fuzz::devserver_harness::*;
use payjp_wasm_fuzz::{byte, Doc, SEPARATOR};

const METHODS: [Method; 6] = [Method::GET, Method::POST, Method::OPTIONS, Method::PUT, Method::DELETE, Method::HEAD];
const CONTENT_TYPES: [Option<&str>; 6] = [
    None,
    Some("application/x-www-form-urlencoded"),
    Some("application/x-www-form-urlencoded; charset=UTF-8"),
    Some("application/json"),
    Some("text/plain"),
    Some("multipart/form-data; boundary=x"),
];
const HOSTS: [Option<&str>; 5] = [Some("127.0.0.1:8787"), Some("localhost"), Some("[::1]:8787"), Some("evil.example"), None];
const KEYS: [&str; 5] = [PK_TEST, SK_TEST, PK_LIVE, PK_OTHER, SK_OTHER];
const ORIGINS: [&str; 4] = [MERCHANT_ORIGIN, PAYMENT_ORIGIN, "https://evil.example", "null"];

fn basic(user: &str) -> String {
    use base64::Engine;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:")))
}

fn substitute(bytes: &[u8], id: &str, session: &str) -> Vec<u8> {
    String::from_utf8_lossy(bytes).replace("{id}", id).replace("{s}", session).into_bytes()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fuzz_target!(|data: &[u8]| {
    let args: Vec<&[u8]> = data.split(|&b| b == SEPARATOR).collect();
    let server = Server::new(config(&[]).expect("the fuzz configuration"));
    let (mut last_id, mut last_session) = (String::from("tok_none"), String::from("none"));
    let mut faults = false;
    // What earlier requests sent: an answer may echo it (a token's address, say).
    let mut sent_before: Vec<u8> = Vec::new();
    runtime().block_on(async {
        for request in args.chunks(6).take(4) {
            let arg = |i: usize| request.get(i).copied().unwrap_or_default();
            let head = arg(0);
            let method = METHODS[usize::from(byte(head, 0)) % METHODS.len()].clone();
            let content_type = CONTENT_TYPES[usize::from(byte(head, 1)) % CONTENT_TYPES.len()];
            let host = HOSTS[usize::from(byte(head, 2)) % HOSTS.len()];
            let flags = byte(head, 3);

            let target = String::from_utf8_lossy(&substitute(arg(1), &last_id, &last_session)).into_owned();
            let target = if target.starts_with('/') { target } else { format!("/v1/{target}") };
            // hyper refuses a request line it cannot parse before any router sees it.
            let Ok(uri) = target.parse::<Uri>() else { continue };
            let mut builder = Request::builder().method(method.clone()).uri(uri.clone());
            if let Some(ct) = content_type {
                builder = builder.header("content-type", ct);
            }
            if let Some(host) = host {
                builder = builder.header("host", host);
            }
            let mut headers_text = Vec::new();
            let key = arg(2);
            let authorization = match key {
                [] => None,
                [k] => Some(basic(KEYS[usize::from(*k) % KEYS.len()]).into_bytes()),
                raw if flags & 2 == 2 => Some(raw.to_vec()),
                user => Some(basic(&String::from_utf8_lossy(user)).into_bytes()),
            };
            if let Some(value) = authorization.and_then(|v| HeaderValue::from_bytes(&v).ok()) {
                headers_text.extend_from_slice(value.as_bytes());
                builder = builder.header("authorization", value);
            }
            let origin = match arg(3) {
                [] => None,
                [o] => Some(ORIGINS[usize::from(*o) % ORIGINS.len()].as_bytes().to_vec()),
                raw => Some(raw.to_vec()),
            };
            if let Some(value) = origin.and_then(|v| HeaderValue::from_bytes(&v).ok()) {
                headers_text.extend_from_slice(value.as_bytes());
                builder = builder.header("origin", value);
            }
            let fault = arg(4);
            if let Ok(value) = HeaderValue::from_bytes(fault) {
                if !fault.is_empty() {
                    faults = true;
                    headers_text.extend_from_slice(fault);
                    builder = builder.header("x-devserver-fault", value);
                }
            }
            let body = substitute(arg(5), &last_id, &last_session);
            let Ok(req) = builder.body(Body::from(body.clone())) else { continue };
            let peer = if flags & 1 == 1 { REMOTE_PEER } else { LOOPBACK_PEER };
            let path = uri.path().to_string();
            let Some(reply) = server.send(req, peer).await else { continue };

            // Faults queued for later requests change what those answer.
            if path.starts_with("/__control/faults") && reply.status == 200 {
                faults = true;
            }
            let json = reply.json();
            if let Some(id) = json.as_ref().and_then(|j| j["id"].as_str()) {
                last_id = id.to_string();
            }
            if let Some(s) = reply.header("location").and_then(|l| l.split_once("s=")).map(|(_, s)| s.to_string()) {
                last_session = s;
            }

            assert!(reply.status < 500 || faults, "a 5xx without a fault: {} {path}", reply.status);
            if (300..400).contains(&reply.status) {
                assert!(reply.header_bytes("location").is_some(), "a redirect without a Location: {path}");
            }
            let api = path.starts_with("/v1/") && !path.starts_with("/v1/tds/") && method != Method::OPTIONS && method != Method::HEAD;
            if api && !faults {
                let json = json.unwrap_or_else(|| panic!("the API answered {} {path} with something that is not JSON", reply.status));
                if reply.status >= 400 {
                    let e = &json["error"];
                    assert!(e["message"].is_string() && e["type"].is_string(), "PAY.JP's error body: {json}");
                    assert_eq!(e["status"].as_u64(), Some(u64::from(reply.status)), "the error names its status");
                }
                let response = HttpResponse { status: reply.status, retry_after: None, json: Some(Doc(json.clone())), html: false };
                let decoded = decode(response, |d: &Doc| Some(d.clone()));
                assert!(decoded.as_ref().err() != Some(&ApiError::invalid_response(reply.status)), "the SDK reads {} {path} as PAY.JP's answer", reply.status);
                if reply.status == 200 && method == Method::POST && path == "/v1/tokens" {
                    assert!(Token::read(&Doc(json)).is_some(), "the SDK reads the devserver's token as a token");
                }
            }

            // A card number sent as card[number] only is never in the answer.
            let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
            for (i, (name, number)) in pairs.iter().enumerate() {
                if name != "card[number]" || number.bytes().filter(u8::is_ascii_digit).count() < 12 {
                    continue;
                }
                let elsewhere = contains(target.as_bytes(), number.as_bytes())
                    || contains(&headers_text, number.as_bytes())
                    || contains(&sent_before, number.as_bytes())
                    || pairs.iter().enumerate().any(|(j, (k, v))| j != i && (contains(k.as_bytes(), number.as_bytes()) || contains(v.as_bytes(), number.as_bytes())));
                assert!(elsewhere || !contains(&reply.body, number.as_bytes()), "the card number came back in the answer to {path}");
            }
            for (k, v) in &pairs {
                sent_before.extend_from_slice(k.as_bytes());
                sent_before.push(b'&');
                sent_before.extend_from_slice(v.as_bytes());
                sent_before.push(b'&');
            }
            sent_before.extend_from_slice(target.as_bytes());
            sent_before.extend_from_slice(&headers_text);
            sent_before.extend_from_slice(&body);
        }
    });
});
