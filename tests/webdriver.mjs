// A small W3C WebDriver client, enough to drive Chromium (chromedriver) and Firefox ESR
// (geckodriver) the same way: open pages, run scripts, type into inputs inside cross-origin
// frames, click. Playwright drives only Chromium here (its Firefox needs a patched build), so
// every test that must hold in both browsers goes through this.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe } from 'node:test';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export const BROWSERS = ['chromium', 'firefox'];

/** WebDriver's codes for keys that are not text. */
export const KEYS = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', Space: '\uE00D', Shift: '\uE008', Backspace: '\uE003' };

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

/**
 * One `describe` per browser (every one of BROWSERS, or only $BROWSER), with its driver and one
 * session started before the tests and stopped after them. `body(live, s)` registers the tests;
 * `live.browser` is the browser's name, `live.s` the session once the tests run, and `s` stands
 * for it from the start (each call goes to the session of the moment).
 */
export function eachBrowser(body, sessionOptions) {
  for (const browser of BROWSERS.filter((b) => !process.env.BROWSER || b === process.env.BROWSER)) {
    describe(browser, () => {
      const live = { browser, driver: null, s: null };
      before(async () => {
        live.driver = await startDriver(browser);
        live.s = await live.driver.session(sessionOptions);
      });
      after(async () => {
        await live.s?.close();
        await live.driver?.stop();
      });
      const s = new Proxy({}, {
        get(_, key) {
          const value = live.s[key];
          return typeof value === 'function' ? value.bind(live.s) : value;
        },
      });
      body(live, s);
    });
  }
}

/** Starts the browser's driver; resolves with `{ session(), stop() }`. */
export async function startDriver(browser) {
  const port = await freePort();
  const [bin, args] = browser === 'chromium'
    ? [process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', [`--port=${port}`]]
    // `--allow-system-access`: the chrome context, where `setOffline` takes Firefox offline.
    : [process.env.GECKODRIVER ?? 'geckodriver', ['--host', '127.0.0.1', '--port', String(port), '--allow-system-access']];
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
    /** `forcedColors`: the page sees `(forced-colors: active)` (Firefox: colours forced by its
     * preference; Chromium: the media feature emulated through DevTools). */
    async session({ forcedColors = false } = {}) {
      const caps = structuredClone(capabilities);
      if (forcedColors && browser === 'firefox') caps['moz:firefoxOptions'].prefs['browser.display.document_color_use'] = 2;
      const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: caps } });
      const session = new Session(call, sessionId, browser);
      if (forcedColors && browser === 'chromium') {
        await session.call('POST', '/goog/cdp/execute', { cmd: 'Emulation.setEmulatedMedia', params: { features: [{ name: 'forced-colors', value: 'active' }] } });
      }
      return session;
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

  /** Presses keys as a keyboard would, into whatever has the focus (WebDriver key codes:
   * KEYS.Tab, KEYS.Enter, …, or plain text). */
  async keys(...texts) {
    const actions = [];
    for (const text of texts) {
      for (const key of text) actions.push({ type: 'keyDown', value: key }, { type: 'keyUp', value: key });
    }
    await this.call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /** Presses keys into whatever has the focus, however deep in frames: WebDriver sends key
   * events to the frame it is in, so it follows the focus down first (from the top). */
  async keysToFocus(...texts) {
    await this.top();
    for (let depth = 0; depth < 5; depth++) {
      const active = await this.call('GET', '/element/active').catch(() => null);
      const id = active && (active[ELEMENT] ?? Object.values(active)[0]);
      if (!id || (await this.call('GET', `/element/${id}/name`)).toLowerCase() !== 'iframe') break;
      await this.call('POST', '/frame', { id: { [ELEMENT]: id } });
    }
    await this.keys(...texts);
    await this.top();
  }

  /** A mouse press at `x`, `y` CSS pixels from the top left corner of `element`. */
  async clickAt(element, x, y) {
    const rect = await this.call('GET', `/element/${element}/rect`);
    const origin = { [ELEMENT]: element };
    // WebDriver offsets are from the element's centre.
    await this.call('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', origin, x: Math.round(x - rect.width / 2), y: Math.round(y - rect.height / 2) },
      { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
    ] }] });
    await this.call('DELETE', '/actions');
  }

  rect(element) {
    return this.call('GET', `/element/${element}/rect`);
  }

  /** Sets the window's size (the viewport is a little smaller where the browser has chrome). */
  size(width, height) {
    return this.call('POST', '/window/rect', { width, height });
  }

  /** A PNG of the viewport, as a Buffer. */
  async screenshot() {
    return Buffer.from(await this.call('GET', '/screenshot'), 'base64');
  }

  /** The handles of every open window (tab or popup) of this session. */
  windows() {
    return this.call('GET', '/window/handles');
  }

  window() {
    return this.call('GET', '/window');
  }

  /** Back to the first window, in its top frame: closes every other window a test left open. */
  async mainWindowOnly() {
    const [main, ...rest] = await this.windows();
    for (const w of rest) {
      await this.switchTo(w);
      await this.call('DELETE', '/window').catch(() => {});
    }
    await this.switchTo(main);
    await this.top();
  }

  switchTo(handle) {
    return this.call('POST', '/window', { handle });
  }

  /** Takes the whole browser offline (every frame and window, loopback included), or back.
   * Firefox: its own offline mode, from the chrome context, with the idle connections closed as
   * going offline closes them (loopback ones too, by `network.disable-localhost-when-offline`).
   * Chromium: chromedriver's network emulation, which reaches the page and its same-site frames
   * only: a frame of another site (the payment frames, on 127.0.0.1) has a target of its own;
   * Playwright's `setOffline` reaches those (tests/e2e). */
  async setOffline(offline) {
    if (this.browser === 'firefox') {
      await this.call('POST', '/moz/context', { context: 'chrome' });
      try {
        await this.run((offline) => {
          /* global Services */
          Services.prefs.setBoolPref('network.disable-localhost-when-offline', true);
          Services.io.manageOfflineStatus = false;
          Services.io.offline = offline;
          if (offline) Services.obs.notifyObservers(null, 'net:prune-all-connections');
        }, offline);
      } finally {
        await this.call('POST', '/moz/context', { context: 'content' });
      }
    } else {
      await this.call('POST', '/chromium/network_conditions', { network_conditions: { offline, latency: 0, download_throughput: -1, upload_throughput: -1 } });
    }
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
