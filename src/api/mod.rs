//! The token API client. Pure parts — configuration, request encoding, the JSON reader,
//! response and error decoding, the retry policy, the one-request-per-action gate and the call
//! orchestration — are plain Rust, tested natively. The browser transport (`fetch`)
//! and clock live in `js::transport`, behind the [`client::Transport`] and [`client::Clock`]
//! seams.

#[allow(unused_imports)]
use crate::prelude::*;

pub mod client;
pub mod config;
pub mod error;
pub mod gate;
pub mod json;
pub mod request;
pub mod response;
pub mod retry;

pub use client::{ClientConfig, Connection, HttpRequest, HttpResponse, Transport, TransportError, UnreachableReason};
pub use config::{ApiBase, ConfigError, PublicKey};
pub use error::ApiError;
pub use json::Json;
pub use request::{CardData, TokenRequest};
pub use response::{Card, Token};
pub use retry::RetryPolicy;
