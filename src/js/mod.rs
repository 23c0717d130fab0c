//! The JavaScript API: the only place with `#[wasm_bindgen]` exports. `validators` holds the
//! standalone validators the package entry (`src/dom/page/index.js`) re-exports; `payjp` the
//! client behind `Payjp`; `card` what the card elements call. Results are plain structs, made
//! plain JS objects through one serde type by serde-wasm-bindgen (`convert::to_js`).
//!
//! Two builds (`scripts/build-pkg.sh`): the page's core (`core.js`, for `init()` and direct mode)
//! with everything, and the payment frames' (`frame.js`) without the `validators` feature.

#[allow(unused_imports)]
use crate::prelude::*;

pub mod card;
mod convert;
pub mod payjp;
pub mod timers;
pub mod transport;
// The public validators are in the page's core (core.js: `init()` and direct mode) and not in the
// payment frames' wasm (frame.js), which never calls them: the frame build leaves the feature out.
#[cfg(feature = "validators")]
mod validators;
#[cfg(feature = "validators")]
pub use validators::*;
