//! The 429 storm (PAY.JP's July 2021 incident), simulated natively and deterministically: N
//! buyers, each on their own page with their own SDK instance, press Pay against a token API that
//! admits R requests per second (a token bucket, as the devserver's) and answers 429 beyond it.
//!
//! Each press goes through the SDK's own code, the same functions the wasm calls: the instance's
//! request gate (`api::gate::call`), the gated token call (`api::client::create_token_gated`) and
//! the retry policy it applies (`ClientConfig::new`'s, as `Payjp()` makes it). Only the seams are
//! simulated: a `Clock` on virtual time and a `Transport` to the simulated API. Nothing of the
//! policy is re-implemented here.
//!
//! A small single-threaded executor runs every page's futures on one virtual clock: a future that
//! sleeps registers a timer; the executor jumps to the earliest timer when nothing is ready. The
//! same seed gives the same run.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use payjp_wasm::api::client::{self, Clock, Document, HttpRequest, HttpResponse, Transport, TransportError};
use payjp_wasm::api::gate::{self, request_key, RequestGate};
use payjp_wasm::api::{ApiBase, ApiError, CardData, ClientConfig, PublicKey, TokenRequest};

// --- the storm to simulate ------------------------------------------------------------------

/// When buyers first press Pay.
#[derive(Clone, Copy, Debug)]
pub enum Arrival {
    /// Uniformly within `window_ms` of the start: a sale opening to a crowd already on the page.
    Burst { window_ms: f64 },
    /// A sale opening: first presses fall off exponentially, with mean `mean_ms` (63% of buyers
    /// press within it, 95% within three times it).
    Wave { mean_ms: f64 },
}

/// How buyers behave, as fractions of buyers and delays in ms (uniform within each range).
#[derive(Clone, Debug)]
pub struct Buyers {
    /// Press Pay a second time right after the first (a double click or a second tap).
    pub double_press: f64,
    pub double_press_after: (f64, f64),
    /// With no answer yet after `impatient_after` ms, press Pay again.
    pub impatient: f64,
    pub impatient_after: f64,
    /// Press again after an error, after reading it: the chance after the 1st, 2nd, … error
    /// (none after the last entry).
    pub again_after_error: Vec<f64>,
    pub reading: (f64, f64),
}

impl Default for Buyers {
    fn default() -> Buyers {
        Buyers {
            double_press: 0.25,
            double_press_after: (80.0, 700.0),
            impatient: 0.3,
            impatient_after: 5_000.0,
            again_after_error: vec![0.8, 0.6, 0.4],
            reading: (2_000.0, 8_000.0),
        }
    }
}

/// The network and the API, in ms (uniform within each range).
#[derive(Clone, Debug)]
pub struct Network {
    /// One way, browser to API or back.
    pub one_way: (f64, f64),
    /// The API making a token once it admitted the request.
    pub token: (f64, f64),
    /// The API answering 429.
    pub refusal: (f64, f64),
}

impl Default for Network {
    fn default() -> Network {
        Network { one_way: (15.0, 60.0), token: (150.0, 400.0), refusal: (1.0, 5.0) }
    }
}

#[derive(Clone, Debug)]
pub struct Scenario {
    pub name: String,
    pub buyers: usize,
    /// What the token API admits: R requests per second, with a burst of R (as the devserver's
    /// bucket, and as PAY.JP counts: over all merchants together).
    pub rate: f64,
    /// Whether a 429 carries `Retry-After` (seconds until the bucket has a token, at least 1).
    pub retry_after: bool,
    pub arrival: Arrival,
    pub behaviour: Buyers,
    pub network: Network,
    pub seed: u64,
}

impl Scenario {
    pub fn new(name: &str, buyers: usize, rate: f64, retry_after: bool, arrival: Arrival) -> Scenario {
        Scenario { name: name.into(), buyers, rate, retry_after, arrival, behaviour: Buyers::default(), network: Network::default(), seed: 20_210_716 }
    }
}

