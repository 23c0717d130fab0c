//! The card brand table: prefixes, lengths, grouping and CVC length for every network we know.
//!
//! Data and the types that describe it; the matching lives in `brand.rs`, which depends on this
//! module and never the other way. Sources: PAY.JP's brand rules (PAYJP.md §7) for
//! the six accepted brands; the networks' published IIN ranges for the brands we recognise but
//! PAY.JP does not accept. Where ranges overlap, the longer prefix wins (see `brand.rs`).

#[allow(unused_imports)]
use crate::prelude::*;

/// Every network we recognise. Only the first six are accepted by PAY.JP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    Visa,
    MasterCard,
    Jcb,
    AmericanExpress,
    DinersClub,
    Discover,
    UnionPay,
    Maestro,
    Mir,
}

impl Network {
    /// The brand string PAY.JP uses, for accepted brands.
    pub fn payjp_name(self) -> Option<&'static str> {
        Some(match self {
            Network::Visa => "Visa",
            Network::MasterCard => "MasterCard",
            Network::Jcb => "JCB",
            Network::AmericanExpress => "American Express",
            Network::DinersClub => "Diners Club",
            Network::Discover => "Discover",
            Network::UnionPay | Network::Maestro | Network::Mir => return None,
        })
    }

    pub fn is_accepted(self) -> bool {
        self.payjp_name().is_some()
    }

    /// Reads a PAY.JP brand string (exact spelling). Anything else is `None`.
    pub fn from_payjp_name(name: &str) -> Option<Network> {
        BRAND_TABLE
            .iter()
            .map(|r| r.network)
            .find(|n| n.payjp_name() == Some(name))
    }

    pub fn rule(self) -> &'static BrandRule {
        BRAND_TABLE
            .iter()
            .find(|r| r.network == self)
            .expect("every network has a row in BRAND_TABLE")
    }
}


/// An inclusive range of IIN prefixes of a fixed number of digits: `2221..=2720` over 4 digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrefixRange {
    pub lo: u32,
    pub hi: u32,
    pub digits: u8,
}

/// How the digits of a number of `length` digits are grouped for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grouping {
    pub length: u8,
    pub groups: &'static [u8],
}

#[derive(Debug)]
pub struct BrandRule {
    pub network: Network,
    pub prefixes: &'static [PrefixRange],
    /// Valid lengths, ascending.
    pub lengths: &'static [u8],
    /// Ascending by `length`; a number uses the first grouping at least as long as itself.
    pub groupings: &'static [Grouping],
    pub cvc_length: u8,
}

impl BrandRule {
    pub fn max_length(&self) -> usize {
        self.lengths.last().copied().unwrap_or(19) as usize
    }

    pub fn grouping_for(&self, digit_count: usize) -> &'static [u8] {
        self.groupings
            .iter()
            .find(|g| g.length as usize >= digit_count)
            .or(self.groupings.last())
            .map(|g| g.groups)
            .unwrap_or(DEFAULT_GROUPS)
    }
}

/// The grouping used while the brand is not known yet.
pub const DEFAULT_GROUPS: &[u8] = &[4, 4, 4, 4];

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
