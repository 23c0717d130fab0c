//! One request per user action. A second call for the same card data while one is in flight
//! joins it; a new request within the cool-down after one completes waits out the remainder,
//! as PAY.JP's mobile SDKs refuse new tokens for 2 s.

#[allow(unused_imports)]
use crate::prelude::*;

pub const COOLDOWN_MS: f64 = 2_000.0;

#[derive(Clone, Debug, Default)]
pub struct RequestGate {
    in_flight: Option<u64>,
    last_completed_ms: Option<f64>,
}

impl RequestGate {
    /// True when a request for the same data is in flight: the caller shares its result.
    pub fn joins(&self, key: u64) -> bool {
        self.in_flight == Some(key)
    }

    /// Marks `key` in flight. Called synchronously, so a double click already joins.
    pub fn begin(&mut self, key: u64) {
        self.in_flight = Some(key);
    }

    /// How long a request starting now must wait for the cool-down.
    pub fn cooldown_ms(&self, now_ms: f64) -> f64 {
        match self.last_completed_ms {
            Some(t) if now_ms >= t => (COOLDOWN_MS - (now_ms - t)).max(0.0),
            _ => 0.0,
        }
    }

    /// The request for `key` completed at `now_ms`.
    pub fn finish(&mut self, key: u64, now_ms: f64) {
        if self.in_flight == Some(key) {
            self.in_flight = None;
        }
        self.last_completed_ms = Some(now_ms);
    }
}

/// A key for "the same card data", so the data itself need not be kept: FNV-1a over the
/// request body. It never leaves memory and is dropped with the request.
pub fn request_key(body: &str) -> u64 {
    body.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
