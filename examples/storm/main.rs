//! `cargo run --release --example storm`: the 429 storm table (README, "The 429 storm").
//! `make bench` runs it; it takes a few seconds.
//!
//! Options: `--buyers N --rate R --burst MS | --wave MS [--no-retry-after]` runs one storm of
//! your own instead of the table.

mod sim;

use sim::{percentile, Arrival, Scenario};

/// R is a fiftieth of N per second: serving every buyer once takes at least 50 s. Three crowds:
/// a sale opening whose first presses fall off with a mean of 30 s (peaking at 1.7 × R) or of
/// 15 s (3.3 × R), and everyone within 1 s (50 × R, as the incident's one merchant's burst), where
/// no client can keep amplification near 1 (the floor says how near it can get).
fn scenarios() -> Vec<Scenario> {
    let mut out = Vec::new();
    for buyers in [1_000, 10_000] {
        let rate = buyers as f64 / 50.0;
        for arrival in [Arrival::Wave { mean_ms: 30_000.0 }, Arrival::Wave { mean_ms: 15_000.0 }, Arrival::Burst { window_ms: 1_000.0 }] {
            for retry_after in [true, false] {
                out.push(Scenario::new("storm", buyers, rate, retry_after, arrival));
            }
        }
    }
    out
}

fn custom(args: &[String]) -> Option<Scenario> {
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).map(|v| v.parse::<f64>().expect("a number"));
    let buyers = value("--buyers")?;
    let rate = value("--rate").unwrap_or(buyers / 10.0);
    let arrival = match (value("--burst"), value("--wave")) {
        (_, Some(mean_ms)) => Arrival::Wave { mean_ms },
        (window, None) => Arrival::Burst { window_ms: window.unwrap_or(1_000.0) },
    };
    let retry_after = !args.iter().any(|a| a == "--no-retry-after");
    Some(Scenario::new("custom", buyers as usize, rate, retry_after, arrival))
}

fn arrival(a: Arrival) -> String {
    match a {
        Arrival::Burst { window_ms } => format!("all within {:.0} s", window_ms / 1000.0),
        Arrival::Wave { mean_ms } => format!("a sale opening, mean {:.0} s", mean_ms / 1000.0),
    }
}

fn secs(ms: f64) -> String {
    format!("{:.1} s", ms / 1000.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list = custom(&args).map_or_else(scenarios, |s| vec![s]);
    let started = std::time::Instant::now();
    println!("| buyers | first presses | R (req/s) | Retry-After | requests | tokens | amplification (floor) | first result p50 / p99 | token p50 / p99 | buyers with a token | double submissions | every buyer a result |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for s in &list {
        let r = sim::run(s);
        println!(
            "| {} | {} | {} | {} | {} | {} | {:.2} ({:.2}) | {} / {} | {} / {} | {} ({:.1}%) | {} | {} |",
            s.buyers,
            arrival(s.arrival),
            s.rate,
            if s.retry_after { "yes" } else { "no" },
            r.requests,
            r.tokens,
            r.amplification(),
            r.floor,
            secs(percentile(&r.first_result, 0.5)),
            secs(percentile(&r.first_result, 0.99)),
            secs(percentile(&r.to_token, 0.5)),
            secs(percentile(&r.to_token, 0.99)),
            r.buyers_with_token,
            100.0 * r.buyers_with_token as f64 / r.buyers as f64,
            if r.double_submitters == 0 {
                "0".to_string()
            } else {
                format!("{} (in flight {}, for one press {}, two tokens {})", r.double_submitters, r.two_in_flight, r.two_for_one_press, r.two_tokens)
            },
            if r.every_buyer_got_a_result() { "yes".to_string() } else { format!("no: {} buyers, {} presses unsettled", r.buyers_without_result, r.unsettled_presses) },
        );
    }
    eprintln!("storm: {} scenarios in {:.1} s", list.len(), started.elapsed().as_secs_f64());
}
