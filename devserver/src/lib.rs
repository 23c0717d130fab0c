//! The devserver's handlers and helpers, as a library: `main.rs` binds the listeners and runs
//! them; the fuzz targets (`fuzz/`) drive the same routers in process. See `main.rs` for what the
//! devserver is.

// Handlers and their helpers return `Result<_, Response>`: the `Err` is the finished PAY.JP error
// answer, returned as is. Boxing it to shrink the `Result` would add noise to every early return
// of a test server for no measurable gain.
#![allow(clippy::result_large_err)]

// Each module uses only modules listed above it: no cycles. The leaves hold data and small
// helpers (`state`, `challenge`, `extract`, `keys`, `clock`, `ids`, `html`); the handler
// modules (`server_api`, `tds`, `payment`, `merchant`) come last.
pub mod cards;
pub mod api_error;
pub mod challenge;
pub mod clock;
pub mod config;
pub mod cors;
pub mod extract;
pub mod faults;
pub mod html;
pub mod ids;
pub mod jws;
pub mod keys;
pub mod rate_limit;
pub mod state;
pub mod frame;
pub mod serve;
pub mod server_api;
pub mod merchant;
pub mod tds;
pub mod payment;
