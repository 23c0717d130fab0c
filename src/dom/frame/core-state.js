// Whether the wasm core has loaded in this document. A frame renders its inputs before it has (the
// buyer sees the fields sooner); until then nothing is formatted or validated, and `refresh()`
// catches up once it has.
export const core = { loaded: false };
