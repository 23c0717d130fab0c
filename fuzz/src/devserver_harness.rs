//! The devserver driven in process, as its accept loop (`devserver/src/serve.rs`) drives it: the
//! peer address goes on the request, the payment origin's gate runs before routing (and may drop
//! the connection), then the router answers. No sockets: a runtime with a paused clock, so a
//! fault's `latency=` costs no time.

use std::net::SocketAddr;
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{HeaderMap, Request};
use axum::Router;
use devserver::config::Config;
use devserver::serve::Peer;
use devserver::state::AppState;
use tower::ServiceExt;

pub const PK_TEST: &str = "pk_test_0123456789abcdef01234567";
pub const SK_TEST: &str = "sk_test_0123456789abcdef01234567";
pub const PK_LIVE: &str = "pk_live_0123456789abcdef01234567";
pub const PK_OTHER: &str = "pk_test_fedcba9876543210fedcba98";
pub const SK_OTHER: &str = "sk_test_fedcba9876543210fedcba98";

pub const PAYMENT_ORIGIN: &str = "http://127.0.0.1:8787";
pub const ISSUER_ORIGIN: &str = "http://localhost:8788";
pub const MERCHANT_ORIGIN: &str = "http://localhost:8080";

/// The devserver's configuration as `main` completes it, with a rate no fuzz run reaches and a
/// fixed fingerprint secret; `args` are more command-line options.
pub fn config(args: &[String]) -> Result<Config, String> {
    let base = ["--rate", "1000000000", "--fingerprint-secret", "fuzz"].map(String::from);
    let mut config = Config::parse(base.into_iter().chain(args.iter().cloned()))?;
    config.api_base_url = format!("{PAYMENT_ORIGIN}/v1");
    config.issuer_origin = ISSUER_ORIGIN.to_string();
    config.allow_origins = vec![MERCHANT_ORIGIN.to_string(), "http://127.0.0.1:*".to_string()];
    if config.tds_redirect("payjp-wasm").is_none() {
        config.tds_redirects.push(("payjp-wasm".into(), format!("{PAYMENT_ORIGIN}/tds-return.html")));
    }
    Ok(config)
}

/// One current-thread runtime for the whole run, its clock paused.
pub fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread().enable_time().start_paused(true).build().expect("a runtime")
    })
}

/// A loopback peer, and one that is not.
pub const LOOPBACK_PEER: SocketAddr = SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 50000);
pub const REMOTE_PEER: SocketAddr = SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1)), 50000);

/// A devserver with fresh state: the payment origin, the issuer's and the demo merchant's.
pub struct Server {
    pub state: AppState,
    payment: Router,
    issuer: Router,
    merchant: Router,
}

/// An answer, its body read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// A header's value as text (`None` also when it is not visible ASCII).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A header's value as sent.
    pub fn header_bytes(&self, name: &str) -> Option<&[u8]> {
        self.headers.get(name).map(|v| v.as_bytes())
    }
}

impl Server {
    pub fn new(config: Config) -> Server {
        let state = AppState::new(config);
        Server {
            payment: devserver::payment::router(state.clone()),
            issuer: devserver::tds::issuer_router(state.clone()),
            merchant: devserver::merchant::router(state.clone()),
            state,
        }
    }

    /// Sends `req` from `peer`: `/issuer/…` to the issuer's origin, the demo merchant's own
    /// endpoints (`/charge…`, `/__log`, `/demo-config.json`) to the merchant's, anything else to
    /// the payment origin through its gate. `None`: the gate dropped the connection (a `drop`
    /// fault).
    pub async fn send(&self, mut req: Request<Body>, peer: SocketAddr) -> Option<Reply> {
        req.extensions_mut().insert(Peer(peer));
        let path = req.uri().path();
        let router = if path.starts_with("/issuer") {
            self.issuer.clone()
        } else if path.starts_with("/charge") || path == "/__log" || path == "/demo-config.json" {
            self.merchant.clone()
        } else {
            devserver::payment::gate(&self.state, &mut req).ok()?;
            self.payment.clone()
        };
        let response = router.oneshot(req).await.unwrap_or_else(|e| match e {});
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("a body");
        Some(Reply { status, headers, body: body.to_vec() })
    }
}
