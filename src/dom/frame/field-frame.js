// A field frame: one element's inputs on the payment origin. What the buyer types stays here until
// the controller of this frame's instance asks for it over the channel the two opened inside the
// payment origin (rendezvous.js). The page hears only what a change event may carry.
import { isObject } from '../shared/dom.js';
import { checkRules } from '../shared/style.js';
import { defaultApiBase } from './api-bases.js';
import { isLive, listenToSiblings, tellSiblings } from './rendezvous.js';
import { followHeight } from './start.js';
import { ElementView, SharedBrand, loadFonts } from './view.js';

/** The error of a field as it may leave the frame: code and message, never the value. */
const publicError = (e) => (e ? { type: 'validation_error', code: e.code, detail: e.detail, message: e.message } : null);

/** Options as the page sent them, checked again here: the frame trusts nothing it receives. */
function frameOptions(raw) {
  const out = { placeholders: [] };
  if (!isObject(raw)) return out;
  if (raw.locale === 'ja' || raw.locale === 'en') out.locale = raw.locale;
  if (Array.isArray(raw.placeholders)) {
    raw.placeholders.slice(0, 4).forEach((p, i) => {
      if (typeof p === 'string') out.placeholders[i] = p.slice(0, 100);
    });
  }
  for (const key of ['disabled', 'hideIcon']) if (typeof raw[key] === 'boolean') out[key] = raw[key];
  if (typeof raw.label === 'string') out.label = raw.label.slice(0, 100);
  if (raw.cardholderName === true) out.cardholderName = true;
  if (raw.rules !== undefined) out.rules = checkRules(raw.rules);
  return out;
}

/**
 * Renders the field and joins its controller; returns the handler of the page's messages.
 * @param {{ window: Window, document: Document, type: string, lang: 'ja'|'en', instance: string,
 *   group: string }} frame
 * @param {(message: object) => void} toPage what the page hears: UI traffic only
 * @param {unknown} options
 * @param {Promise<unknown>} loaded the core's loading
 */
export function runField(frame, toPage, options, loaded) {
  const { window, document, type, lang, instance, group, key } = frame;
  // What the buyer types here may be tokenized only with the key and API base this document was
  // made for: a page that re-points a controller (navigates it in place, or replaces it) with a
  // key of its own gets no values.
  const api = frame.api.replace(/\/+$/, '') || defaultApiBase(window);
  const me = { kind: 'field', instance, group, type, key, api };
  const shared = new SharedBrand();
  // Every controller window that bound this field, with its channel. Values go to one only while
  // it is the only live one.
  const binders = new Map();
  const toControllers = (message) => {
    for (const port of binders.values()) port.postMessage(message);
  };

  // Web fonts load into this document; the frame page's CSP lets it fetch only its own origin's
  // fonts and data: URLs, whatever the page asked for.
  loadFonts(document, options?.fonts);
  const view = new ElementView(document, type, lang, shared, frameOptions(options), (event, summary) => {
    if (event !== 'change') return toPage({ t: event });
    toPage({ t: 'change', summary: { complete: summary.complete, empty: summary.empty, brand: summary.brand, error: publicError(summary.error) } });
    if (view.field(0)) toControllers({ t: 'brand', brand: summary.brand });
  });
  // The live region stays for screen readers inside the frame; the page shows the text.
  view.errorRegion.classList.add('payjp-sr');
  document.body.append(view.root, view.errorRegion);
  // Enter submits the merchant's form, as it would in an input of the page itself.
  view.root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      toPage({ t: 'enter' });
    }
  });

  function onPage(d) {
    if (d.t === 'focus') view.focus();
    else if (d.t === 'blur') view.blur();
    else if (d.t === 'clear') view.clear();
    else if (d.t === 'update') {
      try {
        view.applyOptions(frameOptions(d.options));
      } catch {
        // Checked by the page already; anything that fails here was not sent by our SDK.
      }
    }
  }

  async function onController(d, port) {
    // Values are only ever read through the core.
    await loaded;
    if (d.t === 'focus') view.focus();
    else if (d.t === 'brand' && typeof d.brand === 'string' && !view.field(0) && d.brand !== shared.brand) {
      shared.brand = d.brand;
      view.render(true);
    } else if (d.t === 'collect' && Number.isInteger(d.id)) {
      // A second live controller of this instance means the page is tampering: answer no one.
      if ([...binders.keys()].filter(isLive).length !== 1) return port.postMessage({ t: 'values', id: d.id, refused: true });
      // Shows the field's errors as on submit. The values go even when they are not valid: the
      // controller (of this origin) checks the card and the holder's details together, so one
      // submit names every problem; nothing is sent to the API unless all is valid.
      const error = view.validateForSubmit();
      const values = {};
      view.valuesInto(values);
      port.postMessage({ t: 'values', id: d.id, error: publicError(error), values });
    }
  }

  listenToSiblings(window, (d, source, ports) => {
    if (d.instance !== instance) return;
    if (d.kind === 'controller') {
      // A controller started after this field: introduce ourselves to it.
      tellSiblings(window, me, source);
    } else if (d.kind === 'bind' && ports[0] instanceof MessagePort && d.key === key && d.api === api) {
      // The same window again is that controller reloaded: its old channel is gone. Windows that
      // are gone can claim nothing.
      binders.get(source)?.close();
      for (const w of binders.keys()) if (!isLive(w)) binders.delete(w);
      const port = ports[0];
      binders.set(source, port);
      port.onmessage = (e) => binders.get(source) === port && isObject(e.data) && onController(e.data, port);
      if (view.field(0)) port.postMessage({ t: 'brand', brand: shared.brand });
    }
  });
  tellSiblings(window, me);

  // The height follows after the first layout (the frame's default height is one line).
  followHeight(document, toPage);
  // Rendered before the core has loaded: catch up once it has, or tell the page it never will.
  loaded.then(() => view.refresh(), () => toPage({ t: 'failed' }));
  return onPage;
}
