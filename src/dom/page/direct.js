// Direct mode (`isolation: 'none'`) from the merchant page's side: its own checks, and its backend
// from the core (src/dom/frame/direct.js), which runs the inputs, the badge and the API client in
// this page. Only the module entry (index.js) carries this: the drop-in (classic.js) refuses
// `isolation: 'none'` before any of it could run.
import { cardViews } from './elements.js';

/** `createPayjp`'s `direct`, with `core` the loaded core module or null (before `init()`). */
export function directMode(core) {
  return {
    /** Direct mode has no frame origin to come back through: its redirect workflow needs a name
     * that points at the merchant's own page. */
    checkRedirect(workflow, back) {
      if (workflow === 'redirect' && back === undefined) {
        throw new TypeError("Payjp: the redirect workflow in direct mode needs options.threeDSecureRedirect, a registered redirect name for your page.");
      }
    },
    backend(config) {
      if (!core) {
        throw new Error("Payjp: isolation: 'none' runs the card fields in this page, which needs the WebAssembly core: await init() before calling Payjp().");
      }
      return core.directBackend(config, cardViews);
    },
  };
}
