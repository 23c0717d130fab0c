//! One request per user action. A second call for the same card data while one is in flight
//! joins it, and one within the cool-down after it answered gets that answer again (a double
//! click never makes a second token); a call for other data within the cool-down waits out the
//! remainder, as PAY.JP's mobile SDKs refuse new tokens for 2 s.
//!
//! The gate decides; the caller supplies the handle a call's result is shared through (a JS
//! promise in the browser, a simulated one in `examples/storm`), so the same decisions run in the
//! wasm and in the native storm simulation.

#[allow(unused_imports)]
use crate::prelude::*;

use core::cell::RefCell;

use super::retry::Backoff;

pub const COOLDOWN_MS: f64 = 2_000.0;

/// The gate of one SDK instance. `H` is the handle of a call's result.
#[derive(Clone, Debug)]
pub struct RequestGate<H> {
    /// The latest call to start: its card data's key, its handle and, once it answered, when.
    /// The key is a hash of card data the payment frame's inputs still hold; it is replaced by
    /// the next call.
    latest: Option<(u64, H, Option<f64>)>,
    last_completed_ms: Option<f64>,
    /// The API's push-back so far (`retry::Backoff`), carried from one call to the next: a new
    /// press after `over_capacity` waits out what the API asked for.
    pub backoff: Backoff,
}

impl<H> Default for RequestGate<H> {
    fn default() -> RequestGate<H> {
        RequestGate { latest: None, last_completed_ms: None, backoff: Backoff::default() }
    }
}

/// What a new call does, as the gate decides it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Admission<H> {
    /// The same card data is in flight, or answered within the cool-down: the call shares that
    /// call's result.
    Join(H),
    /// A request of its own, once `earlier` (a call for other data, still in flight) settled
    /// and the cool-down passed.
    Send { earlier: Option<H> },
}

impl<H: Clone> RequestGate<H> {
    /// What a call for the card data `key` does at `now_ms`.
    pub fn admit(&self, key: u64, now_ms: f64) -> Admission<H> {
        match &self.latest {
            Some((k, handle, answered)) if *k == key && answered.is_none_or(|t| now_ms - t < COOLDOWN_MS) => Admission::Join(handle.clone()),
            Some((_, handle, None)) => Admission::Send { earlier: Some(handle.clone()) },
            _ => Admission::Send { earlier: None },
        }
    }

    /// Marks the call for `key` in flight, with its handle. Called synchronously with
    /// [`RequestGate::admit`], so a double click already joins.
    pub fn begin(&mut self, key: u64, handle: H) {
        self.latest = Some((key, handle, None));
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
        if let Some((k, _, answered @ None)) = &mut self.latest {
            if *k == key {
                *answered = Some(now_ms);
            }
        }
        self.last_completed_ms = Some(now_ms);
    }

    /// Whether a call for `key` at `now_ms` shares an earlier call's result.
    pub fn joins(&self, key: u64, now_ms: f64) -> bool {
        matches!(self.admit(key, now_ms), Admission::Join(_))
    }
}

/// A call through `gate` at `now_ms`: the handle of the call whose result it shares, or a new one
/// that `start` makes (it starts the request, given the handle of the call to wait for, if any;
/// the request runs after `call` returned, as a promise's does).
pub fn call<H: Clone>(gate: &RefCell<RequestGate<H>>, key: u64, now_ms: f64, start: impl FnOnce(Option<H>) -> H) -> H {
    let admission = gate.borrow().admit(key, now_ms);
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
