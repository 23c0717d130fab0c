//! API keys as PAY.JP's test mode has them: a public key (`pk_test_` / `pk_live_` + 24 hex) for
//! the buyer's browser, and the secret key of the same account (`sk_…` + the same 24 hex) for the
//! merchant's server. Every key of the right shape is an account here; `devserver --help` prints
//! the demo merchant's pair.

use axum::http::HeaderMap;
use axum::response::Response;
use base64::Engine;

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

    /// A secret key is for the merchant's server: some endpoints take nothing else.
    pub fn require_secret(&self) -> Result<(), Response> {
        if self.secret {
            Ok(())
        } else {
            Err(error(401, "auth_error", None, "This endpoint needs your secret key (sk_...); public keys are for the browser.", None))
        }
    }
}

/// The secret key of the account a public key belongs to.
pub fn secret_of(public_key: &str) -> String {
    format!("sk_{}", public_key.strip_prefix("pk_").unwrap_or(public_key))
}

/// The key in a Basic `Authorization` header, whatever it is (valid or not).
pub fn presented(headers: &HeaderMap) -> Option<String> {
    let auth = headers.get("authorization")?.to_str().ok()?;
    let decoded = base64::engine::general_purpose::STANDARD.decode(auth.strip_prefix("Basic ")?.trim()).ok()?;
    let user_pass = String::from_utf8(decoded).ok()?;
    Some(user_pass.split_once(':').map_or(user_pass.as_str(), |(user, _)| user).to_string())
}

/// The key, shortened: enough to recognise, never a whole secret.
fn shown(key: &str) -> String {
    let head: String = key.chars().take(12).collect();
    if key.chars().count() > 12 { format!("{head}…") } else { head }
}

/// HTTP Basic with a public or a secret key, as PAY.JP takes them.
pub fn authenticate(headers: &HeaderMap) -> Result<ApiKey, Response> {
    let Some(key) = presented(headers) else {
        return Err(error(401, "auth_error", None, "Invalid API Key: (none). Send your key with HTTP Basic auth.", None));
    };
    ApiKey::parse(&key).ok_or_else(|| error(401, "auth_error", None, &format!("Invalid API Key: {}", shown(&key)), None))
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
}
