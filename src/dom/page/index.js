// payjp-wasm: the package entry, and the only code an isolated merchant page downloads.
//
// `Payjp(publicKey, { frameOrigin })` works at once: the card inputs, the badge and the API client
// live in frames of the payment origin, which load the WebAssembly core themselves. This module
// carries no card code and no wasm.
//
// `init()` loads the core (core.js and its wasm) into this page, lazily, for the two uses that
// need it here: the standalone validators (`validateCardNumber`, …) and direct mode
// (`isolation: 'none'`).
//
// Importing this module has no side effects, so server-side renderers can import it.
import { coreLoader, validator } from './loader.js';
import { directMode } from './direct.js';
import { createPayjp } from './payjp.js';

const loader = coreLoader(() => import('./core.js'));

/**
 * Loads the WebAssembly core into this page once; later calls return the same promise. A failed
 * load (a network error, say) is forgotten, so calling `init()` again retries. Isolated elements
 * do not need it.
 * @param {{ module_or_path?: string | URL | Response | BufferSource | WebAssembly.Module }} [input]
 */
export default function init(input) {
  return loader.init(input);
}

/**
 * `Payjp(publicKey, { locale, apiBase, timeout, frameOrigin, frameUrl, isolation,
 * threeDSecureWorkflow, threeDSecureTimeout })`: throws at once on a secret key, a malformed key,
 * an apiBase that is not https (loopback hosts excepted), a missing or non-https frameOrigin, or
 * direct mode before `init()`.
 */
export function Payjp(publicKey, options) {
  // Here, not in createPayjp: the drop-in script never runs without a window.
  if (typeof window === 'undefined') {
    throw new Error('Payjp: this needs a browser (window is undefined). Create it in client-side code, not during server-side rendering.');
  }
  return createPayjp(publicKey, options, { direct: directMode(loader.core()), loadChallenge: () => import('./tds.js') });
}

export const validateCardNumber = validator(loader, 'validateCardNumber');
export const validateExpiry = validator(loader, 'validateExpiry');
export const validateCvc = validator(loader, 'validateCvc');
export const validateHolderName = validator(loader, 'validateHolderName');
export const validateEmail = validator(loader, 'validateEmail');
export const validatePhone = validator(loader, 'validatePhone');
export const formatCardNumber = validator(loader, 'formatCardNumber');
export const detectBrand = validator(loader, 'detectBrand');
