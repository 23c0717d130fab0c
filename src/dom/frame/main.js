// frame.js: everything that touches card data in the payment origin's frames. www/frame.html (and
// tds.html) load it, with its wasm (frame_bg.wasm: the core built without the standalone
// validators, which no frame calls).
//
// frame.html holds no comments: every frame downloads it. Its root carries data-payjp-frame, so
// this module starts there: it reads its mode (a field element, the hidden controller, the badge
// or a 3-D Secure challenge) from the URL fragment the merchant page's SDK wrote, checks who embeds
// it, and renders (start.js). The page preloads the wasm while this module loads, so the core is
// ready sooner. Anywhere else, importing does nothing.
import initWasm from '../payjp_wasm.js';
import { loadOnce } from './core-state.js';
import { startFrame as start } from './start.js';

const init = loadOnce(initWasm);

/** Runs the frame page. */
export function startFrame() {
  return start(window, init);
}

// One module, no import chain, so the fields are ready sooner.
if (typeof document !== 'undefined' && document.documentElement?.hasAttribute('data-payjp-frame')) startFrame();
