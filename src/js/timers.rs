//! `setTimeout` as a cancellable value and as a future, without `std` (what gloo-timers gave).

#[allow(unused_imports)]
use crate::prelude::*;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Runs a callback once after a delay; dropping it first cancels it.
pub struct Timeout {
    handle: Option<i32>,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    pub fn new(ms: f64, callback: impl FnOnce() + 'static) -> Timeout {
        let callback = Closure::once(callback);
        let handle = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), clamp_ms(ms)).ok()
        });
        Timeout { handle, _callback: callback }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let (Some(handle), Some(window)) = (self.handle, web_sys::window()) {
            window.clear_timeout_with_handle(handle);
        }
    }
}

fn clamp_ms(ms: f64) -> i32 {
    ms.clamp(0.0, f64::from(i32::MAX)) as i32
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, clamp_ms(ms));
        }
    });
    let _ = JsFuture::from(promise).await;
}
