// The token request from field values, shared by the controller frame (isolated mode) and the
// page's SDK in direct mode: the core validates everything once (the card, the holder details,
// and what 3-D Secure needs beside the card) and makes one gated request. What follows a challenge
// is in challenges.js.
import { isObject } from '../shared/dom.js';

/**
 * Creates the token from the raw field values: resolves with the token
 * or `{ error }`, never rejects.
 * @param {object} client the wasm client (`Payjp` of payjp_wasm.js)
 * @param {string[]} values `[number, expiry, cvc, name?]`
 * @param {{ card?: object, three_d_secure?: boolean, tenant?: string }} data as `createToken` takes it
 */
export function tokenFromValues(client, values, data) {
  const tds = isObject(data) && data.three_d_secure === true;
  const card = { ...(isObject(data) && isObject(data.card) ? data.card : {}) };
  // A cardholderName element's name (values[3]) stands in for `data.card.name`.
  if (typeof values[3] === 'string') card.name = values[3];
  const tenant = isObject(data) && typeof data.tenant === 'string' ? data.tenant : undefined;
  return client._createToken(String(values[0] ?? ''), String(values[1] ?? ''), String(values[2] ?? ''), card, tenant, tds);
}

/**
 * Whether the answer refuses the card fields alone (no holder detail at fault): then the SDK
 * focuses the first card field at fault. When the name or a contact is at fault too, the focus
 * is the page's to move: it knows where its own inputs are.
 */
export const onlyCardRefused = (result) => !!result.error?.errors?.every((e) => /number|exp|cvc/.test(e.param));
