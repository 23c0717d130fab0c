//! Fault injection, for tests. A fault comes from the `X-Devserver-Fault` request header or from
//! the queue filled by `POST /__control/faults`, and applies to one API request.
//!
//! Spec: comma-separated items, e.g. `latency=300,status=503`.
//! - `latency=MS`: wait before answering;
//! - `status=429|500|503`: answer with PAY.JP's error body for that status;
//! - `html403`: a CDN / CAPTCHA block page (HTML, 403);
//! - `truncated`: a JSON body cut off half-way;
//! - `garbage`: a 200 answer that is not JSON;
//! - `drop`: close the connection without answering;
//! - `lost`: make the request as usual (a token is created), then close the connection in the
//!   middle of the answer: the buyer's browser never learns the result.

use std::time::Duration;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fault {
    pub latency: Option<Duration>,
    pub kind: Option<FaultKind>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    Status(u16),
    Html403,
    Truncated,
    Garbage,
    Drop,
    Lost,
}

pub const FAULT_HEADER: &str = "x-devserver-fault";

impl Fault {
    pub fn parse(spec: &str) -> Result<Fault, String> {
        let mut fault = Fault::default();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let kind = match item.split_once('=') {
                Some(("latency", ms)) => {
                    let ms: u64 = ms.parse().map_err(|_| format!("bad latency: {ms}"))?;
                    fault.latency = Some(Duration::from_millis(ms));
                    continue;
                }
                Some(("status", code)) => match code {
                    "429" | "500" | "503" => FaultKind::Status(code.parse().expect("matched digits")),
                    _ => return Err(format!("unsupported status fault: {code} (429, 500 or 503)")),
                },
                None if item == "html403" => FaultKind::Html403,
                None if item == "truncated" => FaultKind::Truncated,
                None if item == "garbage" => FaultKind::Garbage,
                None if item == "drop" => FaultKind::Drop,
                None if item == "lost" => FaultKind::Lost,
                _ => return Err(format!("unknown fault: {item}")),
            };
            fault.kind = Some(kind);
        }
        Ok(fault)
    }
}

/// The page a CDN or bot protection shows instead of the API's JSON.
pub const HTML_BLOCK_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Attention Required!</title></head>\
<body><h1>Sorry, you have been blocked</h1><p>Please complete the security check to access the API.</p></body></html>\n";

pub const TRUNCATED_BODY: &str = "{\"object\":\"token\",\"id\":\"tok_";

pub const GARBAGE_BODY: &str = "\u{1f}\u{8b}\u{8}not json at all";
