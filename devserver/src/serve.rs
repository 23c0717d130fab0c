//! The accept loop. It is our own (not `axum::serve`) so that a fault can drop a connection
//! without answering, as a broken network or CDN would, and so handlers know the peer address.

use std::convert::Infallible;
use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::Request;
use axum::response::Response;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::net::TcpListener;
use tower::ServiceExt;

/// The peer of a connection, for loopback-only endpoints.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub SocketAddr);

/// Returned by a [`Gate`] to close the connection without a response.
#[derive(Debug)]
pub struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for DropConnection {}

/// Decides, before routing, whether a request's connection is to be dropped.
pub type Gate = fn(&crate::state::AppState, &mut Request) -> Result<(), DropConnection>;

pub async fn run(listener: TcpListener, router: axum::Router, state: crate::state::AppState, gate: Option<Gate>) {
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(conn) => conn,
            Err(_) => continue,
        };
        let router = router.clone();
        let state = state.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
                let router = router.clone();
                let state = state.clone();
                async move {
                    let mut req = req.map(Body::new);
                    req.extensions_mut().insert(Peer(peer));
                    if let Some(gate) = gate {
                        gate(&state, &mut req)?;
                    }
                    let response: Response = router.oneshot(req).await.unwrap_or_else(|e: Infallible| match e {});
                    Ok::<_, DropConnection>(response)
                }
            });
            // A dropped connection ends here with an error; nothing to report.
            let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
