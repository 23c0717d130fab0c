// The token request from field values, shared by the controller frame (isolated mode) and the
// page's SDK in direct mode: the holder checks 3-D Secure needs, then the core's one validated,
// gated request. What follows a challenge is in challenges.js.
import { validateEmail, validateHolderName, validatePhone } from '../payjp_wasm.js';
import { isObject } from '../shared/dom.js';

const TEXT = {
  ja: {
    contact: '本人認証（3Dセキュア）には、メールアドレスまたは電話番号が必要です。',
    name: '本人認証（3Dセキュア）には、カード名義（ローマ字）が必要です。',
  },
  en: {
    contact: 'Card verification (3-D Secure) needs an e-mail address or a phone number.',
    name: 'Card verification (3-D Secure) needs the name on the card, in romaji.',
  },
};

/** `[name, email, phone]` from `data.card`, strings or undefined. */
function holderOf(data) {
  const card = isObject(data) && isObject(data.card) ? data.card : {};
  return ['name', 'email', 'phone'].map((k) => (typeof card[k] === 'string' ? card[k] : undefined));
}

/** 3-D Secure needs the name (PAY.JP's 2-45 half-width rule) and an e-mail or a phone. */
function threeDSecureHolderProblem([name, email, phone], lang) {
  const present = (v) => typeof v === 'string' && v.trim() !== '';
  const refuse = (code, which) => ({ error: { type: 'validation_error', code, message: TEXT[lang][which] } });
  if (!present(name)) return refuse('invalid_card_name', 'name');
  const checks = [validateHolderName(name, lang)];
  if (!present(email) && !present(phone)) return refuse('three_d_secure_contact_required', 'contact');
  if (present(email)) checks.push(validateEmail(email, lang));
  if (present(phone)) checks.push(validatePhone(phone, lang));
  const bad = checks.find((c) => !c.isValid);
  return bad ? { error: { type: 'validation_error', ...bad.error } } : null;
}

/**
 * Creates the token from the raw field values `[number, expiry, cvc]`: resolves with the token
 * or `{ error }`, never rejects.
 * @param {object} client the wasm client (`Payjp` of payjp_wasm.js)
 * @param {string[]} values
 * @param {{ card?: object, three_d_secure?: boolean, tenant?: string }} data as `createToken` takes it
 * @param {'ja'|'en'} lang
 */
export function tokenFromValues(client, values, data, lang) {
  const tds = isObject(data) && data.three_d_secure === true;
  const problem = tds && threeDSecureHolderProblem(holderOf(data), lang);
  if (problem) return Promise.resolve(problem);
  const card = isObject(data) && isObject(data.card) ? data.card : {};
  const tenant = isObject(data) && typeof data.tenant === 'string' ? data.tenant : undefined;
  return client._createToken(String(values[0] ?? ''), String(values[1] ?? ''), String(values[2] ?? ''), card, tenant, tds);
}

