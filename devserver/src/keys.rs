//! API keys as PAY.JP's test mode has them: a public key (`pk_test_` / `pk_live_` + 24 hex) for
//! the buyer's browser, and the secret key of the same account (`sk_…` + the same 24 hex) for the
//! merchant's server. Every key of the right shape is an account here; `devserver --help` prints
//! the demo merchant's pair.
//!
//! A request presents its key as the user name of HTTP Basic auth, read with the `headers` crate's
//! typed `Authorization<Basic>`. The API layer (`payment.rs`) authenticates it once; handlers then
//! take the key as an extractor: [`ApiKey`] (either kind), [`SecretKey`] or [`PublicKey`], each
//! refusing with PAY.JP's 401 body.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::Response;
use headers::authorization::Basic;
use headers::{Authorization, HeaderMapExt};

use crate::api_error::error;

/// A key a request authenticated with.
#[derive(Clone, Debug)]
pub struct ApiKey {
    pub key: String,
    /// `test_…` or `live_…`: what a public key and its secret key share.
    pub account: String,
    pub live: bool,
    pub secret: bool,
}

impl ApiKey {
    pub fn parse(key: &str) -> Option<ApiKey> {
        let (secret, rest) = match key.split_at_checked(3)? {
            ("pk_", rest) => (false, rest),
            ("sk_", rest) => (true, rest),
            _ => return None,
        };
        let hex = rest.strip_prefix("test_").or_else(|| rest.strip_prefix("live_"))?;
        if hex.len() != 24 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return None;
        }
        Some(ApiKey { key: key.to_string(), account: rest.to_string(), live: rest.starts_with("live_"), secret })
    }

}

/// The key the API layer authenticated (public or secret). Outside that layer there is none: 401.
impl<S: Send + Sync> FromRequestParts<S> for ApiKey {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<ApiKey, Response> {
        parts.extensions.get::<ApiKey>().cloned().ok_or_else(no_key)
    }
}

/// A secret key, for the merchant's server: the server API takes nothing else.
pub struct SecretKey(pub ApiKey);

impl<S: Send + Sync> FromRequestParts<S> for SecretKey {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<SecretKey, Response> {
        let key = ApiKey::from_request_parts(parts, state).await?;
        if !key.secret {
            return Err(error(401, "auth_error", None, "This endpoint needs your secret key (sk_...); public keys are for the browser.", None));
        }
        Ok(SecretKey(key))
    }
}

/// A public key, for the buyer's browser: tokens are made with nothing else.
pub struct PublicKey(pub ApiKey);

impl<S: Send + Sync> FromRequestParts<S> for PublicKey {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<PublicKey, Response> {
        let key = ApiKey::from_request_parts(parts, state).await?;
        if key.secret {
            return Err(error(
                401,
                "auth_error",
                None,
                "Secret keys (sk_...) must never be used in a browser. Use your public key (pk_test_... or pk_live_...).",
                None,
            ));
        }
        Ok(PublicKey(key))
    }
}

/// The secret key of the account a public key belongs to.
pub fn secret_of(public_key: &str) -> String {
    format!("sk_{}", public_key.strip_prefix("pk_").unwrap_or(public_key))
}

/// The key in a Basic `Authorization` header (its user name; PAY.JP's clients send no password),
/// whatever it is (valid or not). A header that is not Basic auth (another scheme, bad base64, no
/// `:`) presents no key.
pub fn presented(headers: &HeaderMap) -> Option<String> {
    headers.typed_get::<Authorization<Basic>>().map(|auth| auth.username().to_string())
}

/// The key, shortened: enough to recognise, never a whole secret.
fn shown(key: &str) -> String {
    let head: String = key.chars().take(12).collect();
    if key.chars().count() > 12 { format!("{head}…") } else { head }
}

fn no_key() -> Response {
    error(401, "auth_error", None, "Invalid API Key: (none). Send your key with HTTP Basic auth.", None)
}

/// The [`presented`] key, if it is a public or a secret key as PAY.JP takes them.
pub fn authenticate(presented: Option<&str>) -> Result<ApiKey, Response> {
    let Some(key) = presented else { return Err(no_key()) };
    ApiKey::parse(key).ok_or_else(|| error(401, "auth_error", None, &format!("Invalid API Key: {}", shown(key)), None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_and_secret_keys_of_one_account() {
        let pk = ApiKey::parse("pk_test_0123456789abcdef01234567").unwrap();
        let sk = ApiKey::parse(&secret_of(&pk.key)).unwrap();
        assert_eq!((pk.secret, sk.secret), (false, true));
        assert_eq!(pk.account, sk.account);
        assert!(ApiKey::parse("pk_live_0123456789abcdef01234567").unwrap().live);
        for bad in ["", "pk_test_", "pk_test_0123456789ABCDEF01234567", "rk_test_0123456789abcdef01234567", "pk_test_0123456789abcdef0123456", "pk_demo_0123456789abcdef01234567"] {
            assert!(ApiKey::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_presented_key_is_the_basic_user_name() {
        use base64::Engine;
        let basic = |user_pass: &str| format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(user_pass));
        let cases = [
            (basic("pk_test_0123456789abcdef01234567:"), Some("pk_test_0123456789abcdef01234567")),
            (basic("sk_test_x:ignored"), Some("sk_test_x")),
            (basic(":"), Some("")),
            (basic("hello:"), Some("hello")),
            (format!("basic {}", &basic("pk_test_a:")[6..]), Some("pk_test_a")),
            // Not Basic auth: no colon, another scheme, not base64, nothing after the scheme.
            (basic("pk_test_0123456789abcdef01234567"), None),
            ("Bearer pk_test_0123456789abcdef01234567".to_string(), None),
            ("Basic !!!".to_string(), None),
            ("Basic".to_string(), None),
        ];
        for (header, expected) in cases {
            let mut headers = HeaderMap::new();
            headers.insert("authorization", header.parse().unwrap());
            assert_eq!(presented(&headers).as_deref(), expected, "{header}");
        }
        assert_eq!(presented(&HeaderMap::new()), None);
    }
}
