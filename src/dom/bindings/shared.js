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

/**
 * Element options as plain data to compare and keep: without `cardholderName` (only `create`
 * takes it) and without keys whose value is undefined, in a stable key order, as JSON. A
 * component keeps the JSON of the options its element has, so options mutated in place (a Vue
 * `reactive`, say) are still seen to change.
 */
export function optionsKey(options) {
  const { cardholderName, ...rest } = options ?? {};
  return JSON.stringify(rest, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));
}

/**
 * The `update()` that turns the options with key `before` (optionsKey) into `after`, or null when
 * nothing changed. An option taken away (or set to undefined) goes back to its default where the
 * SDK has one to go back to: `disabled`, `hideIcon`, `showError`, `style`. A `placeholder` or
 * `label` taken away keeps its last value (update() has no "the default" to send).
 */
export function optionsUpdate(before, after) {
  const key = optionsKey(after);
  if (key === before) return null;
  const [a, b] = [JSON.parse(before), JSON.parse(key)];
  const defaults = { disabled: false, hideIcon: false, showError: true, style: {} };
  for (const k of Object.keys(a)) if (!(k in b) && k in defaults) b[k] = defaults[k];
  return b;
}

/**
 * What an element component renders inside its container before the element is mounted, on the
 * server too, so that nothing moves when the element arrives: a box with the element's classes
 * (the page's CSS for `.payjp-element` gives it the element's padding and border), around a row
 * of the element's fields as empty boxes, 1.5em tall, that wrap as the fields do (src/dom/frame/
 * view.js): the combined element's expiry and CVC go under the number when it is narrow, and the
 * holder's name under all. Hidden (display: none), not removed, once the element is mounted: the
 * framework keeps owning it. `row` is the style of the row, `boxes` the flex of each field.
 */
export function placeholder(type, options) {
  const icon = (type === 'card' || type === 'cardNumber') && !options?.hideIcon ? ['0 0 32px'] : [];
  const fields = { card: ['99 1 11em', '1 0 5.2em', '1 0 3.6em'], cardNumber: ['99 1 11em'] }[type] ?? ['1 1 auto'];
  const name = type === 'card' && options?.cardholderName ? ['1 1 100%'] : [];
  return {
    className: `payjp-element payjp-placeholder payjp-type-${type}`,
    row: { display: 'flex', flexWrap: 'wrap', gap: '.6em' },
    boxes: [...icon, ...fields, ...name].map((flex) => ({ flex, height: '1.5em' })),
  };
}
