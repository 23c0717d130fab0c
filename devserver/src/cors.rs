//! CORS for the token API: an explicit list of allowed origins, preflights, and refusal of
//! everything else.

use axum::http::{HeaderMap, HeaderValue};

pub const ALLOWED_METHODS: &str = "GET, POST, OPTIONS";
pub const ALLOWED_HEADERS: &str = "Authorization, Content-Type, X-Payjp-Client-User-Agent";
/// Retry-After is not a CORS-safelisted response header: without this the SDK could not read it.
pub const EXPOSED_HEADERS: &str = "Retry-After";

/// True when `origin` is in `allowed`. An allowed entry may end in `:*` for any port, but only
/// for loopback hosts.
pub fn origin_allowed(allowed: &[String], origin: &str) -> bool {
    allowed.iter().any(|pattern| match pattern.strip_suffix(":*") {
        Some(host) if is_loopback_origin(host) => origin
            .strip_prefix(host)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())),
        Some(_) => false,
        None => pattern == origin,
    })
}

fn is_loopback_origin(scheme_host: &str) -> bool {
    ["http://127.0.0.1", "http://localhost", "http://[::1]", "https://127.0.0.1", "https://localhost"]
        .contains(&scheme_host)
}

/// Adds the headers that let an allowed origin read the response.
pub fn allow(headers: &mut HeaderMap, origin: &str) {
    if let Ok(value) = HeaderValue::from_str(origin) {
        headers.insert("access-control-allow-origin", value);
        headers.insert("access-control-expose-headers", HeaderValue::from_static(EXPOSED_HEADERS));
    }
    headers.append("vary", HeaderValue::from_static("Origin"));
}

/// Adds the preflight answer.
pub fn preflight(headers: &mut HeaderMap, origin: &str) {
    allow(headers, origin);
    headers.insert("access-control-allow-methods", HeaderValue::from_static(ALLOWED_METHODS));
    headers.insert("access-control-allow-headers", HeaderValue::from_static(ALLOWED_HEADERS));
    headers.insert("access-control-max-age", HeaderValue::from_static("600"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_wildcard_port_origins() {
        let allowed = vec!["http://localhost:8080".to_string(), "http://127.0.0.1:*".to_string(), "https://shop.example:*".to_string()];
        assert!(origin_allowed(&allowed, "http://localhost:8080"));
        assert!(!origin_allowed(&allowed, "http://localhost:8081"));
        assert!(origin_allowed(&allowed, "http://127.0.0.1:39123"));
        assert!(!origin_allowed(&allowed, "http://127.0.0.1:"));
        assert!(!origin_allowed(&allowed, "http://127.0.0.1:1/x"));
        assert!(!origin_allowed(&allowed, "http://127.0.0.10:80"));
        // Wildcards are for loopback only.
        assert!(!origin_allowed(&allowed, "https://shop.example:443"));
        assert!(!origin_allowed(&allowed, "null"));
    }
}
