//! devserver: serves the demo merchant page (`www/`) and the built package (`pkg/`) on loopback.
//!
//! Start it with `cargo run -p devserver -- --merchant-addr 127.0.0.1:8080`. It only ever binds
//! loopback addresses.

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use tower_http::services::ServeDir;

struct Config {
    merchant_addr: SocketAddr,
    root: PathBuf,
}

fn usage() -> ! {
    eprintln!("usage: devserver [--merchant-addr 127.0.0.1:8080] [--root DIR]");
    std::process::exit(2)
}

fn parse_args() -> Config {
    let mut config = Config {
        merchant_addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
        root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--merchant-addr" => config.merchant_addr = value.parse().unwrap_or_else(|_| usage()),
            "--root" => config.root = PathBuf::from(value),
            _ => usage(),
        }
    }
    if !config.merchant_addr.ip().is_loopback() {
        eprintln!("devserver: refusing to bind {}: only loopback addresses are allowed", config.merchant_addr);
        std::process::exit(2);
    }
    config
}

#[tokio::main]
async fn main() {
    let config = parse_args();
    let app = Router::new()
        .nest_service("/pkg", ServeDir::new(config.root.join("pkg")))
        .fallback_service(ServeDir::new(config.root.join("www")));
    let listener = tokio::net::TcpListener::bind(config.merchant_addr)
        .await
        .unwrap_or_else(|e| {
            eprintln!("devserver: cannot bind {}: {e}", config.merchant_addr);
            std::process::exit(1)
        });
    let addr = listener.local_addr().expect("bound listener has an address");
    println!("devserver: merchant demo at http://{addr}/");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .expect("server error");
}
