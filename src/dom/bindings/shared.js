// What the React and Vue bindings (react.js, vue.js) share: how a provider's `payjp` prop becomes
// an instance, which element options `update()` can change in place, and the placeholder an
// element component renders until the SDK has mounted the element (and on the server).
//
// Nothing here touches `window` or `document`: the bindings are imported and rendered on servers.

/** The element types and the components that show them, in the order the docs list them. */
export const COMPONENTS = [
  ['CardElement', 'card'],
  ['CardNumberElement', 'cardNumber'],
  ['CardExpiryElement', 'cardExpiry'],
  ['CardCvcElement', 'cardCvc'],
  ['CardholderNameElement', 'cardholderName'],
];

/** The SDK's element events, and the names the bindings give their handlers (`onLoadError`). */
export const EVENTS = [
  ['change', 'Change'],
  ['ready', 'Ready'],
  ['focus', 'Focus'],
  ['blur', 'Blur'],
  ['loaderror', 'LoadError'],
];

const isInstance = (p) => !!p && typeof p.elements === 'function' && typeof p.createToken === 'function';

/**
 * The provider's `payjp` prop as a promise of an instance (or null): a `Payjp` instance, a promise
 * of one, a function returning either (called on the client only, once: the way to create it
 * lazily where the server must not), or null (not yet). Anything else is the developer's mistake
 * and rejects naming what was expected; so does a function that throws (Payjp() refusing a key).
 */
export function resolvePayjp(value, what) {
  return new Promise((resolve) => resolve(typeof value === 'function' ? value() : value)).then((p) => {
    if (p == null || isInstance(p)) return p ?? null;
    throw new TypeError(`${what}: expected payjp to be a Payjp instance, a promise of one, a function returning one, or null.`);
  });
}

/** The element options without `cardholderName`, which only `create` takes. */
export function updatable(options) {
  const { cardholderName, ...rest } = options ?? {};
  return rest;
}

/**
 * The `update()` that turns the options `before` into `after`, or null when nothing changed.
 * An option taken away goes back to its default where the SDK has one to go back to (a removed
 * `disabled: true` enables the element again).
 */
export function optionsUpdate(before, after) {
  const a = updatable(before);
  const b = updatable(after);
  if (stable(a) === stable(b)) return null;
  const defaults = { disabled: false, hideIcon: false, showError: true, style: {} };
  const out = { ...b };
  for (const key of Object.keys(a)) if (!(key in b) && key in defaults) out[key] = defaults[key];
  return out;
}

/** JSON with sorted keys: options are plain data, and `{ a, b }` equals `{ b, a }`. */
function stable(value) {
  return JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));
}

/**
 * What an element component renders inside its container before the element is mounted, on the
 * server too: a box with the element's classes (so the page's CSS for `.payjp-element` gives it
 * the same padding and border) around the height the element's content will have: one row of
 * 1.5em; 3.6em with the cardholder's name under the card (src/dom/page/frames.js predicts the
 * same). Hidden, not removed, once the element is mounted: the framework keeps owning it.
 */
export function placeholder(type, options) {
  const rows = type === 'card' && options?.cardholderName ? 2 : 1;
  return {
    className: `payjp-element payjp-placeholder payjp-type-${type}`,
    height: `${rows * 2.1 - 0.6}em`,
  };
}
