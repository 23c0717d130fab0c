//! When to try again: only 429 and 503, at most twice, within the overall deadline. Each wait is
//! `Retry-After` (when sent) plus full jitter over a window that doubles with each refusal in a
//! row (8, 16, then 32 s), and the refusals carry over from one call to the next, so a buyer
//! pressing Pay again after `over_capacity` continues the backoff instead of starting over. No
//! request starts with less than 5 s of the deadline left. PAY.JP asks client SDKs not to make
//! bursts worse (PAYJP.md §1, §5); the storm simulation (`examples/storm`, README "The 429
//! storm") is what chose these numbers.

#[allow(unused_imports)]
use crate::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Retries within one call.
    pub max_retries: u32,
    /// The backoff window after the first refusal in a row; each further refusal doubles it, up
    /// to `max_delay_ms`.
    pub base_delay_ms: f64,
    pub max_delay_ms: f64,
    /// Everything, retries and waits included, ends within this.
    pub deadline_ms: f64,
    /// A request starts only with this much of the deadline left (or the per-request timeout,
    /// if shorter): cut short, a token request's token may be made and its answer lost.
    pub min_request_ms: f64,
}

/// How hard the API pushed back on one instance lately: refusals (429, 503) in a row, and when
/// it may be asked again. The gate keeps it from one call to the next, so a buyer pressing Pay
/// again after `over_capacity` continues the backoff instead of starting over.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Backoff {
    pub refusals: u32,
    pub resume_ms: f64,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy { max_retries: 2, base_delay_ms: 8_000.0, max_delay_ms: 32_000.0, deadline_ms: 15_000.0, min_request_ms: 5_000.0 }
    }
}

pub fn is_retryable(status: u16) -> bool {
    status == 429 || status == 503
}

/// `Retry-After` in milliseconds. Only the delta-seconds form is read; an HTTP date is ignored
/// (the backoff still applies).
pub fn parse_retry_after(value: &str) -> Option<f64> {
    let v = value.trim();
    (!v.is_empty() && v.len() <= 6 && v.bytes().all(|b| b.is_ascii_digit())).then(|| {
        let secs = v.bytes().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        f64::from(secs) * 1000.0
    })
}

impl RetryPolicy {
    /// The wait after the `refusals`-th refusal in a row: `Retry-After` when the API sent one,
    /// plus a uniformly random part (full jitter; `jitter` is uniform in `[0, 1)`) of a window
    /// that grows with each refusal. Retry-After is a floor, never the whole wait: every client
    /// refused in the same second gets the same value, and would come back in the same second.
    pub fn backoff_ms(&self, refusals: u32, retry_after_ms: Option<f64>, jitter: f64) -> f64 {
        let window = (self.base_delay_ms * f64::from(1u32 << (refusals.clamp(1, 16) - 1))).min(self.max_delay_ms);
        retry_after_ms.unwrap_or(0.0) + jitter.clamp(0.0, 1.0) * window
    }

    /// Whether a call that started at `start_ms` may send a request at `at_ms`, with requests
    /// timing out after `timeout_ms`.
    pub fn may_send(&self, start_ms: f64, at_ms: f64, timeout_ms: f64) -> bool {
        start_ms + self.deadline_ms - at_ms >= self.min_request_ms.min(timeout_ms)
    }
}
