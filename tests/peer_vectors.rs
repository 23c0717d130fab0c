//! The validation vectors of the peers' test suites (card-validator, credit-card-type, payment,
//! jquery.payment) and of PAY.JP's own Android and iOS SDKs, run through the core.
//!
//! `tests/fixtures/peer_vectors.json` holds each vector with its source (repository, file,
//! commit), the result as the peer states it (`peer`) and the same verdict in our terms
//! (`expect`). Every field of `expect` must match:
//!
//! | field | meaning |
//! |---|---|
//! | `valid`, `potentially_valid` | `is_valid`, `is_potentially_valid` (unfinished: not valid, potentially valid, no error) |
//! | `brand` | PAY.JP's brand name or `unknown` |
//! | `detection` | `accepted`, `unaccepted` (a network PAY.JP refuses), `undecided` (several still possible), `none` |
//! | `lengths`, `cvc_size` | the accepted brand's valid lengths and CVC length |
//! | `problem` | the public error code |
//! | `month`, `year`, `year2` | the expiry as read (`null`: not read); `year2` is the year's last two digits |
//! | `value` | the normalised value |
//!
//! A vector with an `exception` differs from us on purpose; the exception names the README design
//! decision or judgement call that says why, and it must still differ (a stale exception fails).
//! `not in scope: …` vectors test something this SDK does not have and are not run.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use payjp_wasm::core::{
    detect_brand, validate_card_number, validate_cvc, validate_email, validate_expiry,
    validate_holder_name, validate_phone, Detection, FieldCheck, Network, YearMonth,
};
use serde_json::{json, Map, Value};

const FIXTURE: &str = include_str!("fixtures/peer_vectors.json");
const README: &str = include_str!("../README.md");
const NOT_IN_SCOPE: &str = "not in scope: ";

fn field_check(c: FieldCheck) -> Value {
    json!({
        "valid": c.is_valid,
        "potentially_valid": c.is_potentially_valid,
        "value": c.value,
        "problem": c.problem.map(|p| p.code().as_str()),
    })
}

fn parse_now(now: &str) -> Result<YearMonth, String> {
    let (y, m) = now.split_once('-').ok_or("`now` is not YYYY-MM")?;
    Ok(YearMonth {
        year: y.parse().map_err(|_| "bad year in `now`")?,
        month: m.parse().map_err(|_| "bad month in `now`")?,
    })
}

/// What the core says about a vector's input, in the fixture's vocabulary.
fn ours(v: &Value) -> Result<Value, String> {
    let input = v["input"].as_str().ok_or("input is not a string")?;
    Ok(match v["kind"].as_str().unwrap_or("") {
        "number" => {
            let c = validate_card_number(input);
            json!({
                "valid": c.is_valid,
                "potentially_valid": c.is_potentially_valid,
                "brand": c.detection.brand_name(),
                "problem": c.problem.map(|p| p.code().as_str()),
            })
        }
        "brand" => {
            let d = detect_brand(input);
            let detection = match d {
                Detection::Known(n) if n.is_accepted() => "accepted",
                Detection::Known(_) => "unaccepted",
                Detection::Ambiguous => "undecided",
                Detection::NoMatch => "none",
            };
            let rule = d.network().filter(|n| n.is_accepted()).map(Network::rule);
            json!({
                "brand": d.brand_name(),
                "detection": detection,
                "lengths": rule.map(|r| r.lengths),
                "cvc_size": rule.map(|r| r.cvc_length),
            })
        }
        "expiry" => {
            let now = parse_now(v["now"].as_str().ok_or("an expiry vector needs `now`")?)?;
            let c = validate_expiry(input, now);
            json!({
                "valid": c.is_valid,
                "potentially_valid": c.is_potentially_valid,
                "month": c.month,
                "year": c.year,
                "year2": c.year.map(|y| y % 100),
                "problem": c.problem.map(|p| p.code().as_str()),
            })
        }
        "cvc" => {
            let network = match &v["for_brand"] {
                Value::Null => None,
                Value::String(name) => {
                    Some(Network::from_payjp_name(name).ok_or("for_brand is not a PAY.JP brand")?)
                }
                _ => return Err("for_brand is neither a string nor null".into()),
            };
            field_check(validate_cvc(input, network))
        }
        "name" => field_check(validate_holder_name(input)),
        "email" => field_check(validate_email(input)),
        "phone" => field_check(validate_phone(input)),
        other => return Err(format!("unknown kind {other:?}")),
    })
}

/// The fields of `expect` that `actual` does not match, as `field: expected …, ours …`.
fn differences(expect: &Map<String, Value>, actual: &Value) -> Vec<String> {
    expect
        .iter()
        .filter_map(|(field, want)| {
            let got = actual.get(field).unwrap_or(&Value::Null);
            (got != want).then(|| format!("{field}: expected {want}, ours {got}"))
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    vectors: usize,
    run: usize,
    passing: usize,
    exceptions: BTreeMap<String, usize>,
}

#[test]
fn peer_vectors_pass_except_the_documented_differences() {
    let fixture: Value = serde_json::from_str(FIXTURE).expect("peer_vectors.json is JSON");
    let sources = fixture["sources"].as_object().expect("a sources table");
    let vectors = fixture["vectors"].as_array().expect("a vector list");
    assert!(vectors.len() > 1000, "the fixture lost vectors: {}", vectors.len());

    let mut failures = Vec::new();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (i, v) in vectors.iter().enumerate() {
        let key = v["source"].as_str().unwrap_or("");
        let Some(source) = sources.get(key) else {
            failures.push(format!("#{i}: unknown source {key:?}"));
            continue;
        };
        for field in ["repo", "path", "commit"] {
            if !source[field].is_string() {
                failures.push(format!("source {key}: no {field}"));
            }
        }
        let label = format!("#{i} {key} {} {}", v["kind"], v["input"]);
        let tally = tallies.entry(source["repo"].as_str().unwrap_or("").to_string()).or_default();
        tally.vectors += 1;

        let exception = v["exception"].as_str();
        if let Some(reason) = exception {
            // The reason is a phrase of README.md, so `grep` finds its explanation.
            let phrase = reason.strip_prefix(NOT_IN_SCOPE).unwrap_or(reason);
            if phrase.is_empty() || !README.contains(phrase) {
                failures.push(format!("{label}: exception {reason:?} is not explained in README.md"));
            }
            *tally.exceptions.entry(reason.to_string()).or_default() += 1;
            if reason.starts_with(NOT_IN_SCOPE) {
                continue;
            }
        }
        let Some(expect) = v["expect"].as_object().filter(|e| !e.is_empty()) else {
            failures.push(format!("{label}: nothing to expect"));
            continue;
        };
        let actual = match ours(v) {
            Ok(actual) => actual,
            Err(e) => {
                failures.push(format!("{label}: {e}"));
                continue;
            }
        };
        tally.run += 1;
        let diffs = differences(expect, &actual);
        match (diffs.is_empty(), exception) {
            (true, None) => tally.passing += 1,
            (false, Some(_)) => {}
            (false, None) => failures.push(format!("{label}: {}", diffs.join("; "))),
            (true, Some(reason)) => failures.push(format!(
                "{label}: matches the peer now; the exception {reason:?} is stale"
            )),
        }
    }

    for (repo, t) in &tallies {
        println!(
            "{repo}: {} vectors, {} run, {} passing, {} exceptions",
            t.vectors,
            t.run,
            t.passing,
            t.exceptions.values().sum::<usize>()
        );
        for (reason, n) in &t.exceptions {
            println!("    {n:4}  {reason}");
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
