// payjp-wasm/react and payjp-wasm/vue in the apps of this folder (a React app in <StrictMode>, on
// React 19 and on React 18; a Vue app; Vite, development builds so StrictMode mounts twice), in
// Chromium and Firefox through
// WebDriver, against the devserver, isolated mode:
// - a buyer pays with a test card, 3-D Secure on, and the merchant's backend charges the token;
// - ten client-side navigations away and back: one set of frames, no listener left behind, and
//   the card still pays (Vue also inside <KeepAlive>: the same element throughout);
// - an option change updates the element in place (same frame, input disabled and enabled);
// - the server's markup (react-dom/server, @vue/server-renderer) holds a placeholder of the
//   element's final height, and hydrates without a mismatch.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { ROOT, controlDevserver, freePort, startDevserver } from '../e2e/harness.mjs';
import { eachBrowser } from '../webdriver.mjs';

const HERE = join(ROOT, 'tests', 'frameworks');
const DIST = join(HERE, 'dist');
const KEY = 'pk_test_0123456789abcdef01234567';
const SECRET = 'sk_test_0123456789abcdef01234567';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
/** Each app: where it is served, its build, its page, and its server renderer. */
const APPS = {
  react: { dist: DIST, page: 'react/index.html', ssr: 'react' },
  react18: { dist: join(HERE, 'dist-react18'), page: 'react/index.html', ssr: 'react18' },
  vue: { dist: DIST, page: 'vue/index.html', ssr: 'vue' },
};
const FRAMEWORKS = Object.keys(APPS);

let server;
let site;
let origin;

