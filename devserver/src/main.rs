//! devserver: a local, test-mode stand-in for PAY.JP, in the spirit of stripe-mock.
//!
//! - The payment origin (default 127.0.0.1:8787) serves the token API under `/v1` with PAY.JP's
//!   test cards, auth, CORS, a per-key rate limit, CDN-test mode and fault injection, plus
//!   loopback-only control endpoints under `/__control`.
//!   It also serves the server API a merchant's backend calls with its secret key (charges,
//!   customers, 3-D Secure requests: `server_api.rs`), so PAY.JP's official server libraries run
//!   against it with only their API base changed.
//! - 3-D Secure on PAY.JP's protocol (`/v1/tds/{id}/start`, `…/finish`), with a simulated card
//!   issuer on an origin of its own (default a free port, shown as localhost; see `tds.rs`).
//! - The merchant origin (default 127.0.0.1:8080, shown as localhost) serves the demo (`www/`,
//!   `pkg/`), takes `POST /charge`, and records every request at `GET /__log`.
//!
//! Requests are read with axum's extractors: `Form`, `Query` and `Json` behind the wrappers of
//! `extract.rs`, and the key from HTTP Basic auth (the `headers` crate's `Authorization<Basic>`)
//! behind those of `keys.rs`. A request they cannot read is answered with PAY.JP's error body
//! (`api_error.rs`) rather than axum's plain-text rejection.
//!
//! It only binds loopback addresses and never logs card numbers (brand and last4 at most).

use devserver::config::{self, Config};
use devserver::state::AppState;
use devserver::{merchant, payment, serve, tds};
use tokio::net::TcpListener;

async fn bind(addr: std::net::SocketAddr) -> TcpListener {
    TcpListener::bind(addr).await.unwrap_or_else(|e| {
        eprintln!("devserver: cannot bind {addr}: {e}");
        std::process::exit(1)
    })
}

#[tokio::main]
async fn main() {
    let mut config = match Config::parse(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("devserver: {message}");
            }
            eprintln!("{}", config::USAGE);
            std::process::exit(2)
        }
    };
    let payment = bind(config.payment_addr).await;
    let merchant = bind(config.merchant_addr).await;
    let issuer = bind(config.issuer_addr).await;
    let payment_addr = payment.local_addr().expect("bound");
    // The issuer is shown as localhost: another site than the frames' 127.0.0.1, as a real
    // issuer's would be.
    config.issuer_origin = format!("http://localhost:{}", issuer.local_addr().expect("bound").port());
    let merchant_port = merchant.local_addr().expect("bound").port();
    if config.allow_origins.is_empty() {
        config.allow_origins = vec![format!("http://localhost:{merchant_port}"), format!("http://127.0.0.1:{merchant_port}")];
    }
    config.api_base_url = format!("http://{payment_addr}/v1");
    if config.tds_redirect("payjp-wasm").is_none() {
        config.tds_redirects.push(("payjp-wasm".into(), format!("http://{payment_addr}/tds-return.html")));
    }
    println!("devserver: payment API at {}", config.api_base_url);
    println!("devserver: 3-D Secure issuer at {}", config.issuer_origin);
    for (name, url) in &config.tds_redirects {
        println!("devserver: 3-D Secure redirect {name} = {url}");
    }
    println!("devserver: merchant demo at http://localhost:{merchant_port}/");
    println!("devserver: the demo checkout is http://localhost:{merchant_port}/ and the validators page http://localhost:{merchant_port}/validators.html");
    println!("devserver: allowed origins: {}", config.allow_origins.join(" "));
    if config.cdn_test {
        println!("devserver: CDN test mode: every API request gets 404 \"Test response.\"");
    }
    let state = AppState::new(config);
    let payment_app = payment::router(state.clone());
    let merchant_app = merchant::router(state.clone());
    let issuer_app = tds::issuer_router(state.clone());
    tokio::select! {
        _ = serve::run(issuer, issuer_app, state.clone(), None) => {}
        _ = serve::run(payment, payment_app, state.clone(), Some(payment::gate)) => {}
        _ = serve::run(merchant, merchant_app, state.clone(), None) => {}
        _ = shutdown() => {}
    }
}

async fn shutdown() {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("signal handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
