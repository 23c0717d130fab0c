//! An event listener owned as a value: dropping it removes it (the gloo-events pattern, in a
//! few lines that need no `std`).

#[allow(unused_imports)]
use crate::prelude::*;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

pub struct EventListener {
    target: EventTarget,
    event: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl EventListener {
    pub fn new(target: &EventTarget, event: &'static str, mut handler: impl FnMut(&Event) + 'static) -> EventListener {
        let callback = Closure::<dyn FnMut(Event)>::new(move |e: Event| handler(&e));
        let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        EventListener { target: target.clone(), event, callback }
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.event, self.callback.as_ref().unchecked_ref());
    }
}
