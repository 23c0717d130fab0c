//! The 429 storm in `cargo test`, so that a regression in the gate or the retry policy fails
//! here: the simulation of `examples/storm` (README, "The 429 storm") with 1,000 buyers (about a
//! second in a debug build; with 200, one seed in twenty put a sale opening at 1.54), through the
//! SDK's own gate and retry policy. The goals of issue 19: amplification at most 1.5 where a
//! client can reach it, no buyer ever making two token requests for one press, every buyer
//! getting a result.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/storm/sim.rs"]
mod sim;

use sim::{percentile, Arrival, Report, Scenario};

const BUYERS: usize = 1_000;
/// A fiftieth of the buyers per second, as in the README's table.
const RATE: f64 = BUYERS as f64 / 50.0;

fn storm(arrival: Arrival, retry_after: bool) -> Report {
    sim::run(&Scenario::new("test", BUYERS, RATE, retry_after, arrival))
}

fn assert_no_double_submission_and_a_result_for_everyone(r: &Report, what: &str) {
    assert_eq!((r.two_in_flight, r.two_for_one_press, r.two_tokens), (0, 0, 0), "{what}: double submissions");
    assert!(r.every_buyer_got_a_result(), "{what}: {} buyers and {} presses left without a result", r.buyers_without_result, r.unsettled_presses);
    assert_eq!(r.buyers_with_token + r.buyers_gave_up, BUYERS, "{what}");
}

#[test]
fn a_sale_opening_meets_the_three_goals() {
    for retry_after in [true, false] {
        let r = storm(Arrival::Wave { mean_ms: 30_000.0 }, retry_after);
        let what = format!("a sale opening, mean 30 s, Retry-After {retry_after}");
        assert!(r.refused > r.tokens / 20, "{what}: a storm, not a quiet day ({} refused)", r.refused);
        assert!(r.amplification() <= 1.5, "{what}: amplification {:.2}", r.amplification());
        assert!(r.buyers_with_token * 100 >= BUYERS * 95, "{what}: {} buyers with a token", r.buyers_with_token);
        assert_no_double_submission_and_a_result_for_everyone(&r, &what);
    }
}

/// Where the floor (2 − the share of first presses the API admits) is far above 1, no client
/// keeps amplification near it; these bounds hold the policy near what the README reports (the
/// shipped policy before the storm work: 4.2 and 11.7).
#[test]
fn harder_storms_stay_near_the_reported_figures_and_keep_the_other_goals() {
    for (arrival, bound) in [(Arrival::Wave { mean_ms: 15_000.0 }, 2.8), (Arrival::Burst { window_ms: 1_000.0 }, 6.0)] {
        for retry_after in [true, false] {
            let r = storm(arrival, retry_after);
            let what = format!("{arrival:?}, Retry-After {retry_after}");
            assert!(r.floor > 1.3, "{what}: floor {:.2}", r.floor);
            assert!(r.amplification() <= bound, "{what}: amplification {:.2}", r.amplification());
            // An error or a token within the deadline (15 s) of the first press, for everyone.
            assert!(percentile(&r.first_result, 1.0) <= 15_000.0, "{what}");
            assert_no_double_submission_and_a_result_for_everyone(&r, &what);
        }
    }
}

/// The harness itself: with room for everyone, every first press gets a token, nothing is
/// refused, and double clicks share it; the same seed gives the same storm.
#[test]
fn without_a_storm_every_press_is_one_request() {
    let calm = sim::run(&Scenario::new("calm", BUYERS, 1_000.0, true, Arrival::Burst { window_ms: 1_000.0 }));
    assert_eq!((calm.refused, calm.tokens, calm.requests), (0, BUYERS as u64, BUYERS as u64));
    assert_eq!(calm.amplification(), 1.0);
    assert_eq!(calm.floor, 1.0);
    assert!(calm.presses > BUYERS as u64, "some buyers double-click");
    assert!(percentile(&calm.first_result, 1.0) < 1_000.0);
    assert_no_double_submission_and_a_result_for_everyone(&calm, "calm");

    let a = storm(Arrival::Burst { window_ms: 1_000.0 }, true);
    let b = storm(Arrival::Burst { window_ms: 1_000.0 }, true);
    assert_eq!((a.requests, a.tokens, a.first_result.clone()), (b.requests, b.tokens, b.first_result.clone()));
}
