//! payjp-wasm: client-side card tokenization for PAY.JP, in Rust, shipped as WebAssembly.
//!
//! - [`core`]: pure Rust card-input rules (normalisation, brands, Luhn, formatting, expiry,
//!   CVC, holder name, e-mail, phone), natively testable.
//! - [`api`]: the token API client (pure, with the transport behind a seam).
//! - `js`: the only module that exports to JavaScript, including the entry points the card
//!   elements (`src/dom/*.js`, hand-written JavaScript) call into.

// The wasm build links no std (see the panic handler below); native builds keep it.
#![cfg_attr(all(target_arch = "wasm32", not(test)), no_std)]

extern crate alloc;

/// The `alloc` items a `no_std` crate has to name; every module imports this.
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

// The published wasm links no `std`: a panic (a bug, never expected input) traps at once, and none
// of std's message formatting is shipped. Test builds (`--features std`) keep std's handler.
#[cfg(all(target_arch = "wasm32", not(feature = "std"), not(test)))]
#[panic_handler]
fn panic(_: &::core::panic::PanicInfo) -> ! {
    ::core::arch::wasm32::unreachable()
}
