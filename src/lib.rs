//! payjp-wasm: client-side card tokenization for PAY.JP, in Rust, shipped as WebAssembly.
//!
//! - [`core`]: pure Rust card-input rules (normalisation, brands, Luhn, formatting, expiry,
//!   CVC, holder name, e-mail, phone), natively testable.
//! - [`api`]: the token API client (pure, with the transport behind a seam).
//! - `js`: the only module that exports to JavaScript, including the entry points the card
//!   elements (`src/dom/*.js`, hand-written JavaScript) call into.

// Links std: gloo-net and serde-wasm-bindgen need it. Its panic handler costs ~1 KB gzipped over
// the trap-at-once handler a no_std build had (README, design decisions). A panic is a bug, never
// expected input; with `panic = "abort"` it traps.

extern crate alloc;

/// The `alloc` items the modules name (kept from the no_std days; harmless with std).
pub(crate) mod prelude {
    pub use alloc::boxed::Box;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

pub mod api;
pub mod core;
pub mod js;

// The browser is single-threaded here (no wasm threads), which the small allocator relies on.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the SDK is built without wasm threads, so there is only ever one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
