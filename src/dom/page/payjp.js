// `Payjp(publicKey, options)` in the merchant's page: checks the options (misuse throws at once),
// then builds the instance on one of two backends with the same API:
// - isolated (the default): the card inputs, the badge and every API call live in frames of the
//   payment origin (frames.js); this page carries no card code and no wasm;
// - direct (`isolation: 'none'`, an explicit opt-in): the core (core.js, loaded by `init()`) runs
//   the inputs, the badge and the API client in this page (src/dom/frame/direct.js).
import { isObject, randomId } from '../shared/dom.js';
import { Elements, cardViews, internals, mountTarget } from './elements.js';
import { ControllerLink, FrameView, badgeFrame, isolationOptions } from './frames.js';
import { DEFAULT_TIMEOUT_MS, REDIRECT_PARAM, WORKFLOWS, challenge, reserveWindow } from './three-d-secure.js';

const DEFAULT_API_BASE = 'https://api.pay.jp/v1';

/**
 * The checks that must hold before anything else happens; the frame's wasm checks everything
 * again. Returns `{ publicKey, apiBase, lang, timeout }`.
 */
function clientOptions(publicKey, options) {
  if (typeof publicKey !== 'string') throw new TypeError('Payjp: expected the public key (pk_test_... or pk_live_...) as a string.');
  const key = publicKey.trim();
  if (key.startsWith('sk_')) {
    throw new Error('Payjp: a secret key (sk_...) was given. Secret keys must never be used in a browser; pass your public key (pk_test_... or pk_live_...).');
  }
  if (!/^pk_(test|live)_[A-Za-z0-9]+$/.test(key)) throw new Error('Payjp: expected a public key (pk_test_... or pk_live_...).');
  if (!(options === undefined || options === null || isObject(options))) throw new TypeError('Payjp: expected options to be an object or undefined.');
  const { apiBase = DEFAULT_API_BASE, locale, timeout } = options ?? {};
  if (typeof apiBase !== 'string') throw new TypeError('Payjp: expected options.apiBase to be a URL string.');
  let url;
  try {
    url = new URL(apiBase.trim());
  } catch {
    throw new Error('Payjp: apiBase must be an absolute URL such as https://api.pay.jp/v1.');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('Payjp: apiBase must be an https:// URL (http:// is allowed only for 127.0.0.1, localhost and [::1]).');
  }
  if (locale !== undefined && locale !== 'ja' && locale !== 'en') throw new TypeError("Payjp: expected options.locale to be 'ja' or 'en'.");
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout))) {
    throw new TypeError('Payjp: expected options.timeout to be a positive number of milliseconds.');
  }
  return { publicKey: key, apiBase: apiBase.trim().replace(/\/+$/, ''), lang: locale === 'en' ? 'en' : 'ja', timeout };
}

function threeDSecureOptions(options) {
  const workflow = options?.threeDSecureWorkflow ?? 'iframe';
  if (!WORKFLOWS.includes(workflow)) {
    throw new TypeError("Payjp: expected options.threeDSecureWorkflow to be 'iframe', 'subwindow' or 'redirect'.");
  }
  const timeoutMs = options?.threeDSecureTimeout ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new TypeError('Payjp: expected options.threeDSecureTimeout to be a positive number of milliseconds.');
  }
  return { workflow, timeoutMs };
}

function badgeOptions(options) {
  if (!(options === undefined || options === null || isObject(options))) {
    throw new TypeError('securityBadge: expected options to be an object such as { theme, size, locale }.');
  }
  const pick = (key, allowed) => {
    const v = options?.[key];
    if (v === undefined || allowed.includes(v)) return v;
    throw new TypeError(`securityBadge: expected ${key} to be '${allowed.join("' or '")}'.`);
  };
  return { theme: pick('theme', ['light', 'dark']), size: pick('size', ['small', 'large']), locale: pick('locale', ['ja', 'en']) };
}

/** Isolated mode: everything that touches the card or the API runs in frames of the payment origin. */
function isolatedBackend(frame, config) {
  const controller = new ControllerLink({ frame, lang: config.lang, config: { publicKey: config.publicKey, apiBase: config.apiBase, timeout: config.timeout }, instance: randomId() });
  const call = (t, fields) => controller.call(document, t, fields);
  return {
    group: () => ({ frame, controller, id: randomId(), view: (...a) => new FrameView(...a) }),
    createToken: (s, options) => call('token', { group: s.group.id, options }),
    retrieveAvailability: () => call('availability'),
    checkConnection: () => call('connection'),
    threeDSecure: (id, outcome, finish) => call('threeDSecure', { challenge: id, outcome, finish }),
    badge: (document, options) => badgeFrame(document, frame, options.locale ?? config.lang, { ...options, testMode: !config.publicKey.startsWith('pk_live_') }),
  };
}

/**
 * `Payjp(publicKey, options)`. `core` is the loaded core module or null; direct mode needs it.
 * `refused`: from the drop-in script when it found no frame origin, `{ message, backend(lang) }`;
 * unless the options name a frame origin or opt in to direct mode, the instance fails closed.
 */
