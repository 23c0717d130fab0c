// Isolated mode, the merchant page's side: each element is an iframe served by the payment
// origin, a hidden controller frame per Payjp instance makes the token and every API call, and the
// badge is a frame too. This page only ever receives UI events (change: brand, complete, empty,
// error code and message; focus, blur, height, enter) and results (the token or `{ error }`).
//
// The page does not take part in how the frames share card values: field frames and their
// controller find each other inside the payment origin (src/dom/frame/rendezvous.js). Nothing
// here is trusted with a secret, so nothing here has to survive a hostile page: a script that
// replaces MessageChannel or listens in on these messages learns nothing about the card.
//
// Messaging with each frame: the frame says hello with window.postMessage to this page's exact
// origin as soon as its script runs; we accept that only from the iframe we created
// (`event.source`), from the frame origin (`event.origin`), with the nonce in its URL; we answer
// `connect` with a MessagePort and its options, and the frame renders once its core has loaded.
// Its first message on the port ends the wait for it. A frame that reloads (moved in the DOM,
// say) says hello again and is connected again. Anything malformed, from elsewhere, or unexpected
// is dropped.
import { attrs, ensureSheet, isObject, randomId, uniqueId } from '../shared/dom.js';

/** How long a frame may take to be ready before `loaderror`. */
export const FRAME_TIMEOUT_MS = 15_000;
/** A frame page of ours says hello while it loads; a document that loaded without saying so is
 * not ours (a 404, a blocked or an error page). */
const HELLO_GRACE_MS = 1_000;

const HOST_CSS =
  '.payjp-frame-host{display:block;cursor:text}' +
  '.payjp-frame-host .payjp-frame{display:block;width:100%;height:1.5em;border:0;margin:0;padding:0;background:transparent;color-scheme:normal}' +
  '.payjp-badge-frame{display:block;width:100%;max-width:34em;height:2.5em;border:0}' +
  '.payjp-controller{position:absolute;width:0;height:0;border:0;visibility:hidden}' +
  '.payjp-error{display:block;font-size:.85em;color:#b42318}.payjp-error:empty{display:none}' +
  '.payjp-refused{display:block;padding:.5em .7em;border-radius:6px;background:#fef3f2;color:#b42318;font-size:.9em}';

const TEXT = {
  ja: {
    card: 'カード情報の入力欄', cardNumber: 'カード番号の入力欄', cardExpiry: '有効期限の入力欄', cardCvc: 'セキュリティコードの入力欄', cardholderName: 'カード名義の入力欄',
    badge: 'セキュリティ表示',
    load: 'カード入力欄を読み込めませんでした。通信環境を確認して、ページを再読み込みしてください。',
  },
  en: {
    card: 'Secure card input', cardNumber: 'Secure card number input', cardExpiry: 'Secure expiry date input', cardCvc: 'Secure security code input', cardholderName: 'Secure cardholder name input',
    badge: 'Security notice',
    load: 'The card fields could not be loaded. Check your connection and reload the page.',
  },
};

/** The host's own styles (frame boxes, the error line, the refusal notice), once per document. */
export const ensureHostSheet = (document) => ensureSheet(document, 'frame-host', HOST_CSS);

/**
 * `{ type, code, message, … }` of a frame that failed: `why` is 'load' (it never became ready,
 * `frame_load_failed`), or the error a frame sent when something else had connected it first
 * (`frame_tampered`, worded by the frame).
 */
export function frameError(lang, why, code = 'frame_load_failed') {
  if (isObject(why)) return { ...why, type: 'client_error', code: 'frame_tampered', status: null, param: null, apiMessage: null };
  return { type: 'client_error', code, message: TEXT[lang].load, status: null, param: null, apiMessage: null };
}

/**
 * Checks `{ frameOrigin, frameUrl, isolation }` from `Payjp()` options. Returns null for direct
 * mode (only with `isolation: 'none'`), else `{ origin, url }`. Misuse throws: a missing frame
 * origin never falls back to direct mode.
 */
export function isolationOptions(options) {
  const { frameOrigin, frameUrl, isolation } = isObject(options) ? options : {};
  if (isolation !== undefined && isolation !== 'none' && isolation !== 'frame') {
    throw new TypeError("Payjp: expected options.isolation to be 'frame' (the default) or 'none'.");
  }
  if (isolation === 'none') return null;
  if (frameOrigin === undefined) {
    throw new TypeError(
      "Payjp: expected options.frameOrigin, the origin serving the card frames (such as https://js.example.com); " +
        "for card inputs in this page (direct mode, outside PCI SAQ A), pass isolation: 'none'.",
    );
  }
  const origin = checkedOrigin(frameOrigin);
  let url = `${origin}/frame.html`;
  if (frameUrl !== undefined) {
    let parsed;
    try {
      parsed = new URL(frameUrl);
    } catch {
      throw new TypeError('Payjp: expected options.frameUrl to be an absolute URL on frameOrigin.');
    }
    if (parsed.origin !== origin) throw new Error(`Payjp: options.frameUrl must be on frameOrigin (${origin}).`);
    parsed.hash = '';
    url = parsed.href;
  }
  return { origin, url };
}

function checkedOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError('Payjp: expected options.frameOrigin to be an origin (scheme, host and port only), such as https://js.example.com.');
  }
  if (typeof value !== 'string' || url.origin !== value.replace(/\/$/, '')) {
    throw new TypeError('Payjp: expected options.frameOrigin to be an origin (scheme, host and port only), such as https://js.example.com.');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('Payjp: options.frameOrigin must be https (http is allowed for loopback hosts only).');
  }
  return url.origin;
}

/**
 * One frame of ours on the payment origin: creates the iframe (its URL fragment carries
 * `hashParams`), waits for its hello, connects a port, and reports `onMessage` (the port's
 * messages, and `{ t: 'ready' }` once a field or badge has rendered) and `onLoadError`.
 * `onConnect()` gives what the frame needs on `connect`; it is asked again when the frame reloads.
 */
class FrameLink {
  constructor(document, frame, hashParams, { onConnect, onMessage, onLoadError, onReconnect }) {
    this.nonce = randomId();
    this.port = null;
    this.closed = false;
    const window = (this.window = document.defaultView);
    const iframe = (this.iframe = document.createElement('iframe'));
    const params = new URLSearchParams({ ...hashParams, origin: window.location.origin, nonce: this.nonce });
    iframe.src = `${frame.url}#${params}`;
    let hello = false;
    let answered = false;
    /** `why`: 'load' (it never became ready) or `{ message }` (something else connected it first). */
    const fail = (why = 'load') => {
      if (this.closed || this.failed || (why === 'load' && answered)) return;
      this.failed = true;
      clearTimeout(this.timer);
      onLoadError(why);
    };
    iframe.addEventListener('load', () => setTimeout(() => hello || fail(), HELLO_GRACE_MS));
    this.onWindowMessage = (event) => {
      const data = event.data;
      if (this.closed || event.source !== iframe.contentWindow || event.origin !== frame.origin) return;
      if (!isObject(data) || data.nonce !== this.nonce || this.failed) return;
      // `ready`: a field or the badge has rendered (its first sign of life on the window, so that
      // nothing waits for a round trip through the port).
      if (data.payjp === 'ready' && this.port) {
        answered = true;
        clearTimeout(this.timer);
        onMessage({ t: 'height', px: data.height });
        return onMessage({ t: 'ready' });
      }
      if (data.payjp !== 'hello') return;
      hello = true;
      // A second `hello` is the same frame after a reload: its old port is gone.
      if (this.port) {
        this.port.close();
        onReconnect?.();
      }
      const channel = new MessageChannel();
      const port = (this.port = channel.port1);
      port.onmessage = (e) => {
        if (port !== this.port || !isObject(e.data) || typeof e.data.t !== 'string') return;
        if (e.data.t === 'taken') return fail(isObject(e.data.error) ? { message: String(e.data.error.message) } : 'load');
        // The frame's first answer ends the wait for it.
        answered = true;
        clearTimeout(this.timer);
        onMessage(e.data);
      };
      iframe.contentWindow.postMessage({ payjp: 'connect', nonce: this.nonce, ...onConnect() }, frame.origin, [channel.port2]);
    };
    window.addEventListener('message', this.onWindowMessage);
    this.timer = setTimeout(fail, FRAME_TIMEOUT_MS);
  }

  send(message) {
    this.port?.postMessage(message);
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.window.removeEventListener('message', this.onWindowMessage);
    this.port?.close();
    this.port = null;
    this.iframe.remove();
  }
}

/**
 * The hidden controller frame of one Payjp instance. It runs while an element of the instance is
 * mounted, a call is waiting for it or a 3-D Secure challenge is open, and answers calls: `token`
 * (for a group), `availability`, `connection`, and a challenge's `tdsStart`, `tdsWait`,
 * `tdsCancel` and `tdsReturn` (src/dom/frame/challenges.js).
 */
export class ControllerLink {
  constructor({ frame, lang, config, instance }) {
    this.frame = frame;
    this.lang = lang;
    this.config = config;
    this.instance = instance;
    this.link = null;
    this.users = 0;
    this.pending = new Map();
    this.nextId = 1;
  }

  /**
   * Keeps the frame running while an element is mounted; `release()` undoes it. It starts once
   * the first field frame is ready (`warm`) or a call needs it, so that the fields, which the
   * buyer sees, do not share the CPU with it while they load.
   */
  retain() {
    this.users += 1;
  }

  warm(document) {
    if (this.users > 0) this.#start(document);
  }

