// How the frames of one Payjp instance find each other inside the payment origin, without the
// merchant page taking part. A field frame holds what the buyer types; the controller frame makes
// the token; they must reach each other, and nothing else may reach either of them.
//
// The rules (see ../shared/SECURITY.md, "Trust is established inside the payment origin"):
// - Discovery goes from frame to frame: `sibling.postMessage(message, location.origin)`, which the
//   browser delivers only to a document of the payment origin. A frame accepts a discovery message
//   only when `event.origin` is its own origin and `event.source` is another child of its own
//   parent. The page can read our frames' URLs and create, move, reload or remove frames, but it
//   cannot run code on the payment origin, so it can neither send such a message nor read one.
// - The channel is a MessageChannel created inside the controller frame and handed to the field
//   the same way. Nothing the page creates, relays or can replace (its MessageChannel, its
//   MessagePort.prototype, its listeners) ever carries card values or the channel that will.
// - A binding is checked again whenever values are asked for: a field answers only its bound
//   controller, and only while no other live controller of its instance has bound it; the
//   controller collects only when each slot (group, type) has exactly one live field. A second
//   live claimant means something on the page is tampering: the slot fails closed.
import { isObject } from '../shared/dom.js';

/** Marks discovery messages, so other traffic on the window is ignored. */
export const TAG = 'payjp-peer';

/** True when `source` is another child of this frame's parent. */
function isSibling(window, source) {
  try {
    return !!source && source !== window && source.parent === window.parent;
  } catch {
    return false;
  }
}

/** A window that is gone (its iframe removed) can no longer claim anything. */
export function isLive(w) {
  try {
    return !w.closed;
  } catch {
    return false;
  }
}

/**
 * Calls `handler(message, source, ports)` for discovery messages from sibling frames of this
 * frame's own origin; returns a function that stops listening.
 */
export function listenToSiblings(window, handler) {
  const origin = window.location.origin;
  const onMessage = (event) => {
    if (event.origin !== origin || !isSibling(window, event.source)) return;
    const d = event.data;
    if (!isObject(d) || d.tag !== TAG || typeof d.instance !== 'string') return;
    handler(d, event.source, event.ports);
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}

/** Posts a discovery message to one sibling, or to every sibling: only payment-origin documents get it. */
export function tellSiblings(window, message, target, transfer = []) {
  const origin = window.location.origin;
  const post = (w) => {
    try {
      w.postMessage({ ...message, tag: TAG }, origin, transfer);
    } catch {
      // A sibling that went away meanwhile.
    }
  };
  if (target) return post(target);
  const frames = window.parent.frames;
  for (let i = 0; i < frames.length; i += 1) if (frames[i] !== window) post(frames[i]);
}