// --- what came of it --------------------------------------------------------------------------

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub buyers: usize,
    pub presses: u64,
    /// Token requests that reached the API.
    pub requests: u64,
    /// Tokens the API created (an answer lost to a timeout still made one).
    pub tokens: u64,
    pub refused: u64,
    /// The least amplification at which every buyer gets a token, whatever the client does:
    /// 2 − (the share of first presses the API would admit if nothing were ever retried).
    pub floor: f64,
    /// From a buyer's first press to the first token or error shown (ms).
    pub first_result: Vec<f64>,
    /// From a buyer's first press to their token, for those who got one (ms).
    pub to_token: Vec<f64>,
    pub buyers_with_token: usize,
    /// Buyers who ended with an error and stopped pressing.
    pub buyers_gave_up: usize,
    /// Buyers with two token requests in flight at once.
    pub two_in_flight: usize,
    /// Buyers for whom one press (with its double click or impatient repeat) started a second
    /// call instead of sharing the first's result, or had two requests admitted.
    pub two_for_one_press: usize,
    /// Buyers for whom the API created more than one token.
    pub two_tokens: usize,
    /// Buyers who double-submitted in any of the three ways above.
    pub double_submitters: usize,
    /// Presses whose promise never settled, buyers left without a token or a final error.
    pub unsettled_presses: u64,
    pub buyers_without_result: usize,
    /// The simulated time the storm took (ms), first press to last answer.
    pub span_ms: f64,
}

impl Report {
    pub fn amplification(&self) -> f64 {
        if self.tokens == 0 { f64::INFINITY } else { self.requests as f64 / self.tokens as f64 }
    }
    pub fn every_buyer_got_a_result(&self) -> bool {
        self.unsettled_presses == 0 && self.buyers_without_result == 0
    }
}

/// The value at quantile `q` (nearest rank), 0 for none.
pub fn percentile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

// --- randomness: splitmix64, so a seed gives the same storm everywhere ----------------------------

#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn within(&mut self, (lo, hi): (f64, f64)) -> f64 {
        lo + (hi - lo) * self.unit()
    }
}

// --- the executor: futures on one virtual clock -------------------------------------------------

type Task = Pin<Box<dyn Future<Output = ()>>>;

#[derive(Default)]
struct World {
    now: Cell<f64>,
    /// The task being polled: what a timer or a shared result wakes.
    current: Cell<usize>,
    seq: Cell<u64>,
    /// (time's bits, order of arming, task): non-negative f64s order as their bits do.
    timers: RefCell<BinaryHeap<Reverse<(u64, u64, usize)>>>,
    ready: RefCell<VecDeque<usize>>,
    spawned: RefCell<Vec<Task>>,
}

impl World {
    fn now(&self) -> f64 {
        self.now.get()
    }

    fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        self.spawned.borrow_mut().push(Box::pin(task));
    }

    fn sleep(self: &Rc<World>, ms: f64) -> Sleep {
        Sleep { world: self.clone(), until: self.now() + ms.max(0.0), armed: false }
    }

    fn wait<T: Clone>(self: &Rc<World>, shared: Rc<Shared<T>>) -> Wait<T> {
        Wait { world: self.clone(), shared, registered: false }
    }

    fn run(&self) {
        let mut tasks: Vec<Option<Task>> = Vec::new();
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            for task in self.spawned.borrow_mut().drain(..) {
                self.ready.borrow_mut().push_back(tasks.len());
                tasks.push(Some(task));
            }
            let next = self.ready.borrow_mut().pop_front();
            if let Some(id) = next {
                if let Some(mut task) = tasks[id].take() {
                    self.current.set(id);
                    if task.as_mut().poll(&mut cx).is_pending() {
                        tasks[id] = Some(task);
                    }
                }
                continue;
            }
            if !self.spawned.borrow().is_empty() {
                continue;
            }
            let Some(Reverse((at, _, id))) = self.timers.borrow_mut().pop() else { break };
            self.now.set(f64::from_bits(at));
            self.ready.borrow_mut().push_back(id);
        }
    }
}

