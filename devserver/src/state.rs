//! State shared by the three origins (payment, issuer, merchant): issued tokens, server API
//! objects, 3-D Secure challenges and switches, pending faults, rate buckets, counters and the
//! merchant's request log. It holds data only; the handlers that change it live in their own
//! modules, and this module depends on none of them.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::challenge::{Mode, Outcome, Session};
use crate::config::Config;
use crate::faults::Fault;
use crate::rate_limit::Buckets;

/// A token as issued, kept so that `GET /tokens/{id}`, `tds_finish` and charges can find it.
#[derive(Clone, Debug)]
pub struct StoredToken {
    pub json: serde_json::Value,
    /// The account of the key that made it (`test_…`): its public and secret keys may use it.
    pub account: String,
    /// Set when the merchant charged it.
    pub used: bool,
    /// Token succeeds but the later charge fails with this code (PAYJP.md §4).
    pub charge_failure: Option<&'static str>,
}

#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// API requests (not preflights, not control calls) that reached the payment origin.
    pub requests: u64,
    /// `POST /v1/tokens` requests among them.
    pub token_requests: u64,
    pub tokens_created: u64,
    pub rate_limited: u64,
    pub faults_applied: u64,
    /// The `tenant` of the last token request or brands lookup that named one (platforms).
    pub last_tenant: Option<String>,
}

/// One request received by the merchant origin, recorded whole so tests can prove that no card
/// number or CVC ever reached it.
#[derive(Clone, Debug)]
pub struct LogEntry {
    pub method: String,
    pub uri: String,
    pub body: String,
}

#[derive(Default)]
pub struct Inner {
    pub tokens: Mutex<HashMap<String, StoredToken>>,
    /// Queued faults: per public key (`Some`), or for any request (`None`).
    pub faults: Mutex<HashMap<Option<String>, VecDeque<Fault>>>,
    pub buckets: Mutex<Buckets>,
    pub stats: Mutex<Stats>,
    /// The same counters per presented key, so concurrent tests each read their own.
    pub stats_by_key: Mutex<HashMap<String, Stats>>,
    pub merchant_log: Mutex<Vec<LogEntry>>,
    /// The demo merchant's orders: a checkout's order id → the charge's answer, so a checkout is
    /// charged once however often its page asks.
    pub orders: Mutex<HashMap<String, (u16, Vec<u8>)>>,
    /// What the buyer chose at the simulated issuer, by token, until `tds_finish` applies it.
    pub tds_outcomes: Mutex<HashMap<String, Outcome>>,
    /// Challenge behaviour per public key (`Some`) or for all (`None`).
    pub tds_modes: Mutex<HashMap<Option<String>, Mode>>,
    /// Charges, customers and 3-D Secure requests (`server_api`), by id.
    pub charges: Mutex<HashMap<String, Stored>>,
    pub customers: Mutex<HashMap<String, Stored>>,
    pub tds_requests: Mutex<HashMap<String, Stored>>,
    /// Challenges under way: a random session id → what it is for and where it returns.
    pub tds_sessions: Mutex<HashMap<String, Session>>,
    /// Test switch: the issuer's pages refuse to be framed (`POST /__control/tds {"frame": false}`).
    pub tds_refuse_framing: Mutex<bool>,
}

/// An object of the server API as PAY.JP answers it, with the account it belongs to and what the
/// devserver needs beside (a charge: capture when 3-D Secure finishes; a token's or a customer
/// card's charge failure).
#[derive(Clone, Debug)]
pub struct Stored {
    pub json: serde_json::Value,
    pub account: String,
    pub capture: bool,
    pub charge_failure: Option<&'static str>,
}

#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub inner: Arc<Inner>,
}

impl AppState {
    pub fn new(config: Config) -> AppState {
        AppState { config: Arc::new(config), inner: Arc::default() }
    }
}

/// Locks a mutex, recovering the data if a panicking thread poisoned it: a test server should
/// keep answering.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Stats {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "requests": self.requests,
            "token_requests": self.token_requests,
            "tokens_created": self.tokens_created,
            "rate_limited": self.rate_limited,
            "faults_applied": self.faults_applied,
            "last_tenant": self.last_tenant,
        })
    }
}
