// payjp-wasm: the package entry. `init()` loads the WebAssembly core; `Payjp(publicKey, options)`
// is the payjp.js v2 style client with card elements, the security badge and tokens.
//
// The Rust core (payjp_wasm.js + payjp_wasm_bg.wasm) owns every rule about card data and the
// token API: normalising, formatting, validating, error messages, request encoding, retries.
// This layer owns the DOM and the JavaScript-facing API; it is plain JavaScript because DOM code
// and option objects cost several times more bytes as Rust through web-sys (README, "Size").
//
// Importing this module has no side effects, so server-side renderers can import it.
import initWasm, { Payjp as createClient, validateHolderName, validateEmail, validatePhone } from './payjp_wasm.js';
import { Elements, cardViews, internals } from './elements.js';
import { SecurityBadge } from './badge.js';
import { isolationOptions } from './frame-host.js';
import { startFrame } from './frame-guest.js';
import { DEFAULT_TIMEOUT_MS, REDIRECT_PARAM, WORKFLOWS, challenge, contactError, finishedToken, reserveWindow } from './three-d-secure.js';

export {
  validateCardNumber,
  validateExpiry,
  validateCvc,
  validateHolderName,
  validateEmail,
  validatePhone,
  formatCardNumber,
  detectBrand,
} from './payjp_wasm.js';

let loading;
let loaded = false;

/**
 * Loads the WebAssembly core once; later calls return the same promise. A failed load (a
 * network error, say) is forgotten, so calling `init()` again retries.
 * @param {{ module_or_path?: string | URL | Response | BufferSource | WebAssembly.Module }} [input]
 */
export default function init(input) {
  loading ??= initWasm(input).then(
    (exports) => {
      loaded = true;
      return exports;
    },
    (error) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

const isObject = (v) => typeof v === 'object' && v !== null;

/**
 * `Payjp(publicKey, { locale, apiBase, timeout, frameOrigin, frameUrl, isolation })`: throws at
 * once on a secret key, a malformed key, an apiBase that is not https (loopback hosts excepted),
 * or a frameOrigin that is not an https origin.
 */
export function Payjp(publicKey, options) {
  if (typeof window === 'undefined') {
    throw new Error('Payjp: this needs a browser (window is undefined). Create it in client-side code, not during server-side rendering.');
  }
  if (!loaded) throw new Error('Payjp: the WebAssembly core is not loaded yet; await init() before calling Payjp().');
  const client = createClient(publicKey, options);
  const workflow = options?.threeDSecureWorkflow ?? 'iframe';
  if (!WORKFLOWS.includes(workflow)) {
    throw new TypeError("Payjp: expected options.threeDSecureWorkflow to be 'iframe', 'subwindow' or 'redirect'.");
  }
  const timeout = options?.threeDSecureTimeout ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout)) {
    throw new TypeError('Payjp: expected options.threeDSecureTimeout to be a positive number of milliseconds.');
  }
  const tds = { workflow, timeoutMs: timeout, apiBase: (options?.apiBase ?? 'https://api.pay.jp/v1').replace(/\/+$/, '') };
  return new PayjpInstance(client, publicKey, options, isolationOptions(options), tds);
}

/** Internal: runs www/frame.html, the page the isolated elements load from the payment origin. */
export function _startFrame() {
  return startFrame(window, init);
}

/** What `Payjp()` returns. */
class PayjpInstance {
  #client;
  #lang;
  #live;
  #frame;
  #config;
  #tds;

  constructor(client, publicKey, options, frame, tds) {
    this.#tds = { ...tds, publicKey };
    this.#client = client;
    this.#lang = options?.locale === 'en' ? 'en' : 'ja';
    this.#live = publicKey.startsWith('pk_live_');
    this.#frame = frame;
    // What the controller frame needs to make the same client on the payment origin.
    this.#config = { publicKey, apiBase: options?.apiBase, timeout: options?.timeout };
  }

  /** `retrieveAvailability()` → `{ card_types_supported, livemode }` or `{ error }`. */
  retrieveAvailability() {
    return this.#client.retrieveAvailability();
  }

  /** `checkConnection()` → `{ reachable: true, status, latencyMs }` or `{ reachable: false, reason }`. */
  checkConnection() {
    return this.#client.checkConnection();
  }

