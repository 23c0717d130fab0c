// A small W3C WebDriver client, enough to drive Chromium (chromedriver) and Firefox ESR
// (geckodriver) the same way: open pages, run scripts, type into inputs inside cross-origin
// frames, click. Playwright drives only Chromium here (its Firefox needs a patched build), so
// every test that must hold in both browsers goes through this.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export const BROWSERS = ['chromium', 'firefox'];

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1280,900',
];

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the browser's driver; resolves with `{ session(), stop() }`. */
export async function startDriver(browser) {
  const port = await freePort();
  const [bin, args] = browser === 'chromium'
    ? [process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', [`--port=${port}`]]
    : [process.env.GECKODRIVER ?? 'geckodriver', ['--host', '127.0.0.1', '--port', String(port)]];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (c) => (log += c));
  child.stderr.on('data', (c) => (log += c));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      const status = await call('GET', '/status');
      if (status.ready !== false) break;
    } catch (e) {
      if (i > 150) throw new Error(`${bin} did not start: ${e.message}\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const capabilities = browser === 'chromium'
    ? { browserName: 'chrome', 'goog:chromeOptions': { binary: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS } }
    : { browserName: 'firefox', 'moz:firefoxOptions': { args: ['-headless'], prefs: { 'dom.disable_open_during_load': false, 'devtools.jsonview.enabled': false } } };
  return {
    async session() {
      const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
      return new Session(call, sessionId, browser);
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One browser session. Element handles are WebDriver references, valid in the current frame. */
class Session {
  constructor(call, id, browser) {
    this.call = (method, path, body) => call(method, `/session/${id}${path}`, body);
    this.browser = browser;
  }

  async close() {
    await this.call('DELETE', '').catch(() => {});
  }

  goto(url) {
    return this.call('POST', '/url', { url });
  }

  /** Runs `fn` (a function, or its body as a string) in the current frame with `args`. */
  run(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments)` : fn;
    return this.call('POST', '/execute/sync', { script, args });
  }

  /** Polls `fn` in the current frame until it returns something truthy; resolves with that. */
  async waitFor(fn, { timeout = 20_000, what = 'the condition', args = [] } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      let value;
      try {
        value = await this.run(fn, ...args);
      } catch (e) {
        // A page that is navigating has no script context for a moment.
        if (!/no such window|javascript error|unexpected alert|script timeout|no such frame/i.test(e.message) && !/navigat/i.test(e.message)) throw e;
      }
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`${this.browser}: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async find(selector) {
    const found = await this.call('POST', '/element', { using: 'css selector', value: selector });
    return found[ELEMENT] ?? Object.values(found)[0];
  }

  /** Waits until `selector` matches in the current frame, then returns it. */
  async waitForElement(selector, timeout = 20_000) {
    await this.waitFor((s) => !!document.querySelector(s), { timeout, what: selector, args: [selector] });
    return this.find(selector);
  }

  click(element) {
    return this.call('POST', `/element/${element}/click`, {});
  }

  type(element, text) {
    return this.call('POST', `/element/${element}/value`, { text });
  }

  /** Enters the iframe that `selector` matches in the current frame. */
  async enterFrame(selector) {
    const frame = await this.waitForElement(selector);
    await this.call('POST', '/frame', { id: { [ELEMENT]: frame } });
  }

  top() {
    return this.call('POST', '/frame', { id: null });
  }

  /** The handles of every open window (tab or popup) of this session. */
  windows() {
    return this.call('GET', '/window/handles');
  }

  window() {
    return this.call('GET', '/window');
  }

  switchTo(handle) {
    return this.call('POST', '/window', { handle });
  }

  /** Waits for a window other than `known` to open, and switches to it. */
  async switchToNewWindow(known, timeout = 20_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const fresh = (await this.windows()).find((h) => !known.includes(h));
      if (fresh) return this.switchTo(fresh);
      if (Date.now() > deadline) throw new Error(`${this.browser}: no new window opened`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