/** `npm install` in `dir` when its lock is newer than its install (the committed versions). */
function install(dir) {
  const installed = join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(installed) || statSync(join(dir, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs) {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  }
}

/** Installs the apps' packages and builds the apps: for the browser and for the server. */
export function buildApps() {
  install(HERE);
  install(join(HERE, 'react18'));
  const vite = join(HERE, 'node_modules', '.bin', 'vite');
  for (const REACT of ['19', '18']) {
    const env = { ...process.env, REACT };
    execFileSync(vite, ['build'], { cwd: HERE, stdio: 'inherit', env: { ...env, NODE_ENV: 'development' } });
    for (const [name, entry] of REACT === '18' ? [['react18', 'react/server.jsx']] : [['react', 'react/server.jsx'], ['vue', 'vue/server.js']]) {
      execFileSync(vite, ['build', '--ssr', entry, '--outDir', `dist-ssr/${name}`], { cwd: HERE, stdio: 'inherit', env });
    }
  }
}

/** The built apps on `port`: a route of an app is its page (client-side routes); with `ssr=1`
 * the page holds the server's rendering of that URL; with `noscript=1`, without the app's script; with `narrow=1`, a 20em card box. */
function serveApps(port) {
  const renderers = {};
  const s = createServer(async (req, res) => {
    const url = new URL(req.url, `http://localhost:${port}`);
    // /react18/… is its own build (base /react18/); everything else is dist/.
    const own = url.pathname.startsWith('/react18/');
    const dist = own ? APPS.react18.dist : DIST;
    let file = normalize(join(dist, own ? url.pathname.slice('/react18'.length) : url.pathname));
    const found = file.startsWith(dist) && existsSync(file) && statSync(file).isFile();
    // Any other path of an app is one of its client-side routes: its page.
    const app = !found && FRAMEWORKS.find((f) => url.pathname.startsWith(`/${f}/`));
    if (app) file = join(APPS[app].dist, APPS[app].page);
    else if (!found) return res.writeHead(404).end();
    let body = readFileSync(file);
    if (app) {
      let html = body.toString('utf8');
      if (url.searchParams.get('ssr') === '1') {
        renderers[app] ??= await import(join(HERE, 'dist-ssr', APPS[app].ssr, 'server.js'));
        html = html.replace('<!--app-->', await renderers[app].render(url.href));
      }
      if (url.searchParams.get('noscript') === '1') html = html.replace(/<script type="module"[^>]*><\/script>/g, '');
      // A phone-sized card box, where the combined element's expiry and CVC go under the number.
      if (url.searchParams.get('narrow') === '1') html = html.replace('</head>', '<style>.card-box{width:20em}</style></head>');
      body = html;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((r) => s.listen(port, '127.0.0.1', () => r(s)));
}

before(async () => {
  buildApps();
  const port = await freePort();
  // The apps on localhost: another site than the frames' 127.0.0.1.
  origin = `http://localhost:${port}`;
  site = await serveApps(port);
  server = await startDevserver(['--rate', '100', '--allow-origin', origin]);
});
after(async () => {
  await server?.stop();
  await new Promise((r) => (site ? site.close(r) : r()));
});

/** PAY.JP's server API as the merchant's backend calls it. */
async function api(method, path, form) {
  const r = await fetch(`${server.apiBase}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: form && new URLSearchParams(form).toString(),
  });
  return r.json();
}

eachBrowser((live, s) => {

  const url = (app, query = '') => `${origin}/${app}/?key=${KEY}&frameOrigin=${encodeURIComponent(new URL(server.apiBase).origin)}&${query}`;

  /** Opens the app; resolves when its card element is ready (`ready` heard `n` times). */
  async function open(app, query, n = 1) {
    await s.goto(url(app, query));
    await waitReady(n);
  }
  const waitReady = (n) => s.waitFor((n) => window.__app?.ready >= n && document.querySelector('#card iframe.payjp-frame'), { args: [n], what: `the card element ready (${n})` });

  async function fill() {
    for (const [selector, text] of [['.payjp-number', '4242424242424242'], ['.payjp-expiry', '1230'], ['.payjp-cvc', '123']]) {
      await s.enterFrame('#card iframe.payjp-frame');
      await s.type(await s.waitForElement(selector), text);
      await s.top();
    }
  }

  const result = () => s.waitFor(() => document.getElementById('result')?.textContent || false, { timeout: 30_000, what: 'the result' });

  /** What is in the page: frames, elements, placeholders shown, live listeners. */
  const census = () => s.run(() => ({
    fields: document.querySelectorAll('iframe.payjp-frame').length,
    controllers: document.querySelectorAll('iframe.payjp-controller').length,
    elements: document.querySelectorAll('.payjp-element:not(.payjp-placeholder)').length,
    // Shown: taking room on the screen (display is what counts, not an attribute).
    placeholders: [...document.querySelectorAll('.payjp-placeholder')].filter((p) => p.getClientRects().length > 0).length,
    listeners: window.__listeners(),
  }));

  for (const app of FRAMEWORKS) {
    test(`[${app}] a buyer pays with a test card, 3-D Secure on; the backend charges the token`, async () => {
      await controlDevserver(server, '/__control/reset', {});
      await open(app, 'tds=1');
      await fill();
      await s.click(await s.find('#pay'));
      await s.waitForElement('dialog.payjp-tds');
      await s.enterFrame('dialog.payjp-tds iframe');
      await s.enterFrame('iframe.payjp-tds-frame');
      await s.type(await s.waitForElement('#code'), '123456');
      await s.click(await s.waitForElement('button[value="verified"]'));
      await s.top();
      const text = await result();
      assert.match(text, /^token tok_\w+ verified TARO YAMADA$/, text);
      const charge = await api('POST', '/charges', { card: text.split(' ')[1], amount: '3980', currency: 'jpy' });
      assert.equal(charge.paid, true, JSON.stringify(charge));
      assert.deepEqual(await s.run(() => window.__console), []);
    });

    const variants = [{ how: '', query: '' }, { how: ' (direct mode)', query: 'isolation=none', direct: true }];
    if (app === 'vue') variants.push({ how: ' inside <KeepAlive>', query: 'keepAlive=1', keepAlive: true });
    for (const { how, query, direct, keepAlive } of variants) {
      test(`[${app}] ten navigations away and back${how}: one set of fields, no listener left, and it pays`, async () => {
        await s.goto(url(app, `${query}&apiBase=${encodeURIComponent(server.apiBase)}`));
        const ready = (n) => s.waitFor((n, direct) => window.__app?.ready >= n && document.querySelector(direct ? '#card .payjp-number' : '#card iframe.payjp-frame'), { args: [n, !!direct], what: `the card element ready (${n})` });
        await ready(1);
        const first = await census();
        const expected = { fields: direct ? 0 : 1, controllers: direct ? 0 : 1, elements: 1, placeholders: 0 };
        assert.deepEqual({ ...first, listeners: undefined }, { ...expected, listeners: undefined }, 'StrictMode left one element');
        if (app !== 'vue') assert.match(await s.run(() => window.__app.react), app === 'react18' ? /^18\./ : /^19\./, 'the React it was built with');
        await s.run(() => (window.__app.first = window.__app.element));
        for (let i = 1; i <= 10; i++) {
          await s.click(await s.find('#to-other'));
          await s.waitFor(() => document.getElementById('other') && !document.querySelector('#card'), { what: 'the other page' });
          const away = await census();
          assert.equal(away.fields + away.elements, 0, `no card field left on the other page (${i})`);
          await s.click(await s.find('#to-checkout'));
          // A kept-alive element is the same one, mounted again; otherwise a new one.
          await ready(i + 1);
          const back = await census();
          assert.deepEqual({ ...back, listeners: undefined }, { ...first, listeners: undefined }, `one set of fields after return ${i}`);
          assert.deepEqual(back.listeners, first.listeners, `no listener left behind after return ${i}`);
        }
        if (keepAlive) {
          assert.equal(await s.run(() => window.__app.elements.getElement('card') === window.__app.first), true, 'the same element, kept alive');
        }
        assert.equal(await s.run(() => window.__app.payjpMade), 1, 'one Payjp instance, made once');
        // Isolated, the page loads the package's page side and the binding only: the core and
        // its wasm are the frames' (direct mode loads them here, through init()).
        const core = await s.run(() => performance.getEntriesByType('resource').map((e) => new URL(e.name)).filter((u) => u.origin === location.origin && /\/(core|payjp_wasm_bg)[-.]/.test(u.pathname)).length);
        assert.equal(core > 0, !!direct, direct ? 'direct mode loads the core' : 'no core or wasm loaded by the page');
        for (const [selector, text] of [['.payjp-number', '4242424242424242'], ['.payjp-expiry', '1230'], ['.payjp-cvc', '123']]) {
          if (!direct) await s.enterFrame('#card iframe.payjp-frame');
          await s.type(await s.waitForElement(direct ? `#card ${selector}` : selector), text);
          await s.top();
        }
        await s.click(await s.find('#pay'));
        assert.match(await result(), /^token tok_\w+ /);
        assert.deepEqual(await s.run(() => window.__console), []);
      });
    }

    test(`[${app}] a public key where the Payjp instance belongs: the app's error handler hears what was expected`, async () => {
      await s.goto(url(app, 'misuse=1'));
      const text = await s.waitFor(() => document.getElementById('failure')?.textContent, { what: 'the failure' });
      assert.equal(text, '<Elements>: expected payjp to be a Payjp instance, a promise of one, a function returning one, or null.');
    });

    /** Runs `fn` in the card's frame (isolated) and comes back. */
    async function inCard(fn, ...args) {
      await s.enterFrame('#card iframe.payjp-frame');
      try {
        return await s.waitFor(fn, { args, what: String(fn) });
      } finally {
        await s.top();
      }
    }

    test(`[${app}] option changes update the element in place; the handlers are the latest render's`, async () => {
      await open(app);
      await s.run(() => (document.querySelector('#card iframe.payjp-frame').__tag = 'first'));
      const same = () => s.run(() => document.querySelectorAll('#card iframe.payjp-frame').length === 1 && document.querySelector('#card iframe.payjp-frame').__tag === 'first');
      for (const [disabled, placeholder] of [[true, 'Disabled'], [false, 'Card number']]) {
        await s.click(await s.find('#toggle'));
        await inCard((d, p) => {
          const input = document.querySelector('.payjp-number');
          return input?.disabled === d && input.placeholder === p;
        }, disabled, placeholder);
        assert.equal(await same(), true, 'the same frame');
      }
      // The provider's locale: every element, in place.
      await s.click(await s.find('#locale'));
      await inCard(() => /[\u3040-\u30ff\u4e00-\u9fff]/.test(document.querySelector('.payjp-expiry')?.getAttribute('aria-label') ?? ''));
      await s.click(await s.find('#locale'));
      await inCard(() => /^[\x20-\x7e]+$/.test(document.querySelector('.payjp-expiry')?.getAttribute('aria-label') ?? ''));
      assert.equal(await same(), true, 'the same frame');
      assert.equal(await s.run(() => window.__app.ready), 1, 'not made again');
      // Each change event reaches the handler of the latest render: its count keeps up (a handler
      // of the first render would say 1 each time).
      await fill();
      // (A change event comes when what it reports changes: no longer empty, then complete.)
      await s.waitFor(() => window.__app.changes >= 2, { what: 'two changes' });
      await new Promise((r) => setTimeout(r, 300));
      const counts = await s.run(() => [window.__app.changes, Number(document.getElementById('changes').textContent)]);
      assert.equal(counts[1], counts[0], 'the count the handlers kept');
      // cardholderName is create's alone: the element is made anew, with the name input, and back.
      for (const named of [true, false]) {
        await s.click(await s.find('#name'));
        await inCard((n) => document.querySelector('.payjp-number') && !!document.querySelector('.payjp-name') === n, named);
        const census_ = await census();
        assert.deepEqual([census_.fields, census_.elements, census_.placeholders], [1, 1, 0], `one element (name ${named})`);
      }
    });

    test(`[${app}] the split elements and the holder-name element pay together`, async () => {
      await open(app, 'split=1');
      await s.waitFor(() => document.querySelectorAll('iframe.payjp-frame').length === 4, { what: 'four fields' });
      for (const [frame, selector, text] of [['#card', '.payjp-number', '4242424242424242'], ['#expiry', '.payjp-expiry', '1230'], ['#cvc', '.payjp-cvc', '123'], ['#holder', '.payjp-name', 'HANAKO SATO']]) {
        await s.enterFrame(`${frame} iframe.payjp-frame`);
        await s.type(await s.waitForElement(selector), text);
        await s.top();
      }
      await s.click(await s.find('#pay'));
      assert.match(await result(), /^token tok_\w+ \S+ HANAKO SATO$/);
      assert.equal((await census()).placeholders, 0);
    });

    const sources = ['instance', 'promise', 'late'];
    test(`[${app}] the provider takes an instance (${app === 'vue' ? 'kept in ref()' : 'made in render'}), a promise, or null and later a function`, async () => {
      for (const source of sources) {
        await s.goto(url(app, `source=${source}`));
        await waitReady(1);
        await fill();
        await s.click(await s.find('#pay'));
        assert.match(await result(), /^token tok_\w+ /, source);
        assert.deepEqual(await s.run(() => window.__console), [], source);
      }
    });

    if (app === 'vue') {
      test('[vue] two kept-alive views with a card element each: each shows its own, and the checkout pays', async () => {
        await open(app, 'keepAlive=1');
        for (let i = 0; i < 3; i++) {
          await s.click(await s.find('#to-save'));
          await s.waitFor(() => document.querySelector('#save-card iframe.payjp-frame') && !document.querySelector('#card'), { what: 'the saved card view' });
          assert.deepEqual((await census()).fields, 1, 'only the view shown has a field');
          await s.click(await s.find('#to-checkout'));
          await s.waitFor(() => document.querySelector('#card iframe.payjp-frame') && !document.querySelector('#save-card'), { what: 'the checkout again' });
          assert.deepEqual((await census()).fields, 1, 'only the view shown has a field');
        }
        await fill();
        await s.click(await s.find('#pay'));
        assert.match(await result(), /^token tok_\w+ /);
        assert.deepEqual(await s.run(() => window.__console), []);
      });
    }

    test(`[${app}] the server's markup holds a placeholder of the element's size, wide and narrow, and hydrates without a mismatch`, async () => {
      for (const narrow of ['', 'narrow=1&']) {
        await s.goto(url(app, `${narrow}ssr=1&noscript=1`));
        const server = await s.run(() => {
          const p = document.querySelector('#card .payjp-placeholder');
          return p && { height: p.getBoundingClientRect().height, width: p.getBoundingClientRect().width, scripts: document.querySelectorAll('script[type=module]').length };
        });
        assert.ok(server, 'the placeholder is in the server markup');
        assert.equal(server.scripts, 0);
        await open(app, `${narrow}ssr=1`);
        // The element's height once its frame has reported it.
        await s.waitFor(() => document.querySelector('#card iframe.payjp-frame')?.style.height.endsWith('px'), { what: 'the frame height' });
        const client = await s.run(() => ({
          height: document.querySelector('#card .payjp-frame-host').getBoundingClientRect().height,
          placeholderShown: document.querySelector('#card .payjp-placeholder').getClientRects().length > 0,
          console: window.__console,
        }));
        assert.deepEqual(client.console, [], 'no hydration mismatch or other complaint');
        assert.equal(client.placeholderShown, false);
        assert.ok(Math.abs(client.height - server.height) < 1.5, `${narrow || 'wide: '}placeholder ${server.height}px, element ${client.height}px (${server.width}px wide)`);
      }
    });
  }
});
