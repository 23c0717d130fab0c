//! Test support: starts the devserver binary on free loopback ports and speaks raw HTTP/1.1 to
//! it, so that dropped connections and truncated bodies are seen exactly as a client sees them.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const PK_TEST: &str = "pk_test_0123456789abcdef01234567";
pub const PK_LIVE: &str = "pk_live_0123456789abcdef01234567";
pub const PK_OTHER: &str = "pk_test_fedcba9876543210fedcba98";
/// The secret keys of those accounts.
pub const SK_TEST: &str = "sk_test_0123456789abcdef01234567";
pub const SK_OTHER: &str = "sk_test_fedcba9876543210fedcba98";

pub struct Devserver {
    child: Child,
    pub payment: SocketAddr,
    pub merchant: SocketAddr,
    /// The simulated issuer's origin, `http://localhost:PORT`.
    pub issuer: SocketAddr,
    output: Arc<Mutex<String>>,
}

impl Devserver {
    pub fn start(args: &[&str]) -> Devserver {
        let mut child = Command::new(env!("CARGO_BIN_EXE_devserver"))
            .args(["--payment-addr", "127.0.0.1:0", "--merchant-addr", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("devserver starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let output = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let sink = output.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line.clone());
                sink.lock().unwrap().push_str(&line);
                sink.lock().unwrap().push('\n');
            }
        });
        let (mut payment, mut merchant, mut issuer) = (None, None, None);
        while payment.is_none() || merchant.is_none() || issuer.is_none() {
            let line = rx.recv_timeout(Duration::from_secs(20)).expect("devserver prints its URLs");
            if let Some(rest) = line.strip_prefix("devserver: payment API at http://") {
                payment = rest.strip_suffix("/v1").and_then(|a| a.parse().ok());
            }
            if let Some(rest) = line.strip_prefix("devserver: merchant demo at http://localhost:") {
                let port: u16 = rest.trim_end_matches('/').parse().expect("port");
                merchant = Some(SocketAddr::from(([127, 0, 0, 1], port)));
            }
            if let Some(rest) = line.strip_prefix("devserver: 3-D Secure issuer at http://localhost:") {
                issuer = Some(SocketAddr::from(([127, 0, 0, 1], rest.parse().expect("port"))));
            }
        }
        Devserver { child, payment: payment.unwrap(), merchant: merchant.unwrap(), issuer: issuer.unwrap(), output }
    }

    /// Everything the server printed so far.
    pub fn output(&self) -> String {
        std::thread::sleep(Duration::from_millis(100));
        self.output.lock().unwrap().clone()
    }
}

impl Drop for Devserver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }
}

/// Sends one request and reads the reply. `Err` when the server closed the connection without
/// answering. A `Host` among `headers` replaces the default (the address).
pub fn send(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Result<Reply, String> {
    let mut stream = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let host = headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("host")).map_or(addr.to_string(), |(_, v)| v.to_string());
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    let headers = headers.iter().filter(|(k, _)| !k.eq_ignore_ascii_case("host"));
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    if raw.is_empty() {
        return Err("connection closed without a response".into());
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").ok_or("no header end")?;
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).ok_or("no status")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string())))
        .collect();
    let chunked = headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked { dechunk(body) } else { body.to_string() };
    Ok(Reply { status, headers, body })
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

pub fn basic(key: &str) -> String {
    use base64::Engine;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{key}:")))
}

pub const FORM: (&str, &str) = ("Content-Type", "application/x-www-form-urlencoded");

/// A token request body for `number` with a valid future expiry.
pub fn card_form(number: &str, cvc: &str) -> String {
    format!("card%5Bnumber%5D={number}&card%5Bcvc%5D={cvc}&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040")
}

pub fn create_token(addr: SocketAddr, key: &str, body: &str) -> Reply {
    let auth = basic(key);
    send(addr, "POST", "/v1/tokens", &[("Authorization", &auth), FORM], body).expect("reply")
}

/// The path and query of `url` (`http://host:port/path?query` → `/path?query`).
pub fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.find('/').map_or("/".to_string(), |i| rest[i..].to_string())
}

/// A JSON body for a control endpoint, as the harnesses send it.
pub const JSON: (&str, &str) = ("Content-Type", "application/json");

/// Posts a form with a key (Basic auth), as PAY.JP's server libraries do.
pub fn post_form(addr: SocketAddr, key: &str, path: &str, body: &str) -> Reply {
    send(addr, "POST", path, &[("Authorization", &basic(key)), FORM], body).expect("reply")
}

pub fn get_with(addr: SocketAddr, key: &str, path: &str) -> Reply {
    send(addr, "GET", path, &[("Authorization", &basic(key))], "").expect("reply")
}

/// A token awaiting 3-D Secure, made with `key`.
pub fn unverified_token(addr: SocketAddr, key: &str, number: &str) -> String {
    let body = format!("{}&card%5Bname%5D=TARO+YAMADA&card%5Bemail%5D=taro%40example.jp&three_d_secure=true", card_form(number, "123"));
    let t = create_token(addr, key, &body).json();
    assert_eq!(t["card"]["three_d_secure_status"], "unverified", "{t}");
    t["id"].as_str().unwrap().to_string()
}

/// A token without 3-D Secure.
pub fn plain_token(addr: SocketAddr, key: &str, number: &str) -> String {
    let t = create_token(addr, key, &card_form(number, "123")).json();
    t["id"].as_str().unwrap_or_else(|| panic!("{t}")).to_string()
}

/// Walks a challenge as the buyer's browser does: start (with `back_query`, such as
/// `back=payjp-wasm`) → the issuer → `choice` → finish. Returns the finish page's answer (a 303
/// to the return URL), or the first answer that was not the expected redirect.
pub fn walk_challenge(s: &Devserver, id: &str, key: &str, back_query: &str, choice: &str) -> Reply {
    let started = send(s.payment, "GET", &format!("/v1/tds/{id}/start?publickey={key}&{back_query}"), &[], "").unwrap();
    if started.status != 302 {
        return started;
    }
    let issuer_url = started.header("location").unwrap().to_string();
    assert!(issuer_url.starts_with(&format!("http://localhost:{}/issuer/{id}?s=", s.issuer.port())), "{issuer_url}");
    let page = send(s.issuer, "GET", &path_of(&issuer_url), &[], "").unwrap();
    assert_eq!(page.status, 200, "{}", page.body);
    let session = issuer_url.split("?s=").nth(1).unwrap();
    let chosen = send(s.issuer, "POST", &format!("/issuer/{id}"), &[FORM], &format!("s={session}&code=123456&choice={choice}")).unwrap();
    if chosen.status != 303 {
        return chosen;
    }
    let finish = chosen.header("location").unwrap().to_string();
    assert!(finish.starts_with(&format!("http://{}/v1/tds/{id}/finish?s=", s.payment)), "{finish}");
    send(s.payment, "GET", &path_of(&finish), &[], "").unwrap()
}
