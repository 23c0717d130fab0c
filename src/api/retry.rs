//! When to try again: only 429 and 503, at most twice, with exponential backoff and full jitter,
//! honouring `Retry-After`, and never past the overall deadline. PAY.JP asks client SDKs not to
//! make bursts worse (PAYJP.md §1, §5).

#[allow(unused_imports)]
use crate::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    pub max_retries: u32,
    pub base_delay_ms: f64,
    pub max_delay_ms: f64,
    /// Everything, retries and waits included, ends within this.
    pub deadline_ms: f64,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy { max_retries: 2, base_delay_ms: 500.0, max_delay_ms: 4_000.0, deadline_ms: 15_000.0 }
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
    /// How long to wait before retry number `retries_done + 1`, or `None` to give up.
    /// `jitter` is uniform in `[0, 1)`.
    pub fn next_delay(&self, retries_done: u32, elapsed_ms: f64, retry_after_ms: Option<f64>, jitter: f64) -> Option<f64> {
        if retries_done >= self.max_retries {
            return None;
        }
        let exp = self.base_delay_ms * f64::from(1u32 << retries_done.min(16));
        let backoff = jitter.clamp(0.0, 1.0) * exp.min(self.max_delay_ms);
        let delay = retry_after_ms.map_or(backoff, |ra| ra.max(backoff));
        (elapsed_ms + delay < self.deadline_ms).then_some(delay)
    }
}