struct Sleep {
    world: Rc<World>,
    until: f64,
    armed: bool,
}

impl Future for Sleep {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.world.now() >= self.until {
            return Poll::Ready(());
        }
        if !self.armed {
            self.armed = true;
            let seq = self.world.seq.get() + 1;
            self.world.seq.set(seq);
            self.world.timers.borrow_mut().push(Reverse((self.until.to_bits(), seq, self.world.current.get())));
        }
        Poll::Pending
    }
}

/// A result several futures can await: what a JS promise is to the SDK's calls.
pub struct Shared<T> {
    value: RefCell<Option<T>>,
    waiters: RefCell<Vec<usize>>,
}

impl<T> Default for Shared<T> {
    fn default() -> Shared<T> {
        Shared { value: RefCell::new(None), waiters: RefCell::new(Vec::new()) }
    }
}

impl<T: Clone> Shared<T> {
    fn settle(&self, world: &World, value: T) {
        *self.value.borrow_mut() = Some(value);
        world.ready.borrow_mut().extend(self.waiters.borrow_mut().drain(..));
    }
    fn is_settled(&self) -> bool {
        self.value.borrow().is_some()
    }
}

struct Wait<T> {
    world: Rc<World>,
    shared: Rc<Shared<T>>,
    registered: bool,
}

impl<T: Clone> Future for Wait<T> {
    type Output = T;
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<T> {
        if let Some(v) = self.shared.value.borrow().clone() {
            return Poll::Ready(v);
        }
        if !self.registered {
            self.registered = true;
            self.shared.waiters.borrow_mut().push(self.world.current.get());
        }
        Poll::Pending
    }
}

// --- the token API ------------------------------------------------------------------------------

/// The token API: a token bucket of `rate` per second holding at most `rate` (the devserver's,
/// `devserver/src/rate_limit.rs`).
struct Api {
    rate: f64,
    retry_after: bool,
    tokens: Cell<f64>,
    last: Cell<f64>,
    created: Cell<u64>,
    refused: Cell<u64>,
}

impl Api {
    fn new(rate: f64, retry_after: bool) -> Api {
        Api { rate, retry_after, tokens: Cell::new(rate.max(1.0)), last: Cell::new(0.0), created: Cell::new(0), refused: Cell::new(0) }
    }

    /// Admits a request arriving at `now`, or refuses it with the seconds until a token is back.
    fn admit(&self, now: f64) -> Result<(), u64> {
        let capacity = self.rate.max(1.0);
        let tokens = (self.tokens.get() + (now - self.last.get()).max(0.0) / 1000.0 * self.rate).min(capacity);
        self.last.set(now.max(self.last.get()));
        if tokens >= 1.0 {
            self.tokens.set(tokens - 1.0);
            self.created.set(self.created.get() + 1);
            Ok(())
        } else {
            self.tokens.set(tokens);
            self.refused.set(self.refused.get() + 1);
            Err((((1.0 - tokens) / self.rate).ceil() as u64).max(1))
        }
    }
}

/// An answer's body, as the browser would hand it over parsed: a token or PAY.JP's 429 body.
#[derive(Clone, Debug)]
pub enum SimDoc {
    Token(u64),
    OverCapacity,
}

