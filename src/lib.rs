//! payjp-wasm: client-side card tokenization for PAY.JP, in Rust, shipped as WebAssembly.
//!
//! - [`core`]: pure Rust card-input rules (normalisation, brands, Luhn, formatting, expiry,
//!   CVC, holder name, e-mail, phone), natively testable.
//! - `js`: the only module that exports to JavaScript.

pub mod api;
pub mod core;
pub mod js;
