//! payjp-wasm: client-side card tokenization for PAY.JP, in Rust, shipped as WebAssembly.
//!
//! - [`core`]: pure Rust card-input rules (normalisation, brands, Luhn, formatting, expiry,
//!   CVC, holder name, e-mail, phone), natively testable.
//! - [`api`]: the token API client (pure, with the transport behind a seam).
//! - [`dom`]: rendering and events for the card elements and the badge.
//! - `js`: the only module that exports to JavaScript.

pub mod api;
pub mod core;
#[cfg(feature = "elements")]
pub mod dom;
pub mod js;

// The browser is single-threaded here (no wasm threads), which the small allocator relies on.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the SDK is built without wasm threads, so there is only ever one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
