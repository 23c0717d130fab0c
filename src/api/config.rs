//! Client configuration: the public key and the API base, checked at construction, and the
//! [`ClientConfig`] every call is made with. Mistakes here are the integrating developer's and fail
//! at once with a message naming what was expected; a secret key is refused before it can be sent
//! anywhere. The key goes no further than this module: [`ClientConfig::new`] makes the
//! `Authorization` header from it, once, and the client and the transport carry that header.

#[allow(unused_imports)]
use crate::prelude::*;

use super::retry::RetryPolicy;

/// Where the token API lives unless configured otherwise.
pub const DEFAULT_API_BASE: &str = "https://api.pay.jp/v1";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// An `sk_…` key: it must never reach a browser.
    SecretKey,
    /// Not a `pk_test_…` / `pk_live_…` key.
    NotAPublicKey,
    /// Not an `https://` URL (plain `http://` is allowed for loopback hosts only).
    InsecureApiBase,
    /// Not a URL we can use as a base.
    InvalidApiBase,
}

impl ConfigError {
    /// The message for the developer (English: it is read in a console, not by the buyer).
    pub fn message(&self) -> &'static str {
        match self {
            ConfigError::SecretKey => "Payjp: a secret key (sk_...) was given. Secret keys must never be used in a browser; pass your public key (pk_test_... or pk_live_...).",
            ConfigError::NotAPublicKey => "Payjp: expected a public key (pk_test_... or pk_live_...).",
            ConfigError::InsecureApiBase => "Payjp: apiBase must be an https:// URL (http:// is allowed only for 127.0.0.1, localhost and [::1]).",
            ConfigError::InvalidApiBase => "Payjp: apiBase must be an absolute URL such as https://api.pay.jp/v1.",
        }
    }
}

/// A public key, `pk_test_…` or `pk_live_…`.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey(String);

impl core::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(if self.is_live() { "PublicKey(live)" } else { "PublicKey(test)" })
    }
}

impl PublicKey {
    pub fn parse(key: &str) -> Result<PublicKey, ConfigError> {
        let key = key.trim();
        if key.starts_with("sk_") {
            return Err(ConfigError::SecretKey);
        }
        let rest = key.strip_prefix("pk_test_").or_else(|| key.strip_prefix("pk_live_"));
        match rest {
            Some(id) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()) => Ok(PublicKey(key.to_string())),
            _ => Err(ConfigError::NotAPublicKey),
        }
    }

    pub fn is_live(&self) -> bool {
        self.0.starts_with("pk_live_")
    }
}

/// The API base URL, without a trailing slash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiBase(String);

impl Default for ApiBase {
    fn default() -> ApiBase {
        ApiBase(DEFAULT_API_BASE.to_string())
    }
}

/// True for hosts that never leave the machine.
fn is_loopback_host(host: &str) -> bool {
    host == "localhost"
        || host == "[::1]"
        || host.strip_prefix("127.").is_some_and(|rest| {
            let parts: Vec<&str> = rest.split('.').collect();
            parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
        })
}

impl ApiBase {
    pub fn parse(url: &str) -> Result<ApiBase, ConfigError> {
        let url = url.trim().trim_end_matches('/');
        let (secure, rest) = if let Some(rest) = url.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = url.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(if url.as_bytes().windows(3).any(|w| w == b"://") { ConfigError::InsecureApiBase } else { ConfigError::InvalidApiBase });
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        // A browser's URL parser reads a backslash as a slash and drops tabs and line breaks: with
        // either, the host it reads may be another than the one checked here (`https://\/tokens`
        // is `https://tokens/`; `https://\r/user@host/…` goes to `host`). Found by
        // fuzz/fuzz_targets/api_config.rs.
        if authority.is_empty()
            || authority.bytes().any(|b| b == b'@')
            || rest.bytes().any(|b| matches!(b, b'?' | b'#' | b' ' | b'\\') || b.is_ascii_control())
        {
            return Err(ConfigError::InvalidApiBase);
        }
        // `rsplit_once` rather than slicing: no panicking path (and its formatting) is shipped.
        let host = match authority.rsplit_once(':') {
            Some((host, port)) if !authority.ends_with(']') => {
                if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(ConfigError::InvalidApiBase);
                }
                host
            }
            _ => authority,
        };
        if host.is_empty() {
            return Err(ConfigError::InvalidApiBase);
        }
        if !secure && !is_loopback_host(&host.to_ascii_lowercase()) {
            return Err(ConfigError::InsecureApiBase);
        }
        Ok(ApiBase(url.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `{base}{path}`; `path` starts with `/`.
    pub fn join(&self, path: &str) -> String {
        let mut url = String::with_capacity(self.0.len() + path.len());
        url.push_str(&self.0);
        url.push_str(path);
        url
    }
}

/// How long one request may take unless `Payjp()` was given a `timeout`.
pub const DEFAULT_TIMEOUT_MS: f64 = 15_000.0;

/// Everything a call needs to know about the account and the network.
#[derive(Clone)]
pub struct ClientConfig {
    /// `Basic …` of `{public key}:` (the key as the user, an empty password), as PAY.JP's API
    /// authenticates a public key.
    authorization: String,
    pub api_base: ApiBase,
    pub timeout_ms: f64,
    pub retry: RetryPolicy,
}

impl core::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("api_base", &self.api_base)
            .field("timeout_ms", &self.timeout_ms)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl ClientConfig {
    pub fn new(key: PublicKey, api_base: ApiBase) -> ClientConfig {
        let mut user = key.0.into_bytes();
        user.push(b':');
        let authorization = base64("Basic ", &user);
        ClientConfig { authorization, api_base, timeout_ms: DEFAULT_TIMEOUT_MS, retry: RetryPolicy::default() }
    }

    /// The `Authorization` header's value.
    pub fn authorization(&self) -> &str {
        &self.authorization
    }
}

/// `prefix` followed by standard base64 (RFC 4648, padded) of `bytes`. By hand: the `base64`
/// crate's engine cost every frame 3.5 KB gzipped for this one header (README, design decisions);
/// `tests/api_props.rs` checks it against the crate, for keys of every length.
fn base64(prefix: &str, bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::from(prefix);
    let mut n = 0u32;
    for (i, &b) in bytes.iter().enumerate() {
        n = n << 8 | u32::from(b);
        if i % 3 == 2 || i + 1 == bytes.len() {
            // 1, 2 or 3 bytes in `n`: as many six-bit digits as they fill, then `=` to four.
            let filled = i % 3 + 1;
            n <<= 8 * (3 - filled);
            for d in 0..4 {
                out.push(if d <= filled { char::from(ALPHABET[(n >> (18 - 6 * d) & 63) as usize]) } else { '=' });
            }
            n = 0;
        }
    }
    out
}
