// `Payjp(publicKey, options)` in the merchant's page: checks the options (misuse throws at once),
// then builds the instance on one of two backends with the same API:
// - isolated (the default): the card inputs, the badge and every API call live in frames of the
//   payment origin (frames.js); this page carries no card code and no wasm;
// - direct (`isolation: 'none'`, an explicit opt-in): the core (core.js, loaded by `init()`) runs
//   the inputs, the badge and the API client in this page (src/dom/frame/direct.js).
import { isObject, randomId } from '../shared/dom.js';
import { Elements, cardViews, internals, mountTarget } from './elements.js';
import { langOf } from './locale.js';
import { ControllerLink, FrameView, badgeFrame, challengeFrame, frameError, isolationOptions } from './frames.js';

const WORKFLOWS = ['iframe', 'subwindow', 'redirect', 'auto'];
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
/** In-app browsers (LINE, Instagram, Facebook, X), where popups fail: `auto` redirects there. */
const IN_APP = /\bLine\/|Instagram|FBAN|FBAV|FB_IAB|Twitter/i;


/**
 * The checks that must hold before anything else happens; the frame's wasm checks everything
 * again. Returns `{ publicKey, apiBase?, lang, timeout? }`.
 */
function clientOptions(publicKey, options) {
  if (typeof publicKey !== 'string') throw new TypeError('Payjp: expected the public key (pk_test_... or pk_live_...) as a string.');
  const key = publicKey.trim();
  if (key.startsWith('sk_')) {
    throw new Error('Payjp: a secret key (sk_...) was given. Secret keys must never be used in a browser; pass your public key (pk_test_... or pk_live_...).');
  }
  if (!/^pk_(test|live)_[A-Za-z0-9]+$/.test(key)) throw new Error('Payjp: expected a public key (pk_test_... or pk_live_...).');
  if (!(options === undefined || options === null || isObject(options))) throw new TypeError('Payjp: expected options to be an object or undefined.');
  const { apiBase, locale, timeout } = options ?? {};
  if (apiBase !== undefined) {
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
  }
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout))) {
    throw new TypeError('Payjp: expected options.timeout to be a positive number of milliseconds.');
  }
  // Without one, isolated frames use their page's own default (PAY.JP's API, or what the frame
  // origin's HTML names); direct mode uses PAY.JP's.
  return { publicKey: key, apiBase: apiBase?.trim().replace(/\/+$/, ''), lang: langOf(locale, 'Payjp'), timeout };
}

/**
 * Opens a blank popup now, inside the buyer's click, for the `subwindow` workflow; the
 * challenge is loaded into it once the token exists. `features`: payjp.js v2's `windowFeatures`
 * (`width`, `height`, `top`, `left`). Null when the browser blocked it.
 */
export function reserveWindow(window, features) {
  const f = { width: 480, height: 640, ...features };
  const spec = ['popup', ...['width', 'height', 'top', 'left'].filter((k) => Number.isFinite(f[k])).map((k) => `${k}=${Math.round(f[k])}`)].join(',');
  try {
    return window.open('about:blank', 'payjp-three-d-secure', spec);
  } catch {
    return null;
  }
}

/**
 * `threeDSecureWorkflow`, `threeDSecureTimeout` and `threeDSecureRedirect` (the name of a redirect
 * URL registered for the account; `payjp-wasm`, the frame origin's tds-return.html, by default).
 * Direct mode checks its redirect workflow itself (`direct`, see direct.js).
 */
