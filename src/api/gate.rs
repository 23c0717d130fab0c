//! One request per user action. A second call for the same card data while one is in flight
//! joins it; a new request within the cool-down after one completes waits out the remainder,
//! as PAY.JP's mobile SDKs refuse new tokens for 2 s.
//!
//! The gate decides; the caller supplies the handle a call's result is shared through (a JS
//! promise in the browser, a simulated one in `examples/storm`), so the same decisions run in the
//! wasm and in the native storm simulation.

#[allow(unused_imports)]
use crate::prelude::*;

use core::cell::RefCell;

pub const COOLDOWN_MS: f64 = 2_000.0;

/// The gate of one SDK instance. `H` is the handle of a call's result.
#[derive(Clone, Debug)]
pub struct RequestGate<H> {
    /// The latest call to start, while it is in flight: its card data's key and its handle.
    in_flight: Option<(u64, H)>,
    last_completed_ms: Option<f64>,
}

impl<H> Default for RequestGate<H> {
    fn default() -> RequestGate<H> {
        RequestGate { in_flight: None, last_completed_ms: None }
    }
}

/// What a new call does, as the gate decides it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Admission<H> {
    /// The same card data is in flight: the call shares that call's result.
    Join(H),
    /// A request of its own, once `earlier` (a call for other data, still in flight) settled
    /// and the cool-down passed.
    Send { earlier: Option<H> },
}

impl<H: Clone> RequestGate<H> {
    /// What a call for the card data `key` does.
    pub fn admit(&self, key: u64) -> Admission<H> {
        match &self.in_flight {
            Some((k, handle)) if *k == key => Admission::Join(handle.clone()),
            other => Admission::Send { earlier: other.as_ref().map(|(_, h)| h.clone()) },
        }
    }

    /// Marks the call for `key` in flight, with its handle. Called synchronously with
    /// [`RequestGate::admit`], so a double click already joins.
    pub fn begin(&mut self, key: u64, handle: H) {
        self.in_flight = Some((key, handle));
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
        if self.in_flight.as_ref().is_some_and(|(k, _)| *k == key) {
            self.in_flight = None;
        }
        self.last_completed_ms = Some(now_ms);
    }

    /// Whether a call for `key` is in flight.
    pub fn joins(&self, key: u64) -> bool {
        matches!(self.admit(key), Admission::Join(_))
    }
}

/// A call through `gate`: the handle of the call in flight for the same data, or a new one that
/// `start` makes (it starts the request, given the handle of the call to wait for, if any).
pub fn call<H: Clone>(gate: &RefCell<RequestGate<H>>, key: u64, start: impl FnOnce(Option<H>) -> H) -> H {
    let admission = gate.borrow().admit(key);
    match admission {
        Admission::Join(handle) => handle,
        Admission::Send { earlier } => {
            let handle = start(earlier);
            gate.borrow_mut().begin(key, handle.clone());
            handle
        }
    }
}

/// A key for "the same card data", so the data itself need not be kept: FNV-1a over the
/// request body. It never leaves memory and is dropped with the request.
pub fn request_key(body: &str) -> u64 {
    body.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
