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
// only with the nonce in its URL. It says `hello` at once and `ready` once rendered, by
// window.postMessage to that origin; the page connects a MessagePort once per document (a later
// `connect` is told the frame is taken). That port carries UI traffic and results only; the page
// may replace it, read it or forge on it, and learns nothing about the card.
import { TYPES, ensureSheet, isObject } from '../shared/dom.js';
import { runController } from './controller.js';
import { runField } from './field-frame.js';
import { renderBadge } from './badge.js';
import { renderChallenge } from './challenge.js';
import { _error as sdkError } from '../payjp_wasm.js';
import { allowedApiBases } from './api-bases.js';
import { CHALLENGE_ID } from './challenges.js';
import { tellSiblings } from './rendezvous.js';

/** The frame page: transparent, no margins, no scrollbars, so the field sits in the merchant's box
 * as if it were part of the page; the page shows the error text, the frame keeps a live region
 * for screen readers only. A constructed sheet, not a stylesheet file: a file would hold back the
 * frame's scripts until it arrived. */
const FRAME_CSS =
  'html,body{margin:0;padding:0;background:transparent;overflow:hidden}' +
  '.payjp-tds-page,.payjp-tds-page body{height:100%}' +
  'body{font:16px/1.5 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Noto Sans JP",sans-serif;color:#1f2933}' +
  '.payjp-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';

/**
 * Starts the frame page: checks where it is, loads the core with `init`, says hello to the
 * parent, and waits for the parent's port.
 * @param {Window} window
 * @param {() => Promise<unknown>} init
 */
export function startFrame(window, init) {
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
    // A field's: the public key and API base its values may be tokenized with ('' for the frame
    // page's own default API base).
    key: get('key'),
    api: get('api'),
    lang: get('locale') === 'en' ? 'en' : 'ja',
  };
  document.documentElement.lang = frame.lang;
  ensureSheet(document, 'frame', FRAME_CSS);
  const ancestors = window.location.ancestorOrigins;
  const embedded = window.parent !== window && (!ancestors || ancestors[0] === frame.parentOrigin);
  const id = (s) => /^[0-9a-f]{32}$/.test(s);
  const known =
    ((frame.mode === 'controller' || frame.mode === 'tds') && id(frame.instance)) ||
    (frame.mode === 'field' && Object.hasOwn(TYPES, frame.type) && id(frame.instance) && id(frame.group) && /^pk_(test|live)_[0-9A-Za-z]+$/.test(frame.key)) ||
    frame.mode === 'badge';
  if (!embedded || !known || !frame.parentOrigin || !id(frame.nonce)) {
    document.body.dataset.refused = 'true';
    return;
  }
  // The controller needs the core at once; fields load it after their first render (compiling it
  // would compete with them for the CPU); the badge and the challenge never do.
  let loadCore;
  const loaded = frame.mode === 'controller' ? init() : new Promise((resolve, reject) => (loadCore = () => init().then(resolve, reject)));
  // The page's port, once it connects; what the frame says before that waits for it.
  let port = null;
  const outbox = [];
  const toPage = (message) => (port ? port.postMessage(message) : outbox.push(message));
  const say = (payjp, more) => window.parent.postMessage({ payjp, nonce: frame.nonce, ...more }, frame.parentOrigin);
  let onPage = null;
  window.addEventListener('message', (event) => {
    const d = event.data;
    if (event.source !== window.parent || event.origin !== frame.parentOrigin) return;
    if (!isObject(d) || d.payjp !== 'connect' || d.nonce !== frame.nonce || !(event.ports[0] instanceof MessagePort)) return;
    // Someone on the page connected first. Say so on this port, so the SDK fails at once with a
    // clear error instead of waiting on a frame that will never listen to it. The core words it
    // (a badge or challenge frame loads the core for this alone).
    if (port) {
      const taken = event.ports[0];
      loadCore?.();
      return loaded.then(
        () => taken.postMessage({ t: 'taken', error: sdkError('frame_tampered', frame.lang).error }),
        () => taken.postMessage({ t: 'taken', error: null }),
      );
    }
    port = event.ports[0];
    if (frame.mode === 'controller') {
      loaded.then(() => runController(frame, port, d.config));
      return;
    }
    port.onmessage = (e) => isObject(e.data) && onPage?.(e.data);
    for (const message of outbox.splice(0)) port.postMessage(message);
    // The options the page connected with are newer than the URL's after update() and a reload.
    onPage?.({ t: 'update', options: d.options });
  });
  // Hello at once: the page connects while the frame renders.
  say('hello');
  if (frame.mode === 'controller') return;
  // Fields and the badge render at once, with the options in their URL: no round trip through the
  // page first, and no wait for the wasm (a field formats and validates once it has loaded).
  // `ready`, with the height, goes straight to the window that embeds us.
  let options = null;
  try {
    options = JSON.parse(params.get('options') ?? 'null');
  } catch {
    // Not from our SDK; the defaults do.
  }
  try {
    if (frame.mode === 'tds') onPage = runChallenge(frame, toPage, params);
    else onPage = frame.mode === 'field' ? runField(frame, toPage, options, loaded) : runBadge(frame, toPage, options);
    say('ready', { height: document.body.getBoundingClientRect().height });
  } catch {
    // Options that cannot be rendered were not sent by our SDK; say so instead of hanging.
    toPage({ t: 'failed' });
  }
  if (frame.mode === 'field') loadCore();
}

/** Reports the body's height to the page whenever it changes, first after the first layout. */
export function followHeight(document, post) {
  const height = () => post({ t: 'height', px: document.body.getBoundingClientRect().height });
  new document.defaultView.ResizeObserver(height).observe(document.body);
}

/** Renders the badge; returns the handler of the page's messages (it takes none). */
function runBadge({ document, window, lang }, toPage, raw) {
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
  followHeight(document, toPage);
  return () => {};
}

/**
 * The 3-D Secure challenge (mode `tds`, www/tds.html), inside the page's dialog: the issuer's page
 * for the start URL the page got from the controller, on an API base this frame page allows. When
 * the issuer is done, this frame tells the controller of its instance (a sibling), which finishes;
 * the page hears only that the buyer cancelled.
 */
function runChallenge({ document, window, lang, instance }, toPage, params) {
  const start = params.get('start') ?? '';
  const url = new URL(start);
  const id = /^\/(?:.*\/)?tds\/([^/]+)\/start$/.exec(url.pathname)?.[1] ?? '';
  const base = url.href.slice(0, url.href.indexOf('/tds/'));
  if (!CHALLENGE_ID.test(id) || !allowedApiBases(window).includes(base) || url.hash) throw new Error('not a challenge of ours');
  document.documentElement.classList.add('payjp-tds-page');
  const { close } = renderChallenge(document.body, {
    lang,
    start: url.href,
    returnOrigin: window.location.origin,
    onReturn: () => tellSiblings(window, { kind: 'tds-return', instance, challenge: id }),
    onCancel: () => toPage({ t: 'cancel' }),
  });
  close.focus();
  return () => {};
}
