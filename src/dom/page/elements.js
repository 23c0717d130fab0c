// `payjp.elements()`, `elements.create(type, options)` and the element handles merchants mount,
// listen to and pass to `createToken`. The same API in both modes: a group's `view` factory makes
// a FrameView (isolated: the inputs are a frame of the payment origin) or the core's ElementView
// (direct: the inputs are in this page). Misuse throws a TypeError or Error naming what was
// expected; nothing here ever sees a token request's answer or logs a value.
import { NAME, TYPES, isObject } from '../shared/dom.js';
import { parseStyle } from '../shared/style.js';
import { langOf } from './locale.js';

const EVENTS = ['change', 'ready', 'focus', 'blur', 'loaderror'];
const TYPE_LIST = "'card', 'cardNumber', 'cardExpiry', 'cardCvc' or 'cardholderName'";

/** Element → its private state; `createToken` reads it. Not reachable from outside the SDK. */
export const internals = new WeakMap();

/** Resolves a mount target: a CSS selector in `document`, or an Element. */
export function mountTarget(document, target, what) {
  if (typeof target === 'string') {
    let el;
    try {
      el = document.querySelector(target);
    } catch {
      throw new TypeError(`${what}: '${target}' is not a valid CSS selector.`);
    }
    if (!el) throw new Error(`${what}: no element matches the selector '${target}'.`);
    return el;
  }
  if (target instanceof (target?.ownerDocument?.defaultView?.Element ?? Element)) return target;
  throw new TypeError(`${what}: expected a CSS selector string or an HTMLElement.`);
}

/**
 * Checks `{ style, placeholder, disabled, hideIcon, showError, label }`; unknown or unsafe values
 * throw. `label` names the element for assistive technology (by default, the text of the page's
 * `<label for>` its container).
 * `showError: false` leaves the error line under the field to the merchant (payjp.js v2 draws
 * none; its samples show `change` errors themselves).
 */
function parseOptions(type, options, what) {
  const out = { placeholders: [] };
  if (options === undefined || options === null) return out;
  if (!isObject(options)) throw new TypeError(`${what}: expected options to be an object such as { style, placeholder, disabled, hideIcon, showError, label }.`);
  const { placeholder, style } = options;
  if (typeof placeholder === 'string') {
    out.placeholders[TYPES[type].length === 1 ? TYPES[type][0] : 0] = placeholder;
  } else if (isObject(placeholder)) {
    ['number', 'expiry', 'cvc', 'name'].forEach((key, kind) => {
      if (typeof placeholder[key] === 'string') out.placeholders[kind] = placeholder[key];
    });
  } else if (placeholder !== undefined) {
    throw new TypeError(`${what}: expected placeholder to be a string (or { number, expiry, cvc } for 'card').`);
  }
  for (const key of ['disabled', 'hideIcon', 'showError', 'cardholderName', 'label']) {
    const v = options[key];
    const kind = key === 'label' ? 'string' : 'boolean';
    if (typeof v === kind) out[key] = v;
    else if (v !== undefined) throw new TypeError(`${what}: expected ${key} to be a ${kind}.`);
  }
  // The combined element with the cardholder's name as a fourth input, fixed at create.
  if (out.cardholderName !== undefined && (type !== 'card' || what !== 'create')) throw new TypeError(`${what}: cardholderName is an option of create('card') only.`);
  if (style !== undefined) out.rules = parseStyle(style);
  return out;
}

/** What `payjp.elements()` returns: a group whose split elements make one card together. */
export class Elements {
  #group;

  /**
   * @param {{ payjp: object, lang: 'ja'|'en', document: () => Document,
   *   view: (document: Document, type: string, group: object, options: object, emit: Function) => object }} context
   *   `view` makes what an element renders; the mode's backend adds what its views need.
   */
  constructor(context) {
    this.#group = { ...context, members: [] };
  }

  /**
   * `create(type, options?)`: type is 'card', 'cardNumber', 'cardExpiry' or 'cardCvc'. An element
   * of the group that shares a field with it and is not mounted (a page re-rendered after
   * `unmount()`, say) is replaced; a mounted one is a clash and throws.
   */
  create(type, options) {
    if (!Object.hasOwn(TYPES, type)) {
      throw new TypeError(`elements.create: unknown element type '${String(type)}'; expected ${TYPE_LIST}.`);
    }
    const group = this.#group;
    const parsed = parseOptions(type, options, 'create');
    const kinds = parsed.cardholderName ? [...TYPES[type], NAME] : TYPES[type];
    const overlapping = group.members.filter((m) => m.kinds.some((k) => kinds.includes(k)));
    if (overlapping.some((m) => m.container)) {
      throw new Error(`elements.create: this elements() group already has a mounted '${type}' field; unmount or destroy it first, or use another group.`);
    }
    for (const m of overlapping) m.element.destroy();
    return new PayjpElement(group, type, parsed, kinds);
  }

  /** `getElement(type)`: the live element of that type in this group, or null. */
  getElement(type) {
    return this.#group.members.find((m) => m.type === type)?.element ?? null;
  }

  /** `update({ locale })`: every element of the group, now and later, in that language. */
  update(options) {
    if (!isObject(options)) throw new TypeError('elements.update: expected options to be an object such as { locale }.');
    if (options.locale === undefined) return;
    const group = this.#group;
    group.lang = langOf(options.locale, 'elements.update');
    for (const m of group.members) m.view.applyOptions({ locale: group.lang });
  }
}

