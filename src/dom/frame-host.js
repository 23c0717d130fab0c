// Isolated mode, the merchant page's side: each element is an iframe served by the payment
// origin, and a hidden controller frame per elements() group makes the token. The page only
// ever receives change/focus/blur events (brand, complete, empty, error: never digits) and the
// token or the error.
//
// Messaging rules:
// - A frame announces itself with window.postMessage to the exact parent origin it was told
//   about; we accept that only from the iframe we created (`event.source`), from the frame
//   origin (`event.origin`), carrying the nonce we put in its URL.
// - We answer with `connect` to the exact frame origin and hand over a MessagePort; everything
//   afterwards travels on that private port. Field frames and the controller talk over ports we
//   create and hand to both, so card values go from frame to frame and never through this page.
// - Anything malformed, from elsewhere, or unexpected is dropped.
import { TYPES, uniqueId } from './view.js';
import { attrs } from './field.js';
import { ensureSheet } from './style.js';

/** How long a frame may take to be ready before `loaderror`. */
export const FRAME_TIMEOUT_MS = 15_000;
/** A frame page of ours says hello while it loads; a document that loaded without saying so is
 * not ours (a 404, a blocked or an error page). */
const HELLO_GRACE_MS = 1_000;

const HOST_CSS =
  '.payjp-frame-host{display:block}' +
  '.payjp-frame-host .payjp-frame{display:block;width:100%;height:1.5em;border:0;margin:0;padding:0;background:transparent;color-scheme:normal}' +
  '.payjp-controller{position:absolute;width:0;height:0;border:0;visibility:hidden}';

const TITLES = {
  ja: { card: 'カード情報の入力欄', cardNumber: 'カード番号の入力欄', cardExpiry: '有効期限の入力欄', cardCvc: 'セキュリティコードの入力欄' },
  en: { card: 'Secure card input', cardNumber: 'Secure card number input', cardExpiry: 'Secure expiry date input', cardCvc: 'Secure security code input' },
};
const LOAD_ERRORS = {
  ja: 'カード入力欄を読み込めませんでした。通信環境を確認して、ページを再読み込みしてください。',
  en: 'The card fields could not be loaded. Check your connection and reload the page.',
};

const isObject = (v) => typeof v === 'object' && v !== null;
const randomNonce = () => {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * Checks `{ frameOrigin, frameUrl, isolation }` from `Payjp()` options. Returns null for direct
 * mode, else `{ origin, url }`. Misuse throws.
 */
export function isolationOptions(options) {
  const { frameOrigin, frameUrl, isolation } = isObject(options) ? options : {};
  if (isolation !== undefined && isolation !== 'none' && isolation !== 'frame') {
    throw new TypeError("Payjp: expected options.isolation to be 'frame' (the default with frameOrigin) or 'none'.");
  }
  if (frameOrigin === undefined) {
    if (isolation === 'frame') throw new TypeError("Payjp: isolation 'frame' needs options.frameOrigin, the payment origin that serves the frame page.");
    if (frameUrl !== undefined) throw new TypeError('Payjp: options.frameUrl needs options.frameOrigin.');
    return null;
  }
  const origin = checkedOrigin(frameOrigin);
  if (isolation === 'none') return null;
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
    throw new TypeError('Payjp: expected options.frameOrigin to be an origin such as https://js.example.com.');
  }
  if (url.origin !== value.replace(/\/$/, '')) {
    throw new TypeError('Payjp: expected options.frameOrigin to be an origin (scheme, host and port only), such as https://js.example.com.');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('Payjp: options.frameOrigin must be https (http is allowed for loopback hosts only).');
  }
  return url.origin;
}

/**
 * One frame of ours on the payment origin: creates the iframe, waits for its announcement,
 * connects a private port, and reports `onMessage`/`onLoadError`.
 */
class FrameLink {
  constructor(document, frame, hashParams, { onConnect, onMessage, onLoadError }) {
    this.frame = frame;
    this.nonce = randomNonce();
    this.port = null;
    this.closed = false;
    const window = document.defaultView;
    const iframe = (this.iframe = document.createElement('iframe'));
    const params = new URLSearchParams({ ...hashParams, origin: window.location.origin, nonce: this.nonce });
    iframe.src = `${frame.url}#${params}`;
    let hello = false;
    const fail = () => {
      if (!this.port && !this.closed && !this.failed) {
        this.failed = true;
        onLoadError();
      }
    };
    iframe.addEventListener('load', () => setTimeout(() => hello || fail(), HELLO_GRACE_MS));
    this.onWindowMessage = (event) => {
      const data = event.data;
      if (this.port || event.source !== iframe.contentWindow || event.origin !== frame.origin) return;
      if (!isObject(data) || data.nonce !== this.nonce) return;
      if (data.payjp === 'hello') hello = true;
      if (data.payjp !== 'ready' || this.failed) return;
      const channel = new MessageChannel();
      this.port = channel.port1;
      this.port.onmessage = (e) => isObject(e.data) && typeof e.data.t === 'string' && onMessage(e.data, e);
      clearTimeout(this.timer);
      iframe.contentWindow.postMessage({ payjp: 'connect', nonce: this.nonce, ...onConnect() }, frame.origin, [channel.port2]);
    };
    window.addEventListener('message', this.onWindowMessage);
    this.window = window;
    this.timer = setTimeout(fail, FRAME_TIMEOUT_MS);
  }