function threeDSecureOptions(options, isolated, direct) {
  const workflow = options?.threeDSecureWorkflow ?? 'iframe';
  if (!WORKFLOWS.includes(workflow)) {
    throw new TypeError("Payjp: expected options.threeDSecureWorkflow to be 'iframe', 'subwindow', 'redirect' or 'auto'.");
  }
  const back = options?.threeDSecureRedirect;
  if (!(back === undefined || (typeof back === 'string' && /^[\w-]{1,64}$/.test(back)))) {
    throw new TypeError('Payjp: expected options.threeDSecureRedirect to be a registered redirect name (letters, digits, - and _).');
  }
  if (!isolated) direct.checkRedirect(workflow, back);
  const timeoutMs = options?.threeDSecureTimeout ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new TypeError('Payjp: expected options.threeDSecureTimeout to be a positive number of milliseconds.');
  }
  // `auto` without a way back in direct mode stays in the page.
  return { workflow, timeoutMs, back, redirects: isolated || back !== undefined };
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
    frame,
    group: (options) => ({ frame, controller, id: randomId(), fonts: options.fonts, view: (...a) => new FrameView(...a) }),
    createToken: (s, data) => call('token', { group: s.group.id, options: data }),
    retrieveAvailability: (tenant) => call('availability', { tenant }),
    checkConnection: () => call('connection'),
    suggestEmail: (address) => call('suggestEmail', { address }),
    // 3-D Secure runs in the controller (src/dom/frame/challenges.js), which stays up while a
    // challenge is open. A page load that is not a return asks nothing.
    tds: async (t, d) => {
      if (t === 'tdsReturn' && !d.state && !d.legacy) return null;
      if (t === 'tdsStart') controller.retain();
      const result = await call(t, d);
      if (t === 'tdsWait' || (t === 'tdsStart' && !result.start)) controller.release();
      return result;
    },
    badge: (document, options) => badgeFrame(document, frame, options.locale ?? config.lang, { ...options, testMode: !config.publicKey.startsWith('pk_live_') }),
    challenge: (dialog, options) => challengeFrame(dialog, frame, { ...options, instance: controller.instance }),
  };
}

/**
 * `Payjp(publicKey, options)`. From the entry that calls it (`env`): `direct`, direct mode's checks
 * and backend (direct.js; the module entry's only: the drop-in refuses `isolation: 'none'` before
 * it would be needed); `loadChallenge()`, which imports tds.js beside the entry; `refused`, from
 * the drop-in script when it found no frame origin, `{ message, backend(lang) }`: unless the
 * options name a frame origin, the instance fails closed.
 */