impl Document for SimDoc {
    fn string(&self, path: &[&str]) -> Option<String> {
        let s = match (self, path) {
            (SimDoc::Token(_), ["object"]) => "token",
            (SimDoc::Token(id), ["id"]) => return Some(format!("tok_{id:024x}")),
            (SimDoc::Token(_), ["card", "object"]) => "card",
            (SimDoc::Token(_), ["card", "brand"]) => "Visa",
            (SimDoc::Token(_), ["card", "last4"]) => "4242",
            (SimDoc::OverCapacity, ["error", "type"]) => "client_error",
            (SimDoc::OverCapacity, ["error", "code"]) => "over_capacity",
            (SimDoc::OverCapacity, ["error", "message"]) => "The service is over capacity. Please try again later.",
            _ => return None,
        };
        Some(s.to_string())
    }
    fn boolean(&self, path: &[&str]) -> Option<bool> {
        matches!((self, path), (SimDoc::Token(_), ["livemode"])).then_some(false)
    }
    fn number(&self, path: &[&str]) -> Option<f64> {
        matches!((self, path), (SimDoc::OverCapacity, ["error", "status"])).then_some(429.0)
    }
    fn is_array(&self, _: &[&str]) -> bool {
        false
    }
}

// --- a buyer's page: one SDK instance -------------------------------------------------------------

type Outcome = Result<u64, String>;
type Handle = Rc<Shared<Outcome>>;

#[derive(Default)]
struct PageStats {
    in_flight: Cell<u32>,
    most_in_flight: Cell<u32>,
    /// Per action (a press with its double click and impatient repeat, or a press after an
    /// error): the calls it started (a joined press starts none) and the requests the API
    /// admitted for it.
    calls_by_action: RefCell<Vec<u32>>,
    admitted_by_action: RefCell<Vec<u32>>,
    tokens: Cell<u32>,
    presses: Cell<u64>,
    settled_presses: Cell<u64>,
}

struct Page {
    world: Rc<World>,
    api: Rc<Api>,
    config: ClientConfig,
    gate: RefCell<RequestGate<Handle>>,
    /// Math.random for the SDK's jitter.
    jitter: RefCell<Rng>,
    network: Network,
    net: RefCell<Rng>,
    stats: PageStats,
}

struct PageClock(Rc<Page>);

impl Clock for PageClock {
    fn now_ms(&self) -> f64 {
        self.0.world.now()
    }
    async fn sleep(&self, ms: f64) {
        self.0.world.sleep(ms).await
    }
    fn jitter(&self) -> f64 {
        self.0.jitter.borrow_mut().unit()
    }
}

/// `fetch` to the simulated API, for one call (so requests count by the action that made them).
struct PageTransport {
    page: Rc<Page>,
    action: usize,
}

impl Transport for PageTransport {
    type Document = SimDoc;

    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse<SimDoc>, TransportError> {
        let page = &self.page;
        let world = &page.world;
        let stats = &page.stats;
        stats.in_flight.set(stats.in_flight.get() + 1);
        stats.most_in_flight.set(stats.most_in_flight.get().max(stats.in_flight.get()));
        let sent = world.now();
        let (up, down) = {
            let mut net = page.net.borrow_mut();
            (net.within(page.network.one_way), net.within(page.network.one_way))
        };
        world.sleep(up).await;
        let admitted = page.api.admit(world.now());
        let work = page.net.borrow_mut().within(if admitted.is_ok() { page.network.token } else { page.network.refusal });
        let token_id = page.api.created.get();
        if admitted.is_ok() {
            // The token exists once the API admitted the request, whether or not its answer
            // arrives in time.
            stats.tokens.set(stats.tokens.get() + 1);
            stats.admitted_by_action.borrow_mut()[self.action] += 1;
        }
        let answered = world.now() + work + down;
        let result = if answered - sent > request.timeout_ms {
            world.sleep(sent + request.timeout_ms - world.now()).await;
            Err(TransportError::Timeout)
        } else {
            world.sleep(answered - world.now()).await;
            Ok(match admitted {
                Ok(()) => HttpResponse { status: 200, retry_after: None, json: Some(SimDoc::Token(token_id)), html: false },
                Err(secs) => HttpResponse {
                    status: 429,
                    retry_after: page.api.retry_after.then(|| secs.to_string()),
                    json: Some(SimDoc::OverCapacity),
                    html: false,
                },
            })
        };
        stats.in_flight.set(stats.in_flight.get() - 1);
        result
    }
}

