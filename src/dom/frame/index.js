// core.js: the page's WebAssembly core. The package entry (index.js) loads it into the merchant's
// page lazily, from `init()`, for the standalone validators and direct mode (`isolation: 'none'`):
// the wasm glue with the validators, and direct mode's backend, which runs the card inputs, the
// badge and the API client in the page. Nothing here is the public API: index.js re-exports what
// is.
//
// The payment frames load frame.js instead (main.js): the same inputs and client, the frame
// runtime, and a wasm built without the validators.
import initWasm from '../payjp_wasm.js';
import { loadOnce } from './core-state.js';

export {
  validateCardNumber,
  validateExpiry,
  validateCvc,
  validateHolderName,
  validateEmail,
  validatePhone,
  formatCardNumber,
  detectBrand,
} from '../payjp_wasm.js';
export { directBackend } from './direct.js';

/** Loads the wasm once; a failed load is forgotten, so calling again retries. */
export const init = loadOnce(initWasm);
