// payjp.js: the drop-in classic script. A page written for payjp.js v2 swaps its script tag for
// this one and changes nothing else:
//
//   <script src="https://<payment origin>/…/payjp.js"></script>
//   <script>
//     var payjp = Payjp('pk_test_…');
//     var elements = payjp.elements();
//     var numberElement = elements.create('cardNumber');
//     numberElement.mount('#number-form');
//     …
//     payjp.createToken(numberElement).then(function (r) { … });
//   </script>
//
// It carries the page's host itself (no module to wait for), so `window.Payjp` is the real thing
// as soon as this script has run, and isolated elements work at once.
//
// Where the frames come from, in this order: `Payjp(pk, { frameOrigin })`, the tag's
// `data-frame-origin`, else the origin this script was loaded from when that is not the page's own
// (loaded from the payment origin, as payjp.js is from PAY.JP's). Self-hosted on the merchant's own
// origin with none of these, isolation is impossible, so it fails closed: no inputs, a console
// error, a localized notice in each container. It runs isolated fields only: direct mode
// (`isolation: 'none'`) is the module's, after `init()`, and asking the drop-in for it throws.
//
// Markup cannot steer it (DOM clobbering): it reads `document.currentScript` through
// Document.prototype's own getter, which a `<img name="currentScript">` cannot shadow, and decides
// whether it already ran from an own property of `window`, which `<img name="Payjp">` is not.
import { createPayjp } from './payjp.js';
import { refusedBackend } from './refused.js';
import { retrying } from '../shared/dom.js';

const MARK = Symbol.for('payjp-wasm.classic');

const REFUSED = {
  message: 'payjp-wasm: no frame origin, so no card fields. Load payjp.js from the payment origin, or set data-frame-origin.',
  backend: refusedBackend,
};

(function () {
  if (typeof window === 'undefined') return;
  const own = Object.getOwnPropertyDescriptor(window, 'Payjp');
  if (own && typeof own.value === 'function' && own.value[MARK]) return; // included twice

  const current = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript').get.call(document);
  const script = current instanceof HTMLScriptElement ? current : null;
  const src = script ? script.src : '';
  const dataset = script ? script.dataset : {};
  const scriptOrigin = src ? new URL(src).origin : null;
  const frameOrigin = dataset.frameOrigin || (scriptOrigin && scriptOrigin !== window.location.origin ? scriptOrigin : undefined);

  // tds.js (the 3-D Secure dialog) sits beside this script. A browser remembers a module that
  // failed to load and fails every later import of that URL at once, so a retry asks for another.
  const loadChallenge = retrying((n) => import(new URL(`tds.js${n ? `?retry=${n}` : ''}`, src || window.location.href).href));

  function Payjp(publicKey, options) {
    const tag = {};
    if (dataset.apiBase) tag.apiBase = dataset.apiBase;
    if (dataset.locale) tag.locale = dataset.locale;
    if (frameOrigin) tag.frameOrigin = frameOrigin;
    if (dataset.frameUrl) tag.frameUrl = dataset.frameUrl;
    const merged = Object.assign(tag, options || {});
    if (merged.isolation === 'none') {
      throw new TypeError("Payjp: the drop-in payjp.js runs isolated card fields only; for isolation: 'none', import the payjp-wasm module and await init().");
    }
    return createPayjp(publicKey, merged, { loadChallenge, refused: frameOrigin ? undefined : REFUSED });
  }
  Payjp[MARK] = true;
  window.Payjp = Payjp;
})();
