// Loaded before the app (a classic script): counts the event listeners alive on window, document
// and nodes in the page, and keeps what the page says on console.error and console.warn (React and
// Vue report hydration mismatches there), for frameworks.test.mjs to read.
(() => {
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const live = new Map();
  const capture = (options) => (typeof options === 'boolean' ? options : !!options?.capture);
  const drop = (target, type, listener, options) => {
    const list = live.get(target);
    const i = list ? list.findIndex((e) => e.type === type && e.listener === listener && e.capture === capture(options)) : -1;
    if (i >= 0) list.splice(i, 1);
  };
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener) {
      const list = live.get(this) ?? [];
      if (!list.some((e) => e.type === type && e.listener === listener && e.capture === capture(options))) {
        list.push({ type, listener, capture: capture(options) });
      }
      live.set(this, list);
      // Listeners that remove themselves: after their event, or when their signal aborts.
      if (options?.once) add.call(this, type, () => drop(this, type, listener, options), { once: true });
      options?.signal?.addEventListener('abort', () => drop(this, type, listener, options));
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    drop(this, type, listener, options);
    return remove.call(this, type, listener, options);
  };
  /** `{ total, window, document, nodes }`: listeners on what is in the page now. */
  window.__listeners = () => {
    const n = { total: 0, window: 0, document: 0, nodes: 0 };
    for (const [target, list] of live) {
      const where = target === window ? 'window' : target === document ? 'document' : target instanceof Node && target.isConnected ? 'nodes' : null;
      if (!where || !list.length) continue;
      n[where] += list.length;
      n.total += list.length;
    }
    return n;
  };
  window.__console = [];
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = (...args) => {
      window.__console.push(`${level}: ${args.map(String).join(' ')}`);
      original.apply(console, args);
    };
  }
  // What the apps count: elements made (`created`), `ready` events, changes.
  window.__app = { ready: 0, changes: 0 };
})();
