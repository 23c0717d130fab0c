// The controller frame: hidden, one per Payjp instance, on the payment origin. It holds the wasm
// API client, gathers the values of its instance's field frames over the channels they opened
// with it inside the payment origin (rendezvous.js), and makes the token and every other API call.
// The page asks over its own port and gets back results only: tokens (brand and last four digits,
// as PAY.JP returns them) and `{ error }`.
import { Payjp as createClient, _error as sdkError, _suggestEmail } from '../payjp_wasm.js';
import { TYPES, isObject } from '../shared/dom.js';
import { allowedApiBases, defaultApiBase } from './api-bases.js';
import { TAG, isLive, listenToSiblings, tellSiblings } from './rendezvous.js';
import { challengeBook } from './challenges.js';
import { onlyCardRefused, tokenFromValues } from './token.js';

const COLLECT_TIMEOUT_MS = 10_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ window: Window, lang: 'ja'|'en', instance: string }} frame
 * @param {MessagePort} page
 * @param {unknown} raw `{ publicKey, apiBase, timeout }` from the page
 */
export function runController(frame, page, raw) {
  const { window, lang, instance } = frame;
  const config = isObject(raw) ? raw : {};
  const allowed = allowedApiBases(window);
  // Without one from the page: what this frame page names first, else PAY.JP's.
  const apiBase = typeof config.apiBase === 'string' ? config.apiBase.trim().replace(/\/+$/, '') : defaultApiBase(window);
  if (!allowed.includes(apiBase)) {
    page.postMessage({ t: 'refused', apiBase, allowed });
    page.onmessage = (e) => isObject(e.data) && Number.isInteger(e.data.id) && page.postMessage({ t: 'result', id: e.data.id, result: sdkError('frame_load_failed', lang) });
    return;
  }
  // The page made the same client first and would have thrown on anything invalid.
  const client = createClient(config.publicKey, { apiBase, locale: lang, timeout: config.timeout });

  /** `${group} ${type}` → every field window that claimed the slot, with its channel. */
  const slots = new Map();
  const brands = new Map();
  const waiting = new Map();
  let nextId = 1;

  function claim(group, type, source) {
    const key = `${group} ${type}`;
    const claims = (slots.get(key) ?? []).filter((c) => isLive(c.window) && c.window !== source);
    const channel = new MessageChannel();
    const claimant = { window: source, port: channel.port1, type };
    claims.push(claimant);
    slots.set(key, claims);
    channel.port1.onmessage = (e) => {
      const r = e.data;
      if (!isObject(r)) return;
      if (r.t === 'values' && waiting.has(r.id)) {
        const resolve = waiting.get(r.id);
        waiting.delete(r.id);
        resolve(r.refused ? { refused: true } : { error: isObject(r.error) ? r.error : null, values: isObject(r.values) ? r.values : {} });
      } else if (r.t === 'brand' && typeof r.brand === 'string') {
        brands.set(group, r.brand);
        for (const c of slots.get(`${group} cardCvc`) ?? []) c.port.postMessage({ t: 'brand', brand: r.brand });
      }
    };
    tellSiblings(window, { kind: 'bind', instance, key: config.publicKey, api: apiBase }, source, [channel.port2]);
    if (type === 'cardCvc' && brands.has(group)) channel.port1.postMessage({ t: 'brand', brand: brands.get(group) });
  }

  // 3-D Secure: the challenge frame (a sibling) says its issuer frame came back; a popup this
  // page opened says it came back (tds-return.html, on this origin, whose opener is our page).
  // The merchant page is never asked how a challenge ended.
  const tds = challengeBook({
    client, publicKey: config.publicKey, apiBase,
    storage: () => window.sessionStorage,
    launcher: new URL('tds-return.html', window.location.href).href,
  });
  window.addEventListener('message', (event) => {
    const d = event.data;
    if (event.origin !== window.location.origin || !isObject(d) || d.tag !== TAG || d.kind !== 'tds-return') return;
    try {
      if (event.source.opener === window.parent) tds.returned(null, 'subwindow');
    } catch {
      // Not a window we can ask.
    }
  });

  listenToSiblings(window, (d, source) => {
    if (d.instance !== instance) return;
    if (d.kind === 'tds-return') return tds.returned(String(d.challenge));
    if (d.kind !== 'field') return;
    if (typeof d.group !== 'string' || !Object.hasOwn(TYPES, d.type)) return;
    // Only fields made for this key and API base (a page could re-point a controller at them).
    if (d.key !== config.publicKey || d.api !== apiBase) return;
    claim(d.group, d.type, source);
  });
  tellSiblings(window, { kind: 'controller', instance });
  const announced = performance.now();

  /** The one live field of a slot; 'tampered' when more than one claims it, null when none. */
  function fieldOf(group, type) {
    const live = (slots.get(`${group} ${type}`) ?? []).filter((c) => isLive(c.window));
    return live.length > 1 ? 'tampered' : live[0] ?? null;
  }

  function collect(field) {
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(null);
      }, COLLECT_TIMEOUT_MS);
      waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      field.port.postMessage({ t: 'collect', id });
    });
  }

  async function tokenize(group, options) {
    // Field frames join a controller that has just started (the page removed the last one) in
    // a moment: wait up to 2 s for them.
    for (let i = 0; i < 20 && !fieldOf(group, 'card') && !fieldOf(group, 'cardNumber'); i++) await sleep(100);
    // Every frame already loaded answers the announcement below at once: a controller that has
    // just started gives them 300 ms, so that a second claim on a slot (a page's own genuine
    // field) is in before it looks. A margin, not a proof: a page that floods the buyer's field
    // with messages can delay its claim past it (then only the page's own field is collected).
    await sleep(Math.min(300, announced + 300 - performance.now()));
    const combined = fieldOf(group, 'card');
    const split = ['cardNumber', 'cardExpiry', 'cardCvc'].map((t) => fieldOf(group, t));
    // A group is one combined element or three split ones, never both.
    const fields = combined && split.every((f) => f === null) ? [combined] : combined ? ['tampered'] : split;
    // The group's cardholderName element, if it has one: its name goes with the card.
    const name = fieldOf(group, 'cardholderName');
    if (name) fields.push(name);
    if (fields.includes('tampered')) return client._error('frame_tampered');
    if (fields.includes(null)) return client._error('frame_load_failed');
    const replies = await Promise.all(fields.map(collect));
    if (replies.some((r) => r?.refused)) return client._error('frame_tampered');
    if (replies.includes(null)) return client._error('frame_load_failed');
    // The core checks the card and the holder's details together: every problem in one answer,
    // each with its `param`, by which the page marks its own inputs.
    const values = Object.assign({}, ...replies.map((r) => r.values));
    const result = await tokenFromValues(client, [values[0], values[1], values[2], values[3]], options);
    if (onlyCardRefused(result)) fields.find((f, i) => replies[i].error)?.port.postMessage({ t: 'focus' });
    return result;
  }

  const calls = {
    token: (d) => tokenize(String(d.group), d.options),
    availability: (d) => client.retrieveAvailability({ tenant: typeof d.tenant === 'string' ? d.tenant : undefined }),
    connection: () => client.checkConnection(),
    suggestEmail: (d) => ({ suggestion: _suggestEmail(String(d.address)) }),
    tdsStart: (d) => tds.start(d),
    tdsWait: (d) => tds.wait(d),
    tdsCancel: (d) => tds.cancel(d),
    tdsReturn: (d) => tds.redirected(d),
  };
  page.onmessage = async (event) => {
    const d = event.data;
    if (!isObject(d) || !Number.isInteger(d.id) || !Object.hasOwn(calls, d.t)) return;
    page.postMessage({ t: 'result', id: d.id, result: await calls[d.t](d) });
  };
  page.postMessage({ t: 'ready', apiBase });
}
