//! `Payjp(publicKey, options)`: the SDK's entry point, payjp.js v2 style (callable without
//! `new`). Configuration mistakes throw at once; API calls resolve, with `{ error }` for every
//! expected failure.

#[allow(unused_imports)]
use crate::prelude::*;

use alloc::rc::Rc;
use core::cell::RefCell;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::api::client::{self, Clock, Connection};
use crate::api::gate::{self, request_key, RequestGate};
use crate::api::{ApiBase, ApiError, ClientConfig, PublicKey, TokenRequest};
use crate::core::Lang;

use super::convert::{out_object, to_js};
use super::transport::{promise, BrowserClock, FetchTransport, JsDocument};

/// State shared by an instance and the requests it has in flight.
pub(crate) struct Inner {
    pub(crate) config: ClientConfig,
    pub(crate) lang: Lang,
    /// One request per user action: the token call in flight, shared by a second call for the
    /// same card data.
    gate: RefCell<RequestGate<Promise>>,
}

/// What `Payjp()` returns.
#[wasm_bindgen(js_name = PayjpInstance)]
pub struct PayjpInstance {
    pub(crate) inner: Rc<Inner>,
}

pub(crate) fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

pub(crate) fn option(options: &JsValue, key: &str) -> JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// `Payjp(publicKey, { locale?, apiBase?, timeout? })`.
#[wasm_bindgen(js_name = Payjp, skip_typescript)]
pub fn payjp(public_key: JsValue, options: JsValue) -> Result<PayjpInstance, JsValue> {
    let key = public_key.as_string().ok_or_else(|| {
        type_error("Payjp: expected the public key (pk_test_... or pk_live_...) as a string.")
    })?;
    let key = PublicKey::parse(&key).map_err(|e| error(e.message()))?;
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(type_error(
            "Payjp: expected options to be an object or undefined.",
        ));
    }
    let api_base = match option(&options, "apiBase") {
        v if v.is_undefined() => ApiBase::default(),
        v => {
            let url = v
                .as_string()
                .ok_or_else(|| type_error("Payjp: expected options.apiBase to be a URL string."))?;
            ApiBase::parse(&url).map_err(|e| error(e.message()))?
        }
    };
    let lang = match option(&options, "locale") {
        v if v.is_undefined() => Lang::Ja,
        v => match v.as_string().as_deref() {
            Some("ja") => Lang::Ja,
            Some("en") => Lang::En,
            _ => {
                return Err(type_error(
                    "Payjp: expected options.locale to be 'ja' or 'en'.",
                ))
            }
        },
    };
    let mut config = ClientConfig::new(key, api_base);
    let timeout = option(&options, "timeout");
    if !timeout.is_undefined() {
        match timeout.as_f64() {
            // A longer wait than the retries' overall deadline moves the deadline with it.
            Some(ms) if ms > 0.0 && ms.is_finite() => {
                config.timeout_ms = ms;
                config.retry.deadline_ms = config.retry.deadline_ms.max(ms);
            }
            _ => {
                return Err(type_error(
                    "Payjp: expected options.timeout to be a positive number of milliseconds.",
                ))
            }
        }
    }
    Ok(PayjpInstance {
        inner: Rc::new(Inner {
            config,
            lang,
            gate: RefCell::default(),
        }),
    })
}

/// `{ type, code, message, status, param, apiMessage }`, absent values as `null`.
struct ErrorObject<'a> {
    kind: &'a str,
    code: Option<&'a str>,
    message: &'a str,
    status: Option<u16>,
    param: Option<&'a str>,
    api_message: Option<&'a str>,
}
out_object!(ErrorObject<'_> {
    "type": kind, "code": code, "message": message, "status": status, "param": param, "apiMessage": api_message,
});

/// `{ error: … }`, the way every expected failure resolves.
struct ErrorResult<'a> {
    error: ErrorObject<'a>,
}
out_object!(ErrorResult<'_> { "error": error });


/// `{ error: { type, code, message, status, param, apiMessage } }`.
pub fn error_result(e: &ApiError, lang: Lang) -> JsValue {
    to_js(&ErrorResult {
        error: ErrorObject {
            kind: &e.kind,
            code: e.code.as_deref(),
            message: e.message(lang),
            status: e.status,
            param: e.param.as_deref(),
            api_message: e.api_message.as_deref(),
        },
    })
}

/// The answer as PAY.JP sent it (every field kept, including ones added later), or `{ error }`.
pub(crate) fn resolve(result: Result<JsDocument, ApiError>, lang: Lang) -> Result<JsValue, JsValue> {
    Ok(match result {
        Ok(document) => document.0,
        Err(e) => error_result(&e, lang),
    })
}

/// What `checkConnection()` resolves when PAY.JP answered.
struct Reachable {
    reachable: bool,
    status: u16,
    latency_ms: f64,
}
out_object!(Reachable { "reachable": reachable, "status": status, "latencyMs": latency_ms });

/// What `checkConnection()` resolves when it did not.
struct Unreachable {
    reachable: bool,
    reason: &'static str,
}
out_object!(Unreachable { "reachable": reachable, "reason": reason });

#[wasm_bindgen(js_class = PayjpInstance)]
impl PayjpInstance {
    /// `retrieveAvailability({ tenant }?)` → `{ card_types_supported, livemode }` or `{ error }`.
    #[wasm_bindgen(js_name = retrieveAvailability, skip_typescript)]
    pub fn retrieve_availability(&self, options: JsValue) -> Promise {
        let inner = self.inner.clone();
        let tenant = option(&options, "tenant").as_string();
        promise(async move {
            let result = client::retrieve_availability(
                &FetchTransport,
                &BrowserClock,
                &inner.config,
                tenant.as_deref(),
            )
            .await;
            resolve(result, inner.lang)
        })
    }

    /// `checkConnection()` → `{ reachable: true, status, latencyMs }` or
    /// `{ reachable: false, reason: 'network' | 'blocked' | 'invalid_response' }`.
    #[wasm_bindgen(js_name = checkConnection, skip_typescript)]
    pub fn check_connection(&self) -> Promise {
        let inner = self.inner.clone();
        promise(async move {
            Ok(match client::check_connection(&FetchTransport, &BrowserClock, &inner.config).await {
                Connection::Reachable { status, latency_ms } => to_js(&Reachable { reachable: true, status, latency_ms }),
                Connection::Unreachable(reason) => to_js(&Unreachable { reachable: false, reason: reason.as_str() }),
            })
        })
    }
}

impl PayjpInstance {
    pub fn lang(&self) -> Lang {
        self.inner.lang
    }

    /// Creates a token: one request per user action. A call for the same card data while one
    /// is in flight, or within the cool-down after it answered, returns the same promise; any
    /// other call waits for the one in flight and then for the cool-down (`api::gate`).
    /// Resolves with the token or `{ error }`; never rejects.
    pub fn create_token(&self, request: TokenRequest) -> Promise {
        let key = request_key(&request.form_body());
        let inner = self.inner.clone();
        gate::call(&self.inner.gate, key, BrowserClock.now_ms(), move |earlier| {
            promise(async move {
                let earlier = earlier.map(JsFuture::from);
                let result = client::create_token_gated(&FetchTransport, &BrowserClock, &inner.config, &inner.gate, key, earlier, request).await;
                resolve(result, inner.lang)
            })
        })
    }
}
