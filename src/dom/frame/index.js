// core.js: the WebAssembly core and everything that touches card data. It runs inside the
// payment origin's frames (www/frame.js calls `startFrame`) and, only in direct mode or for the
// standalone validators, in the merchant's page, where the package entry (index.js) loads it
// lazily from `init()`. Nothing here is the public API: index.js re-exports what is.
import initWasm from '../payjp_wasm.js';
import { startFrame as start } from './start.js';

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

let loading;
/** Loads the wasm once; a failed load is forgotten, so calling again retries. */
export function init(input) {
  loading ??= initWasm(input).catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Runs www/frame.html, the page isolated elements load from the payment origin. */
export function startFrame() {
  return start(window, init);
}
