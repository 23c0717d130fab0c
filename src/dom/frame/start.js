// Isolated mode, the frame's side (www/frame.html on the payment origin). A frame runs in one of
// three modes, named in its URL fragment by the merchant page's host:
// - `field`: renders one element's inputs (the same ElementView as direct mode), formats and
//   validates them, and tells the page only what a change event may carry (brand, complete,
//   empty, error code and message). Its values go only to the controller of its instance, over a
//   channel the two open inside the payment origin (rendezvous.js).
// - `controller`: hidden; one per Payjp instance. Gathers the values of the instance's field
//   frames, makes the token and every other API call with the wasm client.
// - `badge`: the security badge.
//
// Towards the page: a frame only accepts the parent origin its URL names (the server's
// frame-ancestors policy is the real guard against other embedders), only from `window.parent`,
// only with the nonce in its URL, and only once per document (a later `connect` is told the frame
// is taken). After that it listens on the MessagePort the page gave it. That port carries UI traffic and results only; the page may
// replace it, read it or forge on it, and learns nothing about the card.
import { TYPES, isObject } from '../shared/dom.js';
import { runController } from './controller.js';
import { runField } from './field-frame.js';
import { renderBadge } from './badge.js';

/**
 * Starts the frame page: checks where it is, announces itself to the parent, loads the core
 * with `init`, and waits for the parent's port.
 * @param {Window} window
 * @param {() => Promise<unknown>} init
 */
export async function startFrame(window, init) {
  const document = window.document;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const get = (k) => params.get(k) ?? '';
  const frame = {
    window,
    document,
    parentOrigin: get('origin'),
    nonce: get('nonce'),
    mode: get('mode'),
    type: get('type'),
    instance: get('instance'),
    group: get('group'),
    lang: get('locale') === 'en' ? 'en' : 'ja',
  };
  document.documentElement.lang = frame.lang;
  const ancestors = window.location.ancestorOrigins;
  const embedded = window.parent !== window && (!ancestors || ancestors[0] === frame.parentOrigin);
  const id = (s) => /^[0-9a-f]{32}$/.test(s);
  const known =
    (frame.mode === 'controller' && id(frame.instance)) ||
    (frame.mode === 'field' && Object.hasOwn(TYPES, frame.type) && id(frame.instance) && id(frame.group)) ||
    frame.mode === 'badge';
  if (!embedded || !known || !frame.parentOrigin || !id(frame.nonce)) {
    document.body.dataset.refused = 'true';
    return;
  }
  // Loading starts now; the page hears `ready` once it is done.
  const loaded = init();
  let connected = false;
  const onMessage = (event) => {
    const d = event.data;
    if (event.source !== window.parent || event.origin !== frame.parentOrigin) return;
    if (!isObject(d) || d.payjp !== 'connect' || d.nonce !== frame.nonce || !(event.ports[0] instanceof MessagePort)) return;
    const port = event.ports[0];
    // Someone on the page answered first. Say so on this port, so the SDK fails at once with a
    // clear error instead of waiting on a frame that will never listen to it.
    if (connected) return port.postMessage({ t: 'taken' });
    connected = true;
    // Our SDK connects after `ready`; anyone else may try sooner, so wait for the core either way.
    loaded.then(() => {
      try {
        if (frame.mode === 'field') runField(frame, port, d.options);
        else if (frame.mode === 'controller') runController(frame, port, d.config);
        else runBadge(frame, port, d.options);
      } catch {
        // Options that cannot be rendered were not sent by our SDK; say so instead of hanging.
        port.postMessage({ t: 'failed' });
      }
    });
  };
  window.addEventListener('message', onMessage);
  // Hello at once (the page takes a silent, loaded frame for a failed one), ready once the core
  // is loaded.
  window.parent.postMessage({ payjp: 'hello', nonce: frame.nonce }, frame.parentOrigin);
  await loaded;
  window.parent.postMessage({ payjp: 'ready', nonce: frame.nonce }, frame.parentOrigin);
}

/** Reports the body's height to the page whenever it changes. */
export function followHeight(document, post) {
  const height = () => post({ t: 'height', px: document.body.getBoundingClientRect().height });
  new document.defaultView.ResizeObserver(height).observe(document.body);
  height();
}

function runBadge({ document, window, lang }, port, raw) {
  const options = isObject(raw) ? raw : {};
  const pick = (v, allowed) => (allowed.includes(v) ? v : undefined);
  const root = renderBadge(document, {
    theme: pick(options.theme, ['light', 'dark']),
    size: pick(options.size, ['small', 'large']),
    lang: pick(options.locale, ['ja', 'en']) ?? lang,
    testMode: options.testMode !== false,
    // This frame's own verdict: a nested document is a secure context only if its page is.
    secure: window.isSecureContext,
  });
  document.body.append(root);
  const post = (m) => port.postMessage(m);
  followHeight(document, post);
  post({ t: 'ready' });
}