  /** `elements()`: a group of card elements. */
  elements() {
    return new Elements({ payjp: this, lang: this.#lang, document: () => document, frame: this.#frame, clientConfig: this.#config });
  }

  /** `securityBadge({ theme, size, locale })`: a mountable badge. */
  securityBadge(options) {
    return new SecurityBadge(document, options, { lang: this.#lang, testMode: !this.#live, secure: window.isSecureContext });
  }

  /**
   * `createToken(element, { card: { name, email, phone }, three_d_secure })`: validates every
   * field first (an invalid one gets focus and its error, and nothing is sent), then creates the
   * token. Resolves with the token or `{ error }`; rejects only on misuse.
   */
  async createToken(element, options) {
    const tds = isObject(options) && options.three_d_secure === true;
    const returnFocus = document.activeElement;
    // Validated and the popup reserved before the first await: a subwindow must open inside the
    // buyer's click. Misuse throws here, which rejects the returned promise.
    const started = this.#startToken(element, options);
    if (started.error) return started;
    const popup = tds && this.#tds.workflow === 'subwindow' ? reserveWindow(window) : null;
    const token = await started.token;
    if (!tds || token.error) {
      popup?.close();
      return token;
    }
    const outcome = await challenge(token.id, { window, lang: this.#lang, ...this.#tds, popup, returnFocus });
    if (outcome !== 'finished') return outcome;
    return finishedToken(await this.#client._finishThreeDSecure(token.id), this.#lang);
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
    return finishedToken(await this.#client._finishThreeDSecure(id), this.#lang);
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
    const outcome = await challenge(id, { window, lang: this.#lang, ...this.#tds, workflow: 'iframe' });
    return outcome === 'finished' ? { id } : outcome;
  }

  /**
   * Checks everything that can be checked at once and starts the token request: `{ token }`, a
   * promise of the token or `{ error }`; `{ error }` for input the buyer must fix. Misuse throws.
   */
  #startToken(element, options) {
    const s = internals.get(element);
    if (!s) throw new TypeError('createToken: expected an element created by payjp.elements().create().');
    if (s.group.payjp !== this) {
      throw new Error("createToken: this element was created by another Payjp instance; pass an element from this instance's elements().");
    }
    if (!s.container) throw new Error('createToken: the element is not mounted; call mount() first.');
    if (!(options === undefined || options === null || isObject(options))) {
      throw new TypeError('createToken: expected options to be an object such as { card: { name, email, phone } }.');
    }
    const views = cardViews(s);
    const card = options?.card;
    const holder = ['name', 'email', 'phone'].map((key) => {
      const v = isObject(card) ? card[key] : undefined;
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string') throw new TypeError(`createToken: expected options.card.${key} to be a string.`);
      return v;
    });
    if (options?.three_d_secure === true) {
      // 3-D Secure needs the name (PAY.JP's 2-45 half-width rule) and an e-mail or a phone.
      const problem = this.#threeDSecureHolderProblem(holder);
      if (problem) return problem;
    }
    if (s.group.frame) {
      // Isolated: the controller frame validates the fields and makes the token.
      const [name, email, phone] = holder;
      return { token: s.group.controller.createToken({ card: { name, email, phone }, three_d_secure: options?.three_d_secure === true }) };
    }
    // Validate every field; the first invalid one gets the focus.
    for (const view of views) view.validateForSubmit();
    const invalid = views.find((v) => v.summary.error);
    if (invalid) {
      invalid.focus();
      return { error: invalid.summary.error };
    }
    const values = [];
    for (const view of views) view.valuesInto(values);
    return { token: this.#client._createToken(values[0], values[1], values[2], ...holder, options?.three_d_secure === true) };
  }

  #threeDSecureHolderProblem([name, email, phone]) {
    const lang = this.#lang;
    const present = (v) => typeof v === 'string' && v.trim() !== '';
    if (!present(name)) return contactError(lang, 'name');
    const checks = [validateHolderName(name, lang)];
    if (!present(email) && !present(phone)) return contactError(lang, 'contact');
    if (present(email)) checks.push(validateEmail(email, lang));
    if (present(phone)) checks.push(validatePhone(phone, lang));
    const bad = checks.find((c) => !c.isValid);
    return bad ? { error: { type: 'validation_error', ...bad.error } } : null;
  }
}
