// DOM helpers both sides of the trust boundary use (the merchant page's host and the payment
// origin's frames): attributes, unique ids, constructed stylesheets. Bundled into each side's
// module separately; nothing here holds state that the two sides would need to share.

export const isObject = (v) => typeof v === 'object' && v !== null;

/** The fields of each element type: 0 number, 1 expiry, 2 CVC, 3 the cardholder's name. */
export const NUMBER = 0;
export const EXPIRY = 1;
export const CVC = 2;
export const NAME = 3;
export const TYPES = { card: [NUMBER, EXPIRY, CVC], cardNumber: [NUMBER], cardExpiry: [EXPIRY], cardCvc: [CVC], cardholderName: [NAME] };

/** Sets several attributes. */
export function attrs(el, pairs) {
  for (const [k, v] of Object.entries(pairs)) el.setAttribute(k, v);
  return el;
}

// The page's host and the direct-mode fields are separate bundles in one document: a random
// stem per bundle keeps their ids apart.
const stem = Math.random().toString(36).slice(2, 7);
let nextId = 1;
/** A document-wide unique id. */
export const uniqueId = (prefix) => `${prefix}${stem}${nextId++}`;

/**
 * Adds `css` to the document: a constructed stylesheet it adopts, or, where there are none
 * (Safari before 16.4), an empty <style> element filled through the CSSOM. Neither is style text
 * a strict CSP would block. Returns what `unadopt` removes.
 */
export function adopt(document, css) {
  if (!('adoptedStyleSheets' in document)) {
    const style = document.createElement('style');
    document.head.append(style);
    for (const rule of css.split(/(?<=\})/)) {
      try {
        if (rule.trim()) style.sheet.insertRule(rule, style.sheet.cssRules.length);
      } catch {
        // A selector this browser does not know (:-webkit-autofill in Firefox) drops only itself.
      }
    }
    return style;
  }
  const sheet = new document.defaultView.CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}

/** Removes a sheet added by `adopt`. */
export function unadopt(document, sheet) {
  if (sheet.remove) return sheet.remove();
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
}

const installed = new WeakMap();

/** Installs a shared stylesheet (`name` keys it) once per document. */
export function ensureSheet(document, name, css) {
  let names = installed.get(document);
  if (!names) installed.set(document, (names = new Set()));
  if (!names.has(name)) {
    adopt(document, css);
    names.add(name);
  }
}

/** 16 random bytes as hex: nonces and ids the page cannot guess. */
export function randomId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * `load(attempt)` shared while it is under way or has succeeded; after a failure the next call
 * tries again with the next attempt number. (A browser remembers a module URL that failed and
 * fails every later import of it at once, so each attempt should ask for another URL.)
 */
export function retrying(load) {
  let tries = 0;
  let pending = null;
  return () =>
    (pending ??= load(tries).catch((e) => {
      tries += 1;
      pending = null;
      throw e;
    }));
}