export function createPayjp(publicKey, options, { direct, loadChallenge, refused }) {
  const config = clientOptions(publicKey, options);
  const tds = threeDSecureOptions(options, options?.isolation !== 'none', direct);
  let backend;
  if (refused && options?.frameOrigin === undefined && options?.isolation !== 'none') {
    console.error(refused.message);
    backend = refused.backend(config.lang);
  } else {
    const frame = isolationOptions(options);
    backend = frame ? isolatedBackend(frame, config) : direct.backend(config);
  }
  return new PayjpInstance(config, backend, { ...tds, loadChallenge });
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

  /** `getPublicKey()`: the key this instance was made with. */
  getPublicKey() {
    return this.#config.publicKey;
  }

  /** `retrieveAvailability({ tenant }?)` → `{ card_types_supported, livemode }` or `{ error }`. */
  retrieveAvailability(options) {
    const tenant = options?.tenant;
    if (!(tenant === undefined || typeof tenant === 'string')) throw new TypeError('retrieveAvailability: expected options.tenant to be a string.');
    return this.#backend.retrieveAvailability(tenant);
  }

  /** `checkConnection()` → `{ reachable: true, status, latencyMs }` or `{ reachable: false, reason }`. */
  checkConnection() {
    return this.#backend.checkConnection();
  }

  /**
   * `suggestEmail(address)` → the address with its domain corrected when the domain is a slip of
   * a mail domain most Japanese buyers use (`taro@docomo.ne.jo` → `taro@docomo.ne.jp`,
   * `gmial.com`, `ezweb.jp`), else null. For a "did you mean" under the page's own e-mail input;
   * in isolated mode the controller frame answers (no download in this page).
   */
  async suggestEmail(address) {
    if (typeof address !== 'string') throw new TypeError('suggestEmail: expected the address to be a string.');
    // `{ suggestion }` (a string, or undefined for none), or `{ error }` when the frames could not
    // answer: nothing to suggest then.
    return (await this.#backend.suggestEmail(address)).suggestion ?? null;
  }

  /**
   * `elements({ locale, fonts }?)`: a group of card elements. `fonts`: web fonts the fields may
   * use, `[{ family, src, weight?, style?, display? }]`, each `src` a URL on the frame origin or a
   * data: URL.
   */
  elements(options) {
    if (!(options === undefined || options === null || isObject(options))) {
      throw new TypeError('elements: expected options to be an object such as { locale, fonts }.');
    }
    const fonts = fontsOption(options?.fonts, this.#backend.frame);
    return new Elements({ payjp: this, lang: langOf(options?.locale ?? this.#config.lang, 'elements'), document: () => document, ...this.#backend.group({ fonts }) });
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
   * `createToken(element, data?, options?)`, as in payjp.js v2. `data`: `{ card: { name, email,
   * phone, country, address_state, address_city, address_line1, address_line2, address_zip },
   * three_d_secure, tenant }`; `options`: `{ timeout, windowFeatures }` for this call's 3-D Secure
   * challenge. Validates every field first (an invalid one gets focus and its error, and nothing
   * is sent), then creates the token. Resolves with the token or `{ error }`; rejects only on
   * misuse.
   */
  async createToken(element, data, options) {
    const tds = isObject(data) && data.three_d_secure === true;
    const returnFocus = document.activeElement;
    // The challenge's code loads while the token is made.
    if (tds) this.#tds.loadChallenge().catch(() => {});
    // Checked and the request started before the first await, and the popup reserved: a
    // subwindow must open inside the buyer's click. Misuse throws here, which rejects.
    const s = this.#checkToken(element, data);
    const challengeOptions = this.#challengeOptions(options, 'createToken');
    const request = { card: cardDetails(data), three_d_secure: tds };
    if (data?.tenant !== undefined) request.tenant = data.tenant;
    const started = this.#backend.createToken(s, request);
    // `auto`: a redirect in in-app browsers, else a popup, else (blocked) the dialog.
    let workflow = this.#tds.workflow;
    if (workflow === 'auto') workflow = this.#tds.redirects && IN_APP.test(navigator.userAgent) ? 'redirect' : 'subwindow';
    const popup = tds && workflow === 'subwindow' ? reserveWindow(window, challengeOptions.windowFeatures) : null;
    const token = await started;
    if (!tds || token.error) {
      popup?.close();
      return token;
    }
    return this.#challenge(token.id, { ...challengeOptions, workflow, popup, returnFocus, finish: true });
  }

  /**
   * `handleThreeDSecureRedirect()`, on the page the `redirect` workflow returns to: resolves with
   * the finished token (or `{ error }`) when this tab started the challenge, null when the page
   * load is not a return, and `three_d_secure_unexpected_return` for a return this tab did not
   * start (a link someone sent): nothing is finished then. The state is removed from the address
   * bar.
   */
  async handleThreeDSecureRedirect() {
    const url = new URL(window.location.href);
    const hash = new URLSearchParams(url.hash.slice(1));
    const state = hash.get('payjp_tds');
    // What older releases put in the URL; a link with it is never ours now.
    const legacy = url.searchParams.has('payjp_tds_token');
    if (state !== null || legacy) {
      hash.delete('payjp_tds');
      url.searchParams.delete('payjp_tds_token');
      url.hash = `${hash}`;
      window.history.replaceState(window.history.state, '', url.href);
    }
    const result = await this.#backend.tds('tdsReturn', { state, legacy });
    return result?.id || result?.error ? result : null;
  }

  /**
   * `openThreeDSecureIframe(id)`: the challenge for a charge (`ch_…`) or a 3-D Secure request
   * (`tdsr_…`) the merchant's server made, in a dialog over the page, as in payjp.js v2: resolves
   * once the issuer is done (the server then calls tds_finish and reads the status); rejects
   * with an Error (`code`, localized `message`) when the buyer cancels or time runs out.
   */
  async openThreeDSecureIframe(id) {
    await this.#openChallenge('openThreeDSecureIframe', id, undefined, 'iframe');
  }

  /**
   * `openThreeDSecureDialog(id, timeout | { timeout, windowFeatures })`: the same in a sub-window
   * (a popup), as in payjp.js v2; call it inside the buyer's click. A blocked popup falls back to
   * the dialog over the page, with a console warning.
   */
  async openThreeDSecureDialog(id, options) {
    await this.#openChallenge('openThreeDSecureDialog', id, options, 'subwindow');
  }

  // Async, so misuse rejects like createToken's; everything before the first await (the popup)
  // still runs inside the buyer's click.
  async #openChallenge(what, id, options, workflow) {
    if (typeof id !== 'string' || !/^(ch|tdsr|tok)_[0-9A-Za-z]+$/.test(id)) {
      throw new TypeError(`${what}: expected the id of a charge or 3-D Secure request, such as ch_… or tdsr_…`);
    }
    const challengeOptions = this.#challengeOptions(typeof options === 'number' ? { timeout: options } : options, what);
    const popup = workflow === 'subwindow' ? reserveWindow(window, challengeOptions.windowFeatures) : null;
    const result = await this.#challenge(id, { ...challengeOptions, workflow, popup, finish: false });
    if (result.error) throw Object.assign(new Error(result.error.message), { code: result.error.code, error: result.error });
  }

  /** Checks `{ timeout, windowFeatures }` (misuse throws); the instance's defaults fill in. */
  #challengeOptions(options, what) {
    if (options === undefined || options === null) return {};
    if (!isObject(options)) throw new TypeError(`${what}: expected options to be an object such as { timeout, windowFeatures }.`);
    const { timeout, windowFeatures } = options;
    if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout))) {
      throw new TypeError(`${what}: expected options.timeout to be a positive number of milliseconds.`);
    }
    if (windowFeatures !== undefined && !isObject(windowFeatures)) throw new TypeError(`${what}: expected options.windowFeatures to be an object such as { width, height }.`);
    return { ...(timeout ? { timeoutMs: timeout } : {}), windowFeatures };
  }

  async #challenge(id, options) {
    let module;
    try {
      module = await this.#tds.loadChallenge();
    } catch {
      // Offline, say: the challenge cannot run; the buyer can try again.
      options.popup?.close();
      return { error: frameError(this.#config.lang) };
    }
    return module.challenge(id, { window, lang: this.#config.lang, backend: this.#backend, ...this.#tds, ...options });
  }

  /** The element's state, after the checks that make a call misuse (they throw). */
  #checkToken(element, data) {
    const s = internals.get(element);
    if (!s) throw new TypeError('createToken: expected an element created by payjp.elements().create().');
    if (s.group.payjp !== this) {
      throw new Error("createToken: this element was created by another Payjp instance; pass an element from this instance's elements().");
    }
    if (!s.container) throw new Error('createToken: the element is not mounted; call mount() first.');
    if (!(data === undefined || data === null || isObject(data))) {
      throw new TypeError('createToken: expected data to be an object such as { card: { name, email, phone } }.');
    }
    if (!(data?.tenant === undefined || typeof data.tenant === 'string')) throw new TypeError('createToken: expected data.tenant to be a string.');
    cardViews(s); // throws when split elements are missing
    cardDetails(data);
    return s;
  }
}

/** What a merchant may send beside the fields, as PAY.JP names it. */
const CARD_DETAILS = ['name', 'email', 'phone', 'country', 'address_state', 'address_city', 'address_line1', 'address_line2', 'address_zip'];

/** `data.card`'s details; a value that is not a string is misuse, an unknown key too. */
function cardDetails(data) {
  const card = data?.card;
  if (card === undefined || card === null) return {};
  if (!isObject(card)) throw new TypeError('createToken: expected data.card to be an object such as { name, email, phone }.');
  const out = {};
  for (const [key, v] of Object.entries(card)) {
    if (!CARD_DETAILS.includes(key)) {
      throw new TypeError(`createToken: data.card.${key} is not taken; expected ${CARD_DETAILS.join(', ')} (the card comes from the elements).`);
    }
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new TypeError(`createToken: expected data.card.${key} to be a string.`);
    out[key] = v;
  }
  return out;
}

/**
 * `elements({ fonts })`: `[{ family, src, weight?, style?, display? }]`. In isolated mode a font
 * loads inside the frames, so its `src` must be on the frame origin or a data: URL (the frame
 * page's CSP allows exactly those).
 */
function fontsOption(fonts, frame) {
  if (fonts === undefined) return [];
  const misuse = `elements: expected options.fonts to be [{ family, src, weight?, style?, display? }], each src on ${frame ? `the frame origin (${frame.origin})` : 'a URL'} or a data: URL.`;
  if (!Array.isArray(fonts)) throw new TypeError(misuse);
  return fonts.map((font) => {
    const { family, src, weight, style, display } = isObject(font) ? font : {};
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      throw new TypeError(misuse);
    }
    // Plain names and descriptors only; FontFace checks them again where the font loads.
    const plain = [family, weight, style, display].every((v) => v === undefined || /^[\p{L}\p{N} ._-]{1,100}$/u.test(v));
    if (!plain || typeof family !== 'string' || !(url.protocol === 'data:' || !frame || url.origin === frame.origin)) throw new TypeError(misuse);
    return { family, src: url.href, weight, style, display };
  });
}
