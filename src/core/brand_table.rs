//! The card brand table: prefixes, lengths, grouping and CVC length for every network we know.
//!
//! Data only; the matching lives in `brand.rs`. Sources: PAY.JP's brand rules (PAYJP.md §7) for
//! the six accepted brands; the networks' published IIN ranges for the brands we recognise but
//! PAY.JP does not accept. Where ranges overlap, the longer prefix wins (see `brand.rs`).

#[allow(unused_imports)]
use crate::prelude::*;

use super::brand::{BrandRule, Grouping, Network, PrefixRange};

const fn range(lo: u32, hi: u32, digits: u8) -> PrefixRange {
    PrefixRange { lo, hi, digits }
}

const G_4444: &[u8] = &[4, 4, 4, 4];
const G_465: &[u8] = &[4, 6, 5];
const G_464: &[u8] = &[4, 6, 4];
const G_44443: &[u8] = &[4, 4, 4, 4, 3];

pub static BRAND_TABLE: &[BrandRule] = &[
    BrandRule {
        network: Network::Visa,
        prefixes: &[range(4, 4, 1)],
        lengths: &[16],
        groupings: &[Grouping { length: 16, groups: G_4444 }],
        cvc_length: 3,
    },
    BrandRule {
        network: Network::MasterCard,
        prefixes: &[range(51, 55, 2), range(2221, 2720, 4)],
        lengths: &[16],
        groupings: &[Grouping { length: 16, groups: G_4444 }],
        cvc_length: 3,
    },
    BrandRule {
        network: Network::Jcb,
        prefixes: &[range(3528, 3589, 4)],
        lengths: &[16],
        groupings: &[Grouping { length: 16, groups: G_4444 }],
        cvc_length: 3,
    },
    BrandRule {
        network: Network::AmericanExpress,
        prefixes: &[range(34, 34, 2), range(37, 37, 2)],
        lengths: &[15],
        groupings: &[Grouping { length: 15, groups: G_465 }],
        cvc_length: 4,
    },
    BrandRule {
        network: Network::DinersClub,
        prefixes: &[range(300, 305, 3), range(3095, 3095, 4), range(36, 36, 2), range(38, 39, 2)],
        lengths: &[14, 16],
        groupings: &[
            Grouping { length: 14, groups: G_464 },
            Grouping { length: 16, groups: G_4444 },
        ],
        cvc_length: 3,
    },
    BrandRule {
        network: Network::Discover,
        prefixes: &[range(6011, 6011, 4), range(644, 649, 3), range(65, 65, 2)],
        lengths: &[16],
        groupings: &[Grouping { length: 16, groups: G_4444 }],
        cvc_length: 3,
    },
    // Recognised, not accepted by PAY.JP. 622126–622925 sits inside UnionPay's 62 (it is the
    // Discover co-badged range elsewhere, but PAY.JP treats it as UnionPay).
    BrandRule {
        network: Network::UnionPay,
        prefixes: &[range(62, 62, 2), range(81, 81, 2)],
        lengths: &[16, 17, 18, 19],
        groupings: &[
            Grouping { length: 16, groups: G_4444 },
            Grouping { length: 19, groups: G_44443 },
        ],
        cvc_length: 3,
    },
    BrandRule {
        network: Network::Maestro,
        prefixes: &[
            range(50, 50, 2),
            range(56, 58, 2),
            range(6304, 6304, 4),
            range(639, 639, 3),
            range(6759, 6759, 4),
            range(6761, 6763, 4),
        ],
        lengths: &[12, 13, 14, 15, 16, 17, 18, 19],
        groupings: &[
            Grouping { length: 16, groups: G_4444 },
            Grouping { length: 19, groups: G_44443 },
        ],
        cvc_length: 3,
    },
    BrandRule {
        network: Network::Mir,
        prefixes: &[range(2200, 2204, 4)],
        lengths: &[16, 17, 18, 19],
        groupings: &[
            Grouping { length: 16, groups: G_4444 },
            Grouping { length: 19, groups: G_44443 },
        ],
        cvc_length: 3,
    },
];