  send(message, transfer) {
    this.port?.postMessage(message, transfer ?? []);
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
 * The hidden controller frame of one elements() group: it gathers the field values and creates
 * the token on the payment origin. It lives while at least one element of the group is mounted.
 */
export class Controller {
  constructor(group) {
    this.group = group;
    this.link = null;
    this.ready = null;
    this.pending = new Map();
    this.nextId = 1;
  }

  /** Starts the controller frame if it is not running; resolves once it is connected. */
  start(document) {
    if (this.link) return this.ready;
    const group = this.group;
    ensureSheet(document, 'frame-host', HOST_CSS);
    let settle;
    // Resolves true once connected, false if the frame never announced itself.
    this.ready = new Promise((resolve) => (settle = resolve));
    const link = (this.link = new FrameLink(document, group.frame, { mode: 'controller', locale: group.lang }, {
      onConnect: () => {
        queueMicrotask(() => settle(true));
        return { config: group.clientConfig };
      },
      onMessage: (data) => {
        if (data.t !== 'token' || !this.pending.has(data.id) || !isObject(data.result)) return;
        this.pending.get(data.id)(data.result);
        this.pending.delete(data.id);
      },
      onLoadError: () => {
        settle(false);
        this.failAll();
      },
    }));
    attrs(link.iframe, { class: 'payjp-controller', 'aria-hidden': 'true', tabindex: '-1', title: 'payjp-wasm controller' });
    document.body.append(link.iframe);
    return this.ready;
  }

  failAll() {
    for (const resolve of this.pending.values()) resolve({ error: frameError(this.group.lang) });
    this.pending.clear();
  }

  /** Hands the controller one end of a channel whose other end goes to a field frame. */
  attach(type, port) {
    this.link.send({ t: 'field', type }, [port]);
  }

  /** Asks the controller for a token; resolves with the token or `{ error }`. */
  async createToken(options) {
    if (!(await this.ready) || !this.link?.port) return { error: frameError(this.group.lang) };
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.link.send({ t: 'token', id, options });
    });
  }

  stop() {
    this.failAll();
    this.link?.close();
    this.link = null;
    this.ready = null;
  }
}

function frameError(lang) {
  return { type: 'client_error', code: 'frame_load_failed', message: LOAD_ERRORS[lang], status: null, param: null, apiMessage: null };
}

/**
 * What a PayjpElement holds in isolated mode, in place of an ElementView: a host element (with
 * the same state classes as a direct element, so merchant CSS works unchanged) around the frame,
 * and a visible error line.
 */
export class FrameView {
  constructor(document, type, group, options, emit) {
    ensureSheet(document, 'frame-host', HOST_CSS);
    this.document = document;
    this.type = type;
    this.group = group;
    this.emit = emit;
    this.options = options;
    this.link = null;
    this.last = null;
    this.root = document.createElement('div');
    this.root.className = `payjp-element payjp-frame-host payjp-empty payjp-type-${type}`;
    // The frame has its own live region for screen readers; this line is for the eyes.
    this.errorRegion = attrs(document.createElement('span'), { class: 'payjp-error', 'aria-hidden': 'true', id: uniqueId('payjp-') });
    this.brand = 'unknown';
  }

  /** Creates and connects the frame; called by mount(). */
  open() {
    const group = this.group;
    const controllerReady = group.controller.start(this.document);
    const link = (this.link = new FrameLink(this.document, group.frame, { mode: 'field', type: this.type, locale: group.lang }, {
      onConnect: () => {
        // Link the field to the controller with a channel of its own.
        controllerReady.then((ok) => {
          if (!ok || this.link !== link || !link.port) return;
          const channel = new MessageChannel();
          group.controller.attach(this.type, channel.port2);
          link.send({ t: 'link' }, [channel.port1]);
          if (this.brand !== 'unknown') link.send({ t: 'brand', brand: this.brand });
        });
        return { options: this.options };
      },
      onMessage: (data) => this.onFrameMessage(data),
      onLoadError: () => this.emit('loaderror', { error: frameError(group.lang) }),
    }));
    attrs(link.iframe, {
      class: 'payjp-frame',
      title: TITLES[group.lang][this.type],
      'data-payjp-fields': TYPES[this.type].map((k) => ['number', 'expiry', 'cvc'][k]).join(' '),
      allow: 'payment',
      scrolling: 'no',
    });
    this.root.append(link.iframe);
  }

  onFrameMessage(data) {
    switch (data.t) {
      case 'change': {
        const s = data.summary;
        if (!isObject(s) || typeof s.brand !== 'string') return;
        const error = isObject(s.error) ? { type: 'validation_error', code: String(s.error.code), message: String(s.error.message) } : null;
        const summary = { complete: s.complete === true, empty: s.empty === true, brand: s.brand, error };
        this.last = summary;
        const classes = this.root.classList;
        classes.toggle('payjp-complete', summary.complete);
        classes.toggle('payjp-empty', summary.empty);
        classes.toggle('payjp-invalid', !!error);
        this.errorRegion.textContent = error ? error.message : '';
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
        break;
      case 'enter': {
        // Enter in the frame submits the form around the element, as in a field of the page.
        const form = this.root.closest('form');
        if (form) form.requestSubmit();
        break;
      }
    }
  }

  /** The number's brand, for a split CVC frame. */
  setBrand(brand) {
    this.brand = brand;
    this.link?.send({ t: 'brand', brand });
  }

  field(kind) {
    return TYPES[this.type].includes(kind);
  }

  applyOptions(options) {
    this.options = { ...this.options, ...options };
    this.link?.send({ t: 'update', options });
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
    this.link?.close();
    this.link = null;
    this.last = null;
    this.root.remove();
    this.errorRegion.remove();
    if (!this.group.members.some((m) => m.container && m.view !== this)) this.group.controller.stop();
  }

  teardown() {
    this.remove();
  }
}
