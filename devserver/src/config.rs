//! Command-line configuration.

use std::net::SocketAddr;
use std::path::PathBuf;

pub const USAGE: &str = "\
usage: devserver [options]
  --payment-addr ADDR     token API and frame origin (default 127.0.0.1:8787)
  --merchant-addr ADDR    demo merchant origin (default 127.0.0.1:8080)
  --issuer-addr ADDR      the simulated card issuer's origin for 3-D Secure (default 127.0.0.1:0,
                          a free port, shown as http://localhost:PORT: never the frames' origin)
  --tds-redirect NAME=URL a 3-D Secure redirect URL registered under NAME, as in PAY.JP's
                          dashboard: `/v1/tds/{id}/start?back=NAME` returns there (repeatable;
                          `payjp-wasm` is registered by default as {payment origin}/tds-return.html)
  --allow-origin ORIGIN   an origin allowed to call the token API (repeatable; default: the
                          merchant origin as http://localhost:PORT and http://127.0.0.1:PORT).
                          A loopback origin may end in :* to allow any port.
  --rate N                token requests per second per public key (default 2)
  --no-retry-after        do not send Retry-After with 429 (PAY.JP may not)
  --cdn-test              answer every API request with the CDN test host's 404 JSON
  --root DIR              the repository root holding www/ and pkg/ (default: this checkout)
  --fingerprint-secret S  the server secret for card fingerprints (default: random per run)
Only loopback addresses may be bound.

Keys: every pk_test_/pk_live_ key of 24 lowercase hex digits is an account, and its secret key is
sk_ with the same rest. The demo merchant's pair:
  public  pk_test_0123456789abcdef01234567   (the browser: tokens)
  secret  sk_test_0123456789abcdef01234567   (your server: charges, customers, tds_finish)
Point PAY.JP's server libraries at http://PAYMENT-ADDR (payjp for Node: { apibase:
'http://127.0.0.1:8787/v1' }; payjp for Python: payjp.api_base = 'http://127.0.0.1:8787').";

#[derive(Clone, Debug)]
pub struct Config {
    pub payment_addr: SocketAddr,
    pub merchant_addr: SocketAddr,
    pub issuer_addr: SocketAddr,
    /// Registered 3-D Secure redirect URLs: name → URL.
    pub tds_redirects: Vec<(String, String)>,
    pub allow_origins: Vec<String>,
    pub rate: f64,
    pub retry_after: bool,
    pub cdn_test: bool,
    pub root: PathBuf,
    pub fingerprint_secret: Vec<u8>,
    /// `http://{payment addr}/v1`, known once the payment listener is bound.
    pub api_base_url: String,
    /// `http://localhost:{issuer port}`, known once the issuer listener is bound.
    pub issuer_origin: String,
}

impl Config {
    /// `http://{payment addr}`: the origin of the API and of the frame pages.
    pub fn payment_origin(&self) -> &str {
        self.api_base_url.trim_end_matches("/v1")
    }

    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Config, String> {
        let mut config = Config {
            payment_addr: SocketAddr::from(([127, 0, 0, 1], 8787)),
            merchant_addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            issuer_addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            tds_redirects: Vec::new(),
            allow_origins: Vec::new(),
            rate: 2.0,
            retry_after: true,
            cdn_test: false,
            root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."),
            fingerprint_secret: Vec::new(),
            api_base_url: String::new(),
            issuer_origin: String::new(),
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--payment-addr" => config.payment_addr = parse_addr(&value("--payment-addr")?)?,
                "--merchant-addr" => config.merchant_addr = parse_addr(&value("--merchant-addr")?)?,
                "--issuer-addr" => config.issuer_addr = parse_addr(&value("--issuer-addr")?)?,
                "--tds-redirect" => {
                    let v = value("--tds-redirect")?;
                    config.tds_redirects.push(parse_redirect(&v)?);
                }
                "--allow-origin" => config.allow_origins.push(value("--allow-origin")?),
                "--rate" => {
                    let v = value("--rate")?;
                    config.rate = v.parse().ok().filter(|r: &f64| *r > 0.0).ok_or_else(|| format!("--rate: not a positive number: {v}"))?;
                }
                "--no-retry-after" => config.retry_after = false,
                "--cdn-test" => config.cdn_test = true,
                "--root" => config.root = PathBuf::from(value("--root")?),
                "--fingerprint-secret" => config.fingerprint_secret = value("--fingerprint-secret")?.into_bytes(),
                "-h" | "--help" => return Err(String::new()),
                other => return Err(format!("unknown option {other}")),
            }
        }
        if config.fingerprint_secret.is_empty() {
            let mut secret = vec![0u8; 32];
            getrandom::fill(&mut secret).map_err(|e| format!("no randomness: {e}"))?;
            config.fingerprint_secret = secret;
        }
        Ok(config)
    }
}

/// `NAME=URL`: a name of letters, digits, `-` and `_`, and an absolute http(s) URL with no space
/// or control character (the URL goes into a `Location` header as it is).
fn parse_redirect(s: &str) -> Result<(String, String), String> {
    let (name, url) = s.split_once('=').ok_or_else(|| format!("--tds-redirect: expected NAME=URL, got {s}"))?;
    if name.is_empty() || name.len() > 64 || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(format!("--tds-redirect: the name must be letters, digits, - and _: {name}"));
    }
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    if !rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/')) || url.chars().any(|c| c.is_control() || c == ' ') {
        return Err(format!("--tds-redirect: the URL must be an absolute http(s) URL: {url}"));
    }
    Ok((name.to_string(), url.to_string()))
}

impl Config {
    /// The URL registered under `name`.
    pub fn tds_redirect(&self, name: &str) -> Option<&str> {
        self.tds_redirects.iter().find(|(n, _)| n == name).map(|(_, url)| url.as_str())
    }
}

fn parse_addr(s: &str) -> Result<SocketAddr, String> {
    let addr: SocketAddr = s.parse().map_err(|_| format!("not an address: {s}"))?;
    if !addr.ip().is_loopback() {
        return Err(format!("refusing to bind {addr}: only loopback addresses are allowed"));
    }
    Ok(addr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_names() {
        let c = Config::parse(["--tds-redirect".into(), "shop=https://shop.example/back?x=1".into()]).unwrap();
        assert_eq!(c.tds_redirect("shop"), Some("https://shop.example/back?x=1"));
        assert_eq!(c.tds_redirect("other"), None);
        for bad in [
            "shop", "=https://x.example/", "a b=https://x.example/", "shop=javascript:alert(1)", "shop=/relative", "shop=https://",
            "shop=https://shop.example/a b", "shop=https://shop.example/\n", "shop=https://shop.example/b\u{1f}ck",
        ] {
            assert!(Config::parse(["--tds-redirect".into(), bad.into()]).is_err(), "{bad}");
        }
    }
}
