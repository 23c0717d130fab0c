// Whether the wasm core has loaded in this document. A frame renders its inputs before it has (the
// buyer sees the fields sooner); until then nothing is formatted or validated, and `refresh()`
// catches up once it has.
export const core = { loaded: false };

/**
 * `init(input)` for a build of the wasm glue (the page's core or the frames'): loads once, marks
 * `core.loaded`; a failed load is forgotten, so calling again retries.
 */
export function loadOnce(initWasm) {
  let loading;
  return (input) =>
    (loading ??= initWasm(input).then(
      (exports) => {
        core.loaded = true;
        return exports;
      },
      (error) => {
        loading = undefined;
        throw error;
      },
    ));
}