  release() {
    this.users -= 1;
    this.#stopIfIdle();
  }

  #start(document) {
    if (this.link) return;
    ensureHostSheet(document);
    let connected;
    this.failure = undefined;
    this.ready = new Promise((resolve) => (connected = resolve));
    const link = (this.link = new FrameLink(document, this.frame, { mode: 'controller', instance: this.instance, locale: this.lang }, {
      onConnect: () => ({ config: this.config }),
      onMessage: (data) => {
        if (data.t === 'ready') connected(true);
        else if (data.t === 'refused') {
          console.error(`payjp-wasm: the card frames refused apiBase ${data.apiBase}; they send cards only to ${data.allowed}.`);
          connected(true);
        } else if (data.t === 'result' && this.pending.has(data.id) && isObject(data.result)) {
          this.#settle(data.id, data.result);
        }
      },
      onLoadError: (why) => {
        this.failure = why;
        connected(false);
        this.#failAll(why);
        // The next call starts a new frame.
        if (this.link === link) {
          link.close();
          this.link = null;
        }
      },
      // The controller reloaded: what it was doing is lost; the buyer can try again.
      onReconnect: () => this.#failAll('load', 'frame_connection_lost'),
    }));
    attrs(link.iframe, { class: 'payjp-controller', 'aria-hidden': 'true', tabindex: '-1', title: 'payjp-wasm controller' });
    document.body.append(link.iframe);
  }

  #settle(id, result) {
    this.pending.get(id)(result);
    this.pending.delete(id);
    this.#stopIfIdle();
  }

  #failAll(why, code) {
    for (const id of [...this.pending.keys()]) this.#settle(id, { error: frameError(this.lang, why, code) });
  }

  #stopIfIdle() {
    if (this.users > 0 || this.pending.size > 0 || !this.link) return;
    this.link.close();
    this.link = null;
  }

  /** Resolves with the controller's answer: a result object or `{ error }`; never rejects. */
  async call(document, t, fields) {
    this.#start(document);
    const id = this.nextId++;
    const answer = new Promise((resolve) => this.pending.set(id, resolve));
    if (!(await this.ready) || !this.link?.port) {
      if (this.pending.has(id)) this.#settle(id, { error: frameError(this.lang, this.failure) });
    } else {
      this.link.send({ t, id, ...fields });
      // A page that removes the controller frame (a framework clearing <body>, say) would leave
      // the call waiting forever: while it waits, a second without the frame fails it, and the
      // next call starts a new frame.
      const link = this.link;
      const watch = setInterval(() => {
        if (link.iframe.isConnected) return;
        link.close();
        if (this.link === link) this.link = null;
        this.#failAll('load', 'frame_connection_lost');
      }, 1e3);
      answer.finally(() => clearInterval(watch));
    }
    return answer;
  }
}

/**
 * What a PayjpElement holds in isolated mode, in place of an ElementView: a host element (with
 * the same state classes as a direct element, so merchant CSS works unchanged) around the frame,
 * and a visible error line.
 */
export class FrameView {
  constructor(document, type, group, options, emit) {
    ensureHostSheet(document);
    this.document = document;
    this.type = type;
    this.group = group;
    this.emit = emit;
    this.options = options;
    this.link = null;
    this.last = null;
    this.root = document.createElement('div');
    this.root.className = `payjp-element payjp-frame-host payjp-empty payjp-type-${type}`;
    // A press on the host's padding, around the frame, focuses the field inside.
    this.root.addEventListener('mousedown', (e) => {
      if (e.target !== this.root) return;
      e.preventDefault();
      this.focus();
    });
    // The frame has its own live region for screen readers; this line is for the eyes.
    this.errorRegion = attrs(document.createElement('span'), { class: 'payjp-error', 'aria-hidden': 'true', id: uniqueId('payjp-') });
  }

  /** Creates and connects the frame; called by mount(). */
  open() {
    const { frame, controller, lang, id: group } = this.group;
    controller.retain();
    // The key and API base the field's values may go to, fixed for the life of its document.
    const { publicKey: key, apiBase: api = '' } = controller.config;
    const hash = { mode: 'field', type: this.type, instance: controller.instance, group, key, api, locale: lang, options: JSON.stringify({ ...this.options, fonts: this.group.fonts }) };
    this.link = new FrameLink(this.document, frame, hash, {
      onConnect: () => ({ options: { ...this.options, fonts: this.group.fonts, locale: this.group.lang } }),
      onMessage: (data) => this.onFrameMessage(data),
      onLoadError: (why) => this.emit('loaderror', { error: frameError(lang, why) }),
    });
    attrs(this.link.iframe, {
      class: 'payjp-frame',
      title: this.title(),
      allow: 'payment',
      scrolling: 'no',
    });
    this.root.append(this.link.iframe);
    // Until the frame reports its height, it has the height it will have: a row more for a
    // combined element narrower than its fields (expiry and CVC wrap, see view.js), and for its
    // name input.
    // (Its CSS height is 1.5em: narrower than 23.6em is narrower than 15.7 times that.)
    const { width, height } = this.link.iframe.getBoundingClientRect();
    const rows = 1 + (this.type === 'card' && width < height * 15.7) + !!this.options.cardholderName;
    if (rows > 1) this.link.iframe.style.height = `${rows * 2.1 - 0.6}em`;
  }

