//! The client's configuration: `PublicKey::parse` and `ApiBase::parse`. Input: the key, 0xFF,
//! the API base. Invariants: a secret key is never taken; a public key is `pk_test_`/`pk_live_`
//! and letters and digits; an API base that a browser's URL parser (the url crate, WHATWG) reads
//! is https, or http to this machine only, with no user or password, and the endpoints joined to
//! it stay under it. The Authorization header made from a key is one line of base64.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payjp_wasm::api::{ApiBase, ClientConfig, ConfigError, PublicKey};
use payjp_wasm_fuzz::{fields, text};

fuzz_target!(|data: &[u8]| {
    let [key, base] = fields::<2>(data);
    let (key, base) = (text(key), text(base));
    match PublicKey::parse(&key) {
        Ok(k) => {
            // The key is kept as given, trimmed.
            let s = key.trim();
            assert!(s.starts_with("pk_test_") || s.starts_with("pk_live_"));
            assert!(s[8..].bytes().all(|b| b.is_ascii_alphanumeric()) && s.len() > 8);
            assert_eq!(k.is_live(), s.starts_with("pk_live_"));
            // The header made from it is one line of base64 after `Basic `.
            let header = ClientConfig::new(k, ApiBase::default()).authorization().to_string();
            let encoded = header.strip_prefix("Basic ").expect("Basic auth");
            assert!(encoded.len() % 4 == 0 && encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)), "{header:?}");
        }
        Err(e) => assert!(e != ConfigError::SecretKey || key.trim().starts_with("sk_")),
    }
    if let Ok(api) = ApiBase::parse(&base) {
        let joined = api.join("/tokens");
        assert!(joined.starts_with(api.as_str()));
        if let Ok(url) = url::Url::parse(&joined) {
            assert!(url.username().is_empty() && url.password().is_none(), "no credentials in the API base: {joined:?}");
            match url.scheme() {
                "https" => {}
                "http" => {
                    let loopback = match url.host() {
                        Some(url::Host::Domain(d)) => d == "localhost",
                        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                        None => false,
                    };
                    assert!(loopback, "plain http to another machine: {joined:?} is {url}");
                }
                other => panic!("scheme {other} accepted: {joined:?}"),
            }
            assert!(url.path().ends_with("/tokens"), "the endpoint stays under the base: {joined:?} is {url}");
        }
    }
});