fn visa() -> TokenRequest {
    let mut card = CardData::default();
    card.number = "4242424242424242".into();
    card.cvc = "123".into();
    card.exp_month = "12".into();
    card.exp_year = "2030".into();
    TokenRequest { card, ..TokenRequest::default() }
}

/// The buyer presses Pay: `createToken` as the elements call it (`PayjpInstance::create_token`),
/// with the simulated seams. Returns the promise.
fn press(page: &Rc<Page>, action: usize) -> Handle {
    page.stats.presses.set(page.stats.presses.get() + 1);
    let request = visa();
    let key = request_key(&request.form_body());
    let handle = gate::call(&page.gate, key, page.world.now(), |earlier| {
        let handle: Handle = Rc::default();
        page.stats.calls_by_action.borrow_mut()[action] += 1;
        let (page, settled) = (page.clone(), handle.clone());
        page.world.clone().spawn(async move {
            let earlier = earlier.map(|h| page.world.wait(h));
            let transport = PageTransport { page: page.clone(), action };
            let clock = PageClock(page.clone());
            let result = client::create_token_gated(&transport, &clock, &page.config, &page.gate, key, earlier, request).await;
            let outcome = match result {
                Ok(SimDoc::Token(id)) => Ok(id),
                Ok(other) => Err(format!("unexpected {other:?}")),
                Err(e) => Err(e.code().to_string()),
            };
            settled.settle(&page.world, outcome);
        });
        handle
    });
    // Every press's promise must settle: counted when it does.
    let (world, counted, page) = (page.world.clone(), handle.clone(), page.clone());
    world.clone().spawn(async move {
        let _ = world.wait(counted).await;
        page.stats.settled_presses.set(page.stats.settled_presses.get() + 1);
    });
    handle
}

/// What one buyer will do, drawn before the storm so that every policy meets the same buyers.
struct Plan {
    first_press: f64,
    double_press: Option<f64>,
    impatient: bool,
    /// Per error so far: the delay before pressing again, or none (gives up).
    again: Vec<Option<f64>>,
}

fn plan(rng: &mut Rng, s: &Scenario) -> Plan {
    let b = &s.behaviour;
    let first_press = match s.arrival {
        Arrival::Burst { window_ms } => rng.unit() * window_ms,
        Arrival::Wave { mean_ms } => -mean_ms * (1.0 - rng.unit()).ln(),
    };
    let double_press = rng.chance(b.double_press).then(|| rng.within(b.double_press_after));
    let impatient = rng.chance(b.impatient);
    let again = b.again_after_error.iter().map(|p| rng.chance(*p).then(|| rng.within(b.reading))).collect();
    Plan { first_press, double_press, impatient, again }
}

#[derive(Default)]
struct BuyerLog {
    first_press: Cell<Option<f64>>,
    first_result: Cell<Option<f64>>,
    token_at: Cell<Option<f64>>,
    gave_up: Cell<bool>,
}

async fn buyer(page: Rc<Page>, plan: Plan, impatient_after: f64, log: Rc<BuyerLog>) {
    let world = page.world.clone();
    world.sleep(plan.first_press).await;
    log.first_press.set(Some(world.now()));
    let mut action = 0;
    loop {
        page.stats.calls_by_action.borrow_mut().push(0);
        page.stats.admitted_by_action.borrow_mut().push(0);
        let promise = press(&page, action);
        if let (0, Some(after)) = (action, plan.double_press) {
            let (page, world) = (page.clone(), world.clone());
            world.clone().spawn(async move {
                world.sleep(after).await;
                press(&page, 0);
            });
        }
        if plan.impatient {
            let (page, world, waiting) = (page.clone(), world.clone(), promise.clone());
            world.clone().spawn(async move {
                world.sleep(impatient_after).await;
                if !waiting.is_settled() {
                    press(&page, action);
                }
            });
        }
        let outcome = world.wait(promise).await;
        if log.first_result.get().is_none() {
            log.first_result.set(Some(world.now()));
        }
        if outcome.is_ok() {
            log.token_at.set(Some(world.now()));
            return;
        }
        match plan.again.get(action).copied().flatten() {
            Some(reading) => {
                world.sleep(reading).await;
                action += 1;
            }
            None => {
                log.gave_up.set(true);
                return;
            }
        }
    }
}

