//! Command-line configuration.

use std::net::SocketAddr;
use std::path::PathBuf;

pub const USAGE: &str = "\
usage: devserver [options]
  --payment-addr ADDR     token API and frame origin (default 127.0.0.1:8787)
  --merchant-addr ADDR    demo merchant origin (default 127.0.0.1:8080)
  --allow-origin ORIGIN   an origin allowed to call the token API (repeatable; default: the
                          merchant origin as http://localhost:PORT and http://127.0.0.1:PORT).
                          A loopback origin may end in :* to allow any port.
  --rate N                token requests per second per public key (default 2)
  --no-retry-after        do not send Retry-After with 429 (PAY.JP may not)
  --cdn-test              answer every API request with the CDN test host's 404 JSON
  --root DIR              the repository root holding www/ and pkg/ (default: this checkout)
  --fingerprint-secret S  the server secret for card fingerprints (default: random per run)
Only loopback addresses may be bound.";

#[derive(Clone, Debug)]
pub struct Config {
    pub payment_addr: SocketAddr,
    pub merchant_addr: SocketAddr,
    pub allow_origins: Vec<String>,
    pub rate: f64,
    pub retry_after: bool,
    pub cdn_test: bool,
    pub root: PathBuf,
    pub fingerprint_secret: Vec<u8>,
    /// `http://{payment addr}/v1`, known once the payment listener is bound.
    pub api_base_url: String,
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
            allow_origins: Vec::new(),
            rate: 2.0,
            retry_after: true,
            cdn_test: false,
            root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."),
            fingerprint_secret: Vec::new(),
            api_base_url: String::new(),
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--payment-addr" => config.payment_addr = parse_addr(&value("--payment-addr")?)?,
                "--merchant-addr" => config.merchant_addr = parse_addr(&value("--merchant-addr")?)?,
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

fn parse_addr(s: &str) -> Result<SocketAddr, String> {
    let addr: SocketAddr = s.parse().map_err(|_| format!("not an address: {s}"))?;
    if !addr.ip().is_loopback() {
        return Err(format!("refusing to bind {addr}: only loopback addresses are allowed"));
    }
    Ok(addr)
}