/** Container → the element state mounted in it: a second mount into it replaces the first. */
const mountedIn = new WeakMap();

/** A card element. Mount it, listen to it, pass it to `payjp.createToken`. */
export class PayjpElement {
  #s;

  constructor(group, type, options, kinds) {
    const s = (this.#s = { group, type, kinds, element: this, handlers: [], container: null, destroyed: false, labels: [], named: options.label !== undefined });
    const emit = (event, detail) => {
      if (event === 'frameready') return s.dispatch('ready', { elementType: type });
      s.dispatch(event, { elementType: type, ...detail });
      if (event === 'change') group.onChange?.(s);
    };
    s.view = group.view(group.document(), type, group, options, emit);
    s.dispatch = (event, detail) => {
      for (const [e, handler] of [...s.handlers]) {
        if (e !== event) continue;
        // A merchant handler that throws must not break the element.
        try {
          handler(detail);
        } catch (err) {
          queueMicrotask(() => {
            throw err;
          });
        }
      }
    };
    group.members.push(s);
    internals.set(this, s);
  }

  /**
   * `mount(target)`: a CSS selector or an HTMLElement. Mounting again where it already is does
   * nothing; an element of this SDK already in the target (a page that set itself up twice) is
   * unmounted first, so one set of fields shows.
   */
  mount(target) {
    const s = this.#s;
    if (s.destroyed) throw new Error(`mount: this ${s.type} element was destroyed; create a new one.`);
    const document = s.view.document;
    const container = mountTarget(document, target, 'mount');
    if (s.container === container) return;
    if (s.container) throw new Error(`mount: this ${s.type} element is already mounted elsewhere; call unmount() first.`);
    const previous = mountedIn.get(container);
    if (previous?.container === container) previous.element.unmount();
    mountedIn.set(container, s);
    container.append(s.view.root, s.view.errorRegion);
    // Clicking a <label for="…"> that names the container focuses the field, and its text names
    // the element (unless the `label` option does).
    const labels = container.id ? document.querySelectorAll(`label[for="${CSS.escape(container.id)}"]`) : [];
    for (const label of labels) {
      const onClick = () => s.view.focus();
      label.addEventListener('click', onClick);
      s.labels.push(() => label.removeEventListener('click', onClick));
    }
    if (labels[0] && !s.named) s.view.applyOptions({ label: labels[0].textContent.trim() });
    s.container = container;
    if (s.view.open) {
      // Isolated: `ready` fires when the frame has connected and rendered.
      s.view.open();
    } else {
      // `ready` fires after the current task, so handlers attached right after mount() hear it.
      setTimeout(() => s.container && s.dispatch('ready', { elementType: s.type }));
    }
  }

  /** `unmount()`: removes the element from the page; it can be mounted again. */
  unmount() {
    const s = this.#s;
    s.view.remove();
    for (const off of s.labels.splice(0)) off();
    s.container = null;
  }

  /** `destroy()`: unmounts, removes handlers and styles, and lets the group forget the element;
   * it cannot be used again. */
  destroy() {
    const s = this.#s;
    this.unmount();
    s.handlers = [];
    s.view.teardown();
    s.destroyed = true;
    const members = s.group.members;
    if (members.includes(s)) members.splice(members.indexOf(s), 1);
  }

  focus() {
    this.#s.view.focus();
  }

  blur() {
    this.#s.view.blur();
  }

  clear() {
    this.#s.view.clear();
  }

  /** `update(options)`: placeholder, disabled, hideIcon, showError, label, style. */
  update(options) {
    const parsed = parseOptions(this.#s.type, options, 'update');
    this.#s.named ||= parsed.label !== undefined;
    this.#s.view.applyOptions(parsed);
  }

  /** `on(event, handler)`: 'change', 'ready', 'focus', 'blur' or 'loaderror' (isolated mode). */
  on(event, handler) {
    if (!EVENTS.includes(event)) throw new TypeError(`on: unknown event '${String(event)}'; expected 'change', 'ready', 'focus', 'blur' or 'loaderror'.`);
    if (typeof handler !== 'function') throw new TypeError('on: expected the handler to be a function.');
    this.#s.handlers.push([event, handler]);
    return this;
  }

  /** `off(event, handler?)`: removes one handler, or every handler of the event. */
  off(event, handler) {
    this.#s.handlers = this.#s.handlers.filter(([e, h]) => !(e === event && (handler === undefined || h === handler)));
    return this;
  }

  /** payjp.js v2's names for `on` and `off`. */
  addEventListener(event, handler) {
    return this.on(event, handler);
  }

  removeEventListener(event, handler) {
    return this.off(event, handler);
  }
}

/**
 * The views whose fields make up a card for the element with state `s`: its own for 'card',
 * else the mounted split siblings of its group. Throws naming what is missing.
 */
export function cardViews(s) {
  if (s.type === 'cardholderName') throw new TypeError('createToken: expected the card element; its cardholderName element goes with it.');
  if (s.type === 'card') return [s.view];
  return ['cardNumber', 'cardExpiry', 'cardCvc'].map((type) => {
    const m = s.group.members.find((m) => m.type === type && m.container);
    if (!m) {
      throw new Error(`createToken: split elements need cardNumber, cardExpiry and cardCvc mounted from one elements() group; '${type}' is missing.`);
    }
    return m.view;
  });
}
