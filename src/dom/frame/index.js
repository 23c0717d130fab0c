// core.js: the WebAssembly core and everything that touches card data. It runs inside the
// payment origin's frames (www/frame.html loads it and it starts) and, only in direct mode or for the
// standalone validators, in the merchant's page, where the package entry (index.js) loads it
// lazily from `init()`. Nothing here is the public API: index.js re-exports what is.
//
// www/frame.html, the frame page the payment origin serves, holds no comments: every frame
// downloads it. Its root carries data-payjp-frame, so this module starts there: it reads its mode
// (a field element, the hidden controller or the badge) from the URL fragment the merchant page's
// SDK wrote, checks who embeds it, and renders (start.js). The page preloads the wasm while this
// module loads, so the core is ready sooner.
import initWasm from '../payjp_wasm.js';
import { core } from './core-state.js';
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
  loading ??= initWasm(input).then(
    (exports) => {
      core.loaded = true;
      return exports;
    },
    (error) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Runs www/frame.html, the page isolated elements load from the payment origin. */
export function startFrame() {
  return start(window, init);
}

// The frame page marks its root element; loading this module there is all it takes to start (one
// module, no import chain, so the fields are ready sooner). Anywhere else, importing does nothing.
if (typeof document !== 'undefined' && document.documentElement?.hasAttribute('data-payjp-frame')) startFrame();
