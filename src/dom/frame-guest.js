// Isolated mode, the frame's side (www/frame.html on the payment origin). A frame runs in one of
// two modes, named in its URL fragment:
// - `field`: renders one element's inputs (the same ElementView as direct mode), formats and
//   validates them, and tells the page only what a change event may carry (brand, complete,
//   empty, error code and message). Its values go only to the controller, over a private port.
// - `controller`: hidden; gathers the values of the group's field frames and makes the token.
//
// A frame only accepts the parent origin its URL names (the server's frame-ancestors policy is
// the real guard against other embedders), only from `window.parent`, only with the nonce in
// its URL, and only once. After that, it listens on the MessagePort it was given and nowhere else.
import { Payjp as createClient } from './payjp_wasm.js';
import { ElementView, SharedBrand, TYPES } from './view.js';
import { checkRules } from './style.js';

const isObject = (v) => typeof v === 'object' && v !== null;
const COLLECT_TIMEOUT_MS = 10_000;

/** The error of a field as it may leave the frame: code and message, never the value. */
const publicError = (e) => (e ? { type: 'validation_error', code: e.code, message: e.message } : null);

/** Options as the page sent them, checked again here: the frame trusts nothing it receives. */
function frameOptions(raw) {
  const out = { placeholders: [] };
  if (!isObject(raw)) return out;
  if (Array.isArray(raw.placeholders)) {
    raw.placeholders.slice(0, 3).forEach((p, i) => {
      if (typeof p === 'string') out.placeholders[i] = p.slice(0, 100);
    });
  }
  for (const key of ['disabled', 'hideIcon']) if (typeof raw[key] === 'boolean') out[key] = raw[key];
  if (raw.rules !== undefined) out.rules = checkRules(raw.rules);
  return out;
}

/**
 * Starts the frame page: checks where it is, announces itself to the parent once `init` has
 * loaded the core, and waits for the parent's port.
 * @param {Window} window
 * @param {() => Promise<unknown>} init
 */
export async function startFrame(window, init) {
  const document = window.document;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const parentOrigin = params.get('origin');
  const nonce = params.get('nonce');
  const mode = params.get('mode');
  const type = params.get('type');
  const lang = params.get('locale') === 'en' ? 'en' : 'ja';
  document.documentElement.lang = lang;
  const ancestors = window.location.ancestorOrigins;
  const embedded = window.parent !== window && (!ancestors || ancestors[0] === parentOrigin);
  const known = mode === 'controller' || (mode === 'field' && Object.hasOwn(TYPES, type));
  if (!embedded || !known || !parentOrigin || !nonce || nonce.length < 16) {
    document.body.dataset.refused = 'true';
    return;
  }
  let connected = false;
  const onMessage = (event) => {
    const d = event.data;
    if (connected || event.source !== window.parent || event.origin !== parentOrigin) return;
    if (!isObject(d) || d.payjp !== 'connect' || d.nonce !== nonce || !(event.ports[0] instanceof MessagePort)) return;
    connected = true;
    window.removeEventListener('message', onMessage);
    if (mode === 'field') runField(document, type, lang, event.ports[0], d);
    else runController(lang, event.ports[0], d);
  };
  window.addEventListener('message', onMessage);
  // Hello at once (the page takes a silent, loaded frame for a failed one), ready once the core
  // is loaded.
  window.parent.postMessage({ payjp: 'hello', nonce }, parentOrigin);
  await init();
  window.parent.postMessage({ payjp: 'ready', nonce }, parentOrigin);
}