export function createPayjp(publicKey, options, core, refused) {
  if (typeof window === 'undefined') {
    throw new Error('Payjp: this needs a browser (window is undefined). Create it in client-side code, not during server-side rendering.');
  }
  const config = clientOptions(publicKey, options);
  const tds = threeDSecureOptions(options);
  let backend;
  if (refused && options?.frameOrigin === undefined && options?.isolation !== 'none') {
    console.error(refused.message);
    backend = refused.backend(config.lang);
  } else {
    const frame = isolationOptions(options);
    if (!frame && !core) {
      throw new Error("Payjp: isolation: 'none' runs the card fields in this page, which needs the WebAssembly core: await init() before calling Payjp().");
    }
    backend = frame ? isolatedBackend(frame, config) : core.directBackend(config, cardViews);
  }
  return new PayjpInstance(config, backend, { ...tds, apiBase: config.apiBase, publicKey: config.publicKey });
}

/** What `Payjp()` returns. */
class PayjpInstance {
  #config;
  #backend;
  #tds;

  constructor(config, backend, tds) {
    this.#config = config;
    this.#backend = backend;
    this.#tds = tds;
  }

  /** `retrieveAvailability()` → `{ card_types_supported, livemode }` or `{ error }`. */
  retrieveAvailability() {
    return this.#backend.retrieveAvailability();
  }

  /** `checkConnection()` → `{ reachable: true, status, latencyMs }` or `{ reachable: false, reason }`. */
  checkConnection() {
    return this.#backend.checkConnection();
  }

  /** `elements()`: a group of card elements. */
  elements() {
    return new Elements({ payjp: this, lang: this.#config.lang, document: () => document, ...this.#backend.group() });
  }

  /** `securityBadge({ theme, size, locale })`: a mountable badge. */
  securityBadge(options) {
    const checked = badgeOptions(options);
    const backend = this.#backend;
    let shown = null;
    return {
      mount(target) {
        const container = mountTarget(document, target, 'securityBadge.mount');
        shown?.remove();
        shown = backend.badge(document, checked);
        container.append(shown.root);
      },
      unmount() {
        shown?.remove();
        shown = null;
      },
      destroy() {
        this.unmount();
      },
    };
  }

  /**
   * `createToken(element, { card: { name, email, phone }, three_d_secure })`: validates every
   * field first (an invalid one gets focus and its error, and nothing is sent), then creates the
   * token. Resolves with the token or `{ error }`; rejects only on misuse.
   */
  async createToken(element, options) {
    const tds = isObject(options) && options.three_d_secure === true;
    const returnFocus = document.activeElement;
    // Checked and the request started before the first await, and the popup reserved: a
    // subwindow must open inside the buyer's click. Misuse throws here, which rejects.
    const s = this.#checkToken(element, options);
    const started = this.#backend.createToken(s, { card: holderCard(options), three_d_secure: tds });
    const popup = tds && this.#tds.workflow === 'subwindow' ? reserveWindow(window) : null;
    const token = await started;
    if (!tds || token.error) {
      popup?.close();
      return token;
    }
    const outcome = await challenge(token.id, { window, lang: this.#config.lang, ...this.#tds, popup, returnFocus });
    return this.#backend.threeDSecure(token.id, outcome, true);
  }

  /**
   * `handleThreeDSecureRedirect()`, on the page the `redirect` workflow returns to: finishes the
   * token named in the URL and resolves with it (or `{ error }`); null when the URL names none.
   * The parameter is removed from the address bar.
   */
  async handleThreeDSecureRedirect() {
    const url = new URL(window.location.href);
    const id = url.searchParams.get(REDIRECT_PARAM);
    if (!id) return null;
    url.searchParams.delete(REDIRECT_PARAM);
    window.history.replaceState(window.history.state, '', url.href);
    return this.#backend.threeDSecure(id, 'finished', true);
  }

  /**
   * `openThreeDSecureDialog(id)`: the challenge for a charge (`ch_…`) the merchant's server
   * created with 3-D Secure, in the dialog. Resolves `{ id }` once the issuer is done (the
   * server then calls tds_finish), or `{ error }` when the buyer cancels or time runs out.
   */
  async openThreeDSecureDialog(id) {
    if (typeof id !== 'string' || !/^[a-z]{2,4}_[0-9A-Za-z]+$/.test(id)) {
      throw new TypeError('openThreeDSecureDialog: expected the id of a charge or token, such as ch_…');
    }
    const outcome = await challenge(id, { window, lang: this.#config.lang, ...this.#tds, workflow: 'iframe' });
    return this.#backend.threeDSecure(id, outcome, false);
  }

  /** The element's state, after the checks that make a call misuse (they throw). */
  #checkToken(element, options) {
    const s = internals.get(element);
    if (!s) throw new TypeError('createToken: expected an element created by payjp.elements().create().');
    if (s.group.payjp !== this) {
      throw new Error("createToken: this element was created by another Payjp instance; pass an element from this instance's elements().");
    }
    if (!s.container) throw new Error('createToken: the element is not mounted; call mount() first.');
    if (!(options === undefined || options === null || isObject(options))) {
      throw new TypeError('createToken: expected options to be an object such as { card: { name, email, phone } }.');
    }
    cardViews(s); // throws when split elements are missing
    holderCard(options);
    return s;
  }
}

/** `{ name, email, phone }` from `options.card`; a value that is not a string is misuse. */
function holderCard(options) {
  const card = options?.card;
  const out = {};
  for (const key of ['name', 'email', 'phone']) {
    const v = isObject(card) ? card[key] : undefined;
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new TypeError(`createToken: expected options.card.${key} to be a string.`);
    out[key] = v;
  }
  return out;
}
