//! The token API client. Pure parts — configuration, request encoding, the answers' serde
//! types and error decoding, the retry policy, the one-request-per-action gate and the call
//! orchestration — are plain Rust, tested natively. The browser transport (`fetch`)
//! and clock live in `js::transport`, behind the [`client::Transport`] and [`client::Clock`]
//! seams.

#[allow(unused_imports)]
use crate::prelude::*;

pub mod client;
pub mod config;
pub mod error;
pub mod gate;
pub mod request;
pub mod response;
pub mod retry;

pub use client::{Connection, Document, HttpRequest, HttpResponse, Transport, TransportError, UnreachableReason};
pub use config::{ApiBase, ClientConfig, ConfigError, PublicKey};
pub use error::ApiError;
pub use request::{CardData, TokenRequest};
pub use response::{Availability, ErrorBody, Token};
pub use retry::RetryPolicy;
