// Loads core.js (the WebAssembly core) into the merchant's page on demand: for the standalone
// validators and direct mode only. Isolated elements never need it.

/**
 * @param {() => Promise<object>} importCore imports core.js (each entry knows where it is)
 * @returns {{ init: (input?: object) => Promise<unknown>, core: () => object | null }}
 */
export function coreLoader(importCore) {
  let core = null;
  let loading;
  return {
    /** Loads once; a failed load (offline, say) is forgotten, so calling again retries. */
    init(input) {
      loading ??= importCore()
        .then(async (module) => {
          const exports = await module.init(input);
          core = module;
          return exports;
        })
        .catch((error) => {
          loading = undefined;
          throw error;
        });
      return loading;
    },
    core: () => core,
  };
}

/** A validator of the core, callable once `init()` has resolved. */
export function validator(loader, name) {
  return function (...args) {
    const core = loader.core();
    if (!core) throw new Error(`${name}: the WebAssembly core is not loaded yet; await init() first.`);
    return core[name](...args);
  };
}
