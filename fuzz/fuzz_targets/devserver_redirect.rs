//! Where a 3-D Secure challenge returns: redirect names registered with `--tds-redirect NAME=URL`
//! and chosen with `back=NAME`, and signed `back_url`s, end to end through the devserver's
//! router.
//!
//! Input, separated by 0xFF: three `--tds-redirect` values, the `back` value, a URL to sign as a
//! `back_url`, and a byte of mode (0: `back`; 1: `back_url` signed by the account; 2: signed by
//! another account; 3: both `back` and `back_url`; bit 2: the `back` value goes into the query
//! as it is, not encoded).
//!
//! Invariants: a registration is accepted exactly when its name is 1–64 of `A-Z a-z 0-9 - _` and
//! its URL an absolute http(s) URL with no space or control character (it goes into a `Location`
//! as it is), and the name then finds that URL (the first registered under it); a challenge
//! started with `back` returns (303 to `finish`, then 303) to the URL registered under exactly
//! that name, and with any other name is a 400 naming `back`; a `back_url` returns to the http(s)
//! URL signed by the account's secret key (the same characters allowed), and never for another
//! account; every redirect has its `Location`; nothing else is ever a redirect target.
#![no_main]

use axum::body::Body;
use axum::http::Request;
use devserver::challenge::{Mode, Outcome};
use devserver::state::lock;
use libfuzzer_sys::fuzz_target;
use payjp_wasm_fuzz::devserver_harness::*;
use payjp_wasm_fuzz::{byte, fields, text};

fn sign(url: &str, key: &str) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use hmac::{Hmac, Mac};
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::json!({ "url": url }).to_string());
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).expect("any key length");
    mac.update(format!("{header}.{payload}").as_bytes());
    format!("{header}.{payload}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

/// A URL a `Location` header can carry as it is: no space, no control character.
fn fits_a_location(url: &str) -> bool {
    !url.chars().any(|c| c.is_control() || c == ' ')
}

/// The rule for `--tds-redirect NAME=URL`, written out.
fn registration(spec: &str) -> Option<(String, String)> {
    let (name, url) = spec.split_once('=')?;
    let name_ok = (1..=64).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    (name_ok && !rest.is_empty() && !rest.starts_with('/') && fits_a_location(url)).then(|| (name.to_string(), url.to_string()))
}

async fn get(server: &Server, target: &str) -> Option<Reply> {
    let req = Request::builder().uri(target).header("host", "127.0.0.1:8787").body(Body::empty()).ok()?;
    server.send(req, LOOPBACK_PEER).await
}

fn query(pairs: &[(&str, &str)]) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        q.append_pair(k, v);
    }
    q.finish()
}

