//! The time as PAY.JP's objects carry it: Unix seconds (`created`, `captured_at`, …), and the
//! current month for card expiry checks.

use std::time::{SystemTime, UNIX_EPOCH};

use payjp_wasm::core::YearMonth;

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// This month (UTC), to refuse expired cards.
pub fn current_year_month() -> YearMonth {
    year_month_of(unix_now())
}

/// The civil year and month of a Unix time (Howard Hinnant's days-to-date algorithm), to avoid a
/// date crate.
fn year_month_of(unix_secs: u64) -> YearMonth {
    let days = (unix_secs / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    YearMonth { year: year as u16, month: month as u8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_months_of_unix_times() {
        for (secs, year, month) in [
            (0, 1970, 1),
            (951_782_400, 2000, 2),   // 2000-02-29 00:00 UTC (a leap day of a 400-year leap year)
            (951_868_799, 2000, 2),   // 2000-02-29 23:59:59
            (951_868_800, 2000, 3),   // 2000-03-01
            (1_735_689_599, 2024, 12), // 2024-12-31 23:59:59
            (1_735_689_600, 2025, 1),  // 2025-01-01
        ] {
            let ym = year_month_of(secs);
            assert_eq!((ym.year, ym.month), (year, month), "{secs}");
        }
    }
}