  onFrameMessage(data) {
    switch (data.t) {
      case 'change': {
        const s = data.summary;
        if (!isObject(s) || typeof s.brand !== 'string') return;
        const e = s.error;
        const error = isObject(e) ? { type: 'validation_error', code: String(e.code), detail: String(e.detail ?? e.code), message: String(e.message) } : null;
        const summary = { complete: s.complete === true, empty: s.empty === true, brand: s.brand, error };
        this.last = summary;
        const classes = this.root.classList;
        classes.toggle('payjp-complete', summary.complete);
        classes.toggle('payjp-empty', summary.empty);
        classes.toggle('payjp-invalid', !!error);
        if (this.options.showError !== false) this.errorRegion.textContent = error ? error.message : '';
        this.emit('change', summary);
        break;
      }
      case 'focus':
      case 'blur':
        this.root.classList.toggle('payjp-focus', data.t === 'focus');
        this.emit(data.t);
        break;
      case 'height':
        if (Number.isFinite(data.px) && data.px >= 0 && data.px < 2000) this.link.iframe.style.height = `${Math.ceil(data.px)}px`;
        break;
      case 'ready':
        this.emit('frameready');
        // After the buyer's fields, and off this task: an iframe is costly to create.
        setTimeout(() => this.link && this.group.controller.warm(this.document));
        break;
      case 'failed':
        this.emit('loaderror', { error: frameError(this.group.lang) });
        break;
      case 'enter': {
        // Enter in the frame submits the form around the element, as in a field of the page.
        const form = this.root.closest('form');
        if (form) form.requestSubmit();
        break;
      }
    }
  }

  /** `update(options)`, and `elements.update({ locale })`. */
  applyOptions(options) {
    this.options = { ...this.options, ...options };
    if (options.showError === false) this.errorRegion.textContent = '';
    this.link?.iframe.setAttribute('title', this.title());
    this.link?.send({ t: 'update', options });
  }

  /** The frame's title: the element's label, else what it is, in the group's language. */
  title() {
    return this.options.label || TEXT[this.group.lang][this.type];
  }

  get summary() {
    return this.last;
  }

  focus() {
    this.link?.send({ t: 'focus' });
  }

  blur() {
    this.link?.send({ t: 'blur' });
  }

  clear() {
    this.link?.send({ t: 'clear' });
  }

  /** Removes the frame (its listeners and port go with it) and the host nodes. */
  remove() {
    if (this.link) {
      this.link.close();
      this.link = null;
      this.group.controller.release();
    }
    this.last = null;
    this.root.remove();
    this.errorRegion.remove();
  }

  teardown() {
    this.remove();
  }
}

/** The security badge in a frame of the payment origin: `{ root, remove() }`. */
export function badgeFrame(document, frame, lang, options) {
  ensureHostSheet(document);
  const link = new FrameLink(document, frame, { mode: 'badge', locale: lang, options: JSON.stringify(options) }, {
    onConnect: () => ({ options }),
    onMessage: (data) => {
      if (data.t === 'height' && Number.isFinite(data.px) && data.px > 0 && data.px < 2000) link.iframe.style.height = `${Math.ceil(data.px)}px`;
    },
    onLoadError: () => {},
  });
  attrs(link.iframe, { class: 'payjp-badge-frame', title: TEXT[lang].badge, scrolling: 'no' });
  return { root: link.iframe, remove: () => link.close() };
}

/**
 * The 3-D Secure challenge in a frame of the payment origin (tds.html, beside the frame page),
 * inside the page's dialog: it shows the heading, the close button and the issuer's page, and
 * tells the controller of `instance` when the issuer is done. The page hears only a cancel.
 * Returns `{ stop() }`.
 */
export function challengeFrame(dialog, frame, { start, lang, instance, onCancel }) {
  const page = { origin: frame.origin, url: new URL('tds.html', frame.url).href };
  const link = new FrameLink(dialog.ownerDocument, page, { mode: 'tds', start, instance, locale: lang }, {
    onConnect: () => ({}),
    onMessage: (data) => (data.t === 'cancel' || data.t === 'failed') && onCancel(),
    onLoadError: onCancel,
  });
  // Named as the dialog is.
  link.iframe.title = dialog.getAttribute('aria-label');
  dialog.append(link.iframe);
  return { stop: () => link.close() };
}