/// The share of first presses a token bucket admits when nothing is ever retried.
fn first_press_share(plans: &[Plan], s: &Scenario) -> f64 {
    let mut times: Vec<f64> = plans.iter().map(|p| p.first_press).collect();
    times.sort_by(f64::total_cmp);
    let api = Api::new(s.rate, false);
    let admitted = times.iter().filter(|t| api.admit(**t).is_ok()).count();
    admitted as f64 / plans.len().max(1) as f64
}

/// Runs the storm with the SDK's own configuration (`ClientConfig::new`, as `Payjp()` makes it).
pub fn run(s: &Scenario) -> Report {
    let config = ClientConfig::new(PublicKey::parse("pk_test_0123456789abcdef01234567").unwrap(), ApiBase::parse("https://api.pay.jp/v1").unwrap());
    run_with(s, &config)
}

pub fn run_with(s: &Scenario, config: &ClientConfig) -> Report {
    let world = Rc::new(World::default());
    let api = Rc::new(Api::new(s.rate, s.retry_after));
    let mut people = Rng::new(s.seed);
    let plans: Vec<Plan> = (0..s.buyers).map(|_| plan(&mut people, s)).collect();
    let floor = 2.0 - first_press_share(&plans, s);
    let mut pages = Vec::new();
    let mut logs = Vec::new();
    for (i, plan) in plans.into_iter().enumerate() {
        let seed = s.seed ^ (i as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d);
        let page = Rc::new(Page {
            world: world.clone(),
            api: api.clone(),
            config: config.clone(),
            gate: RefCell::default(),
            jitter: RefCell::new(Rng::new(seed)),
            network: s.network.clone(),
            net: RefCell::new(Rng::new(!seed)),
            stats: PageStats::default(),
        });
        let log = Rc::new(BuyerLog::default());
        world.spawn(buyer(page.clone(), plan, s.behaviour.impatient_after, log.clone()));
        pages.push(page);
        logs.push(log);
    }
    world.run();

    let mut r = Report { buyers: s.buyers, floor, tokens: api.created.get(), refused: api.refused.get(), span_ms: world.now(), ..Report::default() };
    r.requests = r.tokens + r.refused;
    for (page, log) in pages.iter().zip(&logs) {
        let st = &page.stats;
        r.presses += st.presses.get();
        r.unsettled_presses += st.presses.get() - st.settled_presses.get();
        let first = log.first_press.get().unwrap_or(0.0);
        match (log.first_result.get(), log.token_at.get(), log.gave_up.get()) {
            (Some(at), token, gave_up) if token.is_some() || gave_up => {
                r.first_result.push(at - first);
                if let Some(t) = token {
                    r.to_token.push(t - first);
                    r.buyers_with_token += 1;
                } else {
                    r.buyers_gave_up += 1;
                }
            }
            _ => r.buyers_without_result += 1,
        }
        let two_in_flight = st.most_in_flight.get() > 1;
        let two_for_one = st.calls_by_action.borrow().iter().any(|n| *n > 1) || st.admitted_by_action.borrow().iter().any(|n| *n > 1);
        let two_tokens = st.tokens.get() > 1;
        r.two_in_flight += usize::from(two_in_flight);
        r.two_for_one_press += usize::from(two_for_one);
        r.two_tokens += usize::from(two_tokens);
        r.double_submitters += usize::from(two_in_flight || two_for_one || two_tokens);
    }
    r
}

/// An error the SDK gives, for a test's messages.
pub fn code(e: &ApiError) -> &str {
    e.code()
}