fuzz_target!(|data: &[u8]| {
    let [r1, r2, r3, back, signed_url, mode] = fields::<6>(data);
    let mode = byte(mode, 0);
    let specs: Vec<String> = [r1, r2, r3].iter().filter(|r| !r.is_empty()).map(|r| text(r)).collect();

    // Registration, one at a time, then all together.
    let mut registered: Vec<(String, String)> = Vec::new();
    for spec in &specs {
        let parsed = config(&["--tds-redirect".to_string(), spec.clone()]);
        let expected = registration(spec);
        assert_eq!(parsed.is_ok(), expected.is_some(), "--tds-redirect {spec:?}");
        if let (Ok(config), Some((name, url))) = (parsed, expected) {
            assert_eq!(config.tds_redirect(&name), Some(url.as_str()));
            registered.push((name, url));
        }
    }
    let args: Vec<String> = registered.iter().flat_map(|(n, u)| ["--tds-redirect".to_string(), format!("{n}={u}")]).collect();
    let config = config(&args).expect("registrations accepted one by one are accepted together");
    // Which URL a name finds: the first registered under it; `payjp-wasm` is registered last,
    // by default.
    let registered_url = |name: &str| {
        registered.iter().find(|(n, _)| n == name).map(|(_, u)| u.clone()).or_else(|| (name == "payjp-wasm").then(|| format!("{PAYMENT_ORIGIN}/tds-return.html")))
    };
    let server = Server::new(config.clone());
    // The issuer decides at once: start goes straight to finish.
    lock(&server.state.inner.tds_modes).insert(None, Mode::Auto(Outcome::Verified));

    runtime().block_on(async {
        // A token waiting for 3-D Secure.
        let body = "card%5Bnumber%5D=4242424242424242&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040&card%5Bname%5D=TARO+YAMADA&card%5Bemail%5D=taro%40example.jp&three_d_secure=true";
        let req = Request::builder()
            .method("POST")
            .uri("/v1/tokens")
            .header("host", "127.0.0.1:8787")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("authorization", format!("Basic {}", base64::Engine::encode(&base64::engine::general_purpose::STANDARD, format!("{PK_TEST}:"))))
            .body(Body::from(body))
            .expect("a request");
        let token = server.send(req, LOOPBACK_PEER).await.expect("an answer");
        assert_eq!(token.status, 200, "{:?}", String::from_utf8_lossy(&token.body));
        let id = token.json().and_then(|j| j["id"].as_str().map(str::to_string)).expect("a token id");

        let back = text(back);
        let signed_url = text(signed_url);
        let key = if mode % 4 == 2 { "sk_test_fedcba9876543210fedcba98" } else { "sk_test_0123456789abcdef01234567" };
        let jws = sign(&signed_url, key);
        let mut pairs = vec![("publickey", PK_TEST)];
        match mode % 4 {
            0 => pairs.push(("back", &back)),
            1 | 2 => pairs.push(("back_url", &jws)),
            _ => {
                pairs.push(("back", &back));
                pairs.push(("back_url", &jws));
            }
        }
        let raw = mode & 4 == 4 && mode % 4 == 0;
        let target = if raw {
            format!("/v1/tds/{id}/start?publickey={PK_TEST}&back={back}")
        } else {
            format!("/v1/tds/{id}/start?{}", query(&pairs))
        };
        let Some(start) = get(&server, &target).await else { return };
        // What the devserver was asked for, as its query reader decodes it (the first of each).
        let query: Vec<(String, String)> = target.parse::<axum::http::Uri>().ok().map_or_else(Vec::new, |u| {
            form_urlencoded::parse(u.query().unwrap_or("").as_bytes()).into_owned().collect()
        });
        let first = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let (expected, param) = match (first("back"), first("back_url")) {
            (Some(name), None) => (registered_url(&name), "back"),
            (None, Some(sent)) => {
                let genuine = mode % 4 == 1 && sent == jws;
                let http = signed_url.len() >= 10 && (signed_url.starts_with("https://") || signed_url.starts_with("http://")) && fits_a_location(&signed_url);
                ((genuine && http).then(|| signed_url.clone()), "back_url")
            }
            _ => (None, "back"),
        };
        let Some(expected) = expected else {
            assert_eq!(start.status, 400, "a challenge started for nowhere: {target:?}");
            assert!(start.header_bytes("location").is_none());
            let json = start.json().expect("PAY.JP's error body");
            assert_eq!(json["error"]["param"].as_str(), Some(param));
            return;
        };
        assert_eq!(start.status, 303, "{:?}", String::from_utf8_lossy(&start.body));
        let finish = start.header("location").expect("a redirect has its Location").to_string();
        let finish_path = finish.strip_prefix(PAYMENT_ORIGIN).expect("start sends the browser to the payment origin's finish");
        assert!(finish_path.starts_with(&format!("/v1/tds/{id}/finish?s=")));
        let done = get(&server, finish_path).await.expect("an answer");
        assert_eq!(done.status, 303);
        assert_eq!(done.header_bytes("location"), Some(expected.as_bytes()), "the challenge returns where it was asked to, and nowhere else");
    });
});
