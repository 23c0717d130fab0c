//! `back_url` for PAY.JP's server-driven 3-D Secure redirect (its payjp-php-tds-sample): a JWS,
//! HS256 over `{"url": "<return URL>"}`, signed with the merchant's secret key. Anything else is
//! refused: another algorithm (`none` above all), a bad signature, no `url`, or a URL that is not
//! http(s).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Why a `back_url` was refused: the message of PAY.JP's 400.
pub type Refusal = &'static str;

/// The return URL a valid `back_url` names.
pub fn verify(jws: &str, secret_key: &str) -> Result<String, Refusal> {
    let mut parts = jws.split('.');
    let (Some(header), Some(payload), Some(signature), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err("back_url is not a JWS (header.payload.signature).");
    };
    let decode = |part: &str| URL_SAFE_NO_PAD.decode(part.trim_end_matches('=')).map_err(|_| "back_url is not base64url.");
    let header: serde_json::Value = serde_json::from_slice(&decode(header)?).map_err(|_| "back_url's header is not JSON.")?;
    if header["alg"] != "HS256" {
        return Err("back_url must be signed with HS256.");
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(secret_key.as_bytes()).map_err(|_| "no key")?;
    mac.update(&jws.as_bytes()[..jws.rfind('.').unwrap_or(0)]);
    mac.verify_slice(&decode(signature)?).map_err(|_| "back_url's signature does not match this account's secret key.")?;
    let payload: serde_json::Value = serde_json::from_slice(&decode(payload)?).map_err(|_| "back_url's payload is not JSON.")?;
    let url = payload["url"].as_str().ok_or("back_url's payload has no url.")?;
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() < 10 {
        return Err("back_url's url must be an http(s) URL.");
    }
    // A control character cannot go into the `Location` the challenge returns with: the buyer
    // would be left on a redirect to nowhere (found by fuzz/fuzz_targets/devserver_redirect.rs).
    if url.chars().any(|c| c.is_control() || c == ' ') {
        return Err("back_url's url must not contain spaces or control characters.");
    }
    Ok(url.to_string())
}

/// Signs `{"url": url}` as the merchant's server does (for tests).
#[cfg(test)]
pub fn sign(url: &str, secret_key: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::json!({ "url": url }).to_string());
    let mut mac = Hmac::<Sha256>::new_from_slice(secret_key.as_bytes()).expect("any key length");
    mac.update(format!("{header}.{payload}").as_bytes());
    format!("{header}.{payload}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SK: &str = "sk_test_0123456789abcdef01234567";

    #[test]
    fn a_signed_url_passes_and_every_forgery_fails() {
        assert_eq!(verify(&sign("https://shop.example/back", SK), SK).as_deref(), Ok("https://shop.example/back"));
        // Another account's key.
        assert!(verify(&sign("https://shop.example/back", "sk_test_ffffffffffffffffffffffff"), SK).is_err());
        // alg: none, with or without a signature.
        let payload = URL_SAFE_NO_PAD.encode(br#"{"url":"https://evil.example/"}"#);
        let none = URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
        assert!(verify(&format!("{none}.{payload}."), SK).is_err());
        assert!(verify(&format!("{none}.{payload}"), SK).is_err());
        // A payload changed after signing.
        let signed = sign("https://shop.example/back", SK);
        let mut parts: Vec<&str> = signed.split('.').collect();
        parts[1] = &payload;
        assert!(verify(&parts.join("."), SK).is_err());
        // No url, and a url that is not http(s).
        for body in [
            r#"{"return":"https://x.example/"}"#,
            r#"{"url":"javascript:alert(1)"}"#,
            r#"{"url":"data:text/html,x"}"#,
            // No Location could carry these.
            r#"{"url":"https://shop.example/bck"}"#,
            r#"{"url":"https://shop.example/
Set-Cookie: a=b"}"#,
            r#"{"url":"https://shop.example/a b"}"#,
        ] {
            let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256"}"#);
            let payload = URL_SAFE_NO_PAD.encode(body);
            let mut mac = Hmac::<Sha256>::new_from_slice(SK.as_bytes()).unwrap();
            mac.update(format!("{header}.{payload}").as_bytes());
            let jws = format!("{header}.{payload}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()));
            assert!(verify(&jws, SK).is_err(), "{body}");
        }
        for garbage in ["", "a.b", "a.b.c.d", "!!!.???.***"] {
            assert!(verify(garbage, SK).is_err(), "{garbage}");
        }
    }
}
