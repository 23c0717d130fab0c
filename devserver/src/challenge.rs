//! The state of a 3-D Secure challenge, shared by the shared state (`state.rs`), the challenge's
//! pages (`tds.rs`) and the server API that applies its result (`server_api.rs`): what the buyer
//! chose, how the test issuer behaves, and a challenge under way.

use std::time::Instant;

/// What the buyer chose at the issuer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Verified,
    Attempted,
    Failed,
    Aborted,
}

impl Outcome {
    /// The `three_d_secure_status` PAY.JP gives this outcome.
    pub fn status(self) -> &'static str {
        match self {
            Outcome::Verified => "verified",
            Outcome::Attempted => "attempted",
            Outcome::Failed => "failed",
            Outcome::Aborted => "aborted",
        }
    }

    /// The outcome whose status is `s`.
    pub fn parse(s: &str) -> Option<Outcome> {
        [Outcome::Verified, Outcome::Attempted, Outcome::Failed, Outcome::Aborted].into_iter().find(|o| o.status() == s)
    }
}

/// How challenges behave, set by `POST /__control/tds`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The buyer chooses.
    #[default]
    Normal,
    /// The issuer never answers (for timeout tests).
    Hang,
    /// The challenge completes at once with this outcome.
    Auto(Outcome),
}

/// A challenge under way, from `start` to `finish`.
#[derive(Clone, Debug)]
pub struct Session {
    /// The token, charge or 3-D Secure request it is for.
    pub id: String,
    /// The public key that started it (test switches are per key).
    pub key: String,
    pub return_url: String,
    pub outcome: Option<Outcome>,
    pub started: Instant,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_round_trip_through_their_status() {
        for o in [Outcome::Verified, Outcome::Attempted, Outcome::Failed, Outcome::Aborted] {
            assert_eq!(Outcome::parse(o.status()), Some(o));
        }
        assert_eq!(Outcome::parse("Verified"), None);
        assert_eq!(Outcome::parse(""), None);
    }
}
