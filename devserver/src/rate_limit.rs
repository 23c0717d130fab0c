//! A token bucket per public key: `rate` requests per second, with a burst of the same size.

use std::collections::HashMap;
use std::time::{Duration, Instant};

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

#[derive(Debug, Default)]
pub struct Buckets {
    by_key: HashMap<String, Bucket>,
}

impl Buckets {
    /// Takes one token for `key`. `Err` holds how long until one is available.
    pub fn take(&mut self, key: &str, rate: f64, now: Instant) -> Result<(), Duration> {
        let capacity = rate.max(1.0);
        let bucket = self
            .by_key
            .entry(key.to_string())
            .or_insert(Bucket { tokens: capacity, last: now });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(capacity);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / rate))
        }
    }

    pub fn clear(&mut self) {
        self.by_key.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_refill() {
        let mut b = Buckets::default();
        let t0 = Instant::now();
        assert!(b.take("pk", 2.0, t0).is_ok());
        assert!(b.take("pk", 2.0, t0).is_ok());
        let wait = b.take("pk", 2.0, t0).unwrap_err();
        assert!(wait <= Duration::from_millis(500) && wait > Duration::ZERO);
        // Other keys have their own bucket.
        assert!(b.take("other", 2.0, t0).is_ok());
        // Half a second later one token is back.
        assert!(b.take("pk", 2.0, t0 + Duration::from_millis(500)).is_ok());
        assert!(b.take("pk", 2.0, t0 + Duration::from_millis(500)).is_err());
    }
}