function runField(document, type, lang, port, connect) {
  const shared = new SharedBrand();
  let controller = null;
  const post = (message) => port.postMessage(message);
  const view = new ElementView(document, type, lang, shared, frameOptions(connect.options), (event, summary) => {
    if (event === 'change') post({ t: 'change', summary: { complete: summary.complete, empty: summary.empty, brand: summary.brand, error: publicError(summary.error) } });
    else post({ t: event });
  });
  // The live region stays for screen readers inside the frame; the page shows the text.
  view.errorRegion.classList.add('payjp-sr');
  document.body.append(view.root, view.errorRegion);
  // Enter submits the merchant's form, as it would in an input of the page itself.
  view.root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      post({ t: 'enter' });
    }
  });
  const height = () => post({ t: 'height', px: document.body.getBoundingClientRect().height });
  new ResizeObserver(height).observe(document.body);

  port.onmessage = (event) => {
    const d = event.data;
    if (!isObject(d)) return;
    switch (d.t) {
      case 'focus': view.focus(); break;
      case 'blur': view.blur(); break;
      case 'clear': view.clear(); break;
      case 'update':
        try {
          view.applyOptions(frameOptions(d.options));
        } catch {
          // Checked by the page already; anything that fails here was not sent by our SDK.
        }
        break;
      case 'brand':
        if (typeof d.brand === 'string' && d.brand !== shared.brand) {
          shared.brand = d.brand;
          view.render(true);
        }
        break;
      case 'link':
        if (event.ports[0] instanceof MessagePort && !controller) {
          controller = event.ports[0];
          controller.onmessage = (e) => onControllerMessage(e.data);
        }
        break;
    }
  };

  function onControllerMessage(d) {
    if (!isObject(d)) return;
    if (d.t === 'focus') view.focus();
    if (d.t === 'collect' && Number.isInteger(d.id)) {
      const error = view.validateForSubmit();
      const values = {};
      if (!error) view.valuesInto(values);
      controller.postMessage({ t: 'values', id: d.id, error: publicError(error), values: error ? null : values });
    }
  }
  // The height first, so the page has sized the frame by the time `ready` fires.
  height();
  post({ t: 'ready' });
}

function runController(lang, port, connect) {
  const config = isObject(connect.config) ? connect.config : {};
  let client = null;
  try {
    client = createClient(config.publicKey, { apiBase: config.apiBase, locale: lang, timeout: config.timeout });
  } catch {
    // The page made the same client first and would have thrown; nothing valid was sent.
  }
  const fields = new Map();
  const waiting = new Map();
  let nextId = 1;

  function collect(fieldPort) {
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
      fieldPort.postMessage({ t: 'collect', id });
    });
  }

  async function tokenize(options) {
    const missing = { error: { type: 'client_error', code: 'frame_load_failed', message: lang === 'en' ? 'The card fields are not ready. Reload the page and try again.' : 'カード入力欄の準備ができていません。ページを再読み込みしてもう一度お試しください。', status: null, param: null, apiMessage: null } };
    const order = fields.has('card') ? ['card'] : ['cardNumber', 'cardExpiry', 'cardCvc'];
    if (!client || order.some((t) => !fields.has(t))) return missing;
    const replies = await Promise.all(order.map((t) => collect(fields.get(t))));
    if (replies.some((r) => !r)) return missing;
    const invalid = replies.findIndex((r) => r.error);
    if (invalid >= 0) {
      fields.get(order[invalid]).postMessage({ t: 'focus' });
      return { error: replies[invalid].error };
    }
    const values = Object.assign({}, ...replies.map((r) => r.values));
    const card = isObject(options) && isObject(options.card) ? options.card : {};
    const holder = ['name', 'email', 'phone'].map((k) => (typeof card[k] === 'string' ? card[k] : undefined));
    return client._createToken(String(values[0] ?? ''), String(values[1] ?? ''), String(values[2] ?? ''), ...holder, options?.three_d_secure === true);
  }

  port.onmessage = async (event) => {
    const d = event.data;
    if (!isObject(d)) return;
    if (d.t === 'field' && Object.hasOwn(TYPES, d.type) && event.ports[0] instanceof MessagePort) {
      const fieldPort = event.ports[0];
      fields.set(d.type, fieldPort);
      fieldPort.onmessage = (e) => {
        const r = e.data;
        if (isObject(r) && r.t === 'values' && waiting.has(r.id)) {
          const resolve = waiting.get(r.id);
          waiting.delete(r.id);
          resolve({ error: isObject(r.error) ? r.error : null, values: isObject(r.values) ? r.values : {} });
        }
      };
    } else if (d.t === 'token' && Number.isInteger(d.id)) {
      port.postMessage({ t: 'token', id: d.id, result: await tokenize(d.options) });
    }
  };
}
