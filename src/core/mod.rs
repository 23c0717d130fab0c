//! The pure card-input core: everything the SDK knows about card data, in plain Rust.
//!
//! No browser crate is used here (a test in `tests/core_purity.rs` enforces it), so all of it
//! runs and is tested natively. Every validator is a total function: any string gets an answer,
//! nothing panics, and unfinished input is not an error yet.
//!
//! | module | what it does |
//! |---|---|
//! | `normalize` | full-width digits, the separator table, half-width conversion |
//! | `brand_table` / `brand` | the brand rules (data) and brand detection (matching) |
//! | `luhn` | the check digit |
//! | `number` | card number validation |
//! | `format` | grouping as you type, with the caret |
//! | `expiry`, `cvc`, `holder_name`, `email`, `phone` | one field each |
//! | `romaji` | a holder-name suggestion from kana, in passport Hepburn |
//! | `error` | error codes and their ja/en messages |
//! | `interaction` | when a field shows its error (blur, full length, submit) |

#[allow(unused_imports)]
use crate::prelude::*;

pub mod brand;
pub mod brand_table;
pub mod check;
pub mod cvc;
pub mod email;
pub mod error;
pub mod expiry;
pub mod format;
pub mod holder_name;
pub mod interaction;
pub mod luhn;
pub mod normalize;
pub mod number;
pub mod phone;
pub mod romaji;

pub use brand::{detect, Detection, Network};
pub use check::FieldCheck;
pub use cvc::validate_cvc;
pub use email::{suggest_email, validate_email};
pub use error::{ErrorCode, Lang, Problem};
pub use expiry::{validate_expiry, ExpiryCheck, YearMonth};
pub use format::{
    format_card_number, format_cvc, format_expiry, reformat_card_number, reformat_expiry, EditKind,
    Formatted,
};
pub use holder_name::validate_holder_name;
pub use interaction::{field_state, visible_error, FieldCheckSummary, FieldKind, FieldState};
pub use luhn::luhn_valid;
pub use normalize::normalize_card_number;
pub use number::{detect_brand, validate_card_number, CardNumberCheck};
pub use phone::validate_phone;
pub use romaji::{kana_to_romaji, RomajiError};
