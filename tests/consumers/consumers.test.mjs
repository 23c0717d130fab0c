// The package as its three kinds of consumers meet it, each tokenizing a test card in headless
// Chromium against the devserver:
// - a Vite 7 app that imports 'payjp-wasm' (installed from pkg/) and is built with `vite build`;
// - a page with no bundler, importing the ./web entry with <script type="module">;
// - a payjp.js v2 integration, unmodified except for its script tag, on the drop-in payjp.js.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { ROOT, launchBrowser, newPage, startDevserver } from '../e2e/harness.mjs';

const HERE = join(ROOT, 'tests', 'consumers');
const PKG = join(ROOT, 'pkg');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

let server;
let browser;
const statics = [];

before(async () => {
  server = await startDevserver(['--allow-origin', 'http://127.0.0.1:*', '--rate', '50']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  for (const s of statics) s.close();
});

/** Serves `routes` ([url prefix, folder]) on a free loopback port; `template` rewrites HTML. */
async function serveStatic(routes, template = (html) => html) {
  const s = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const route = routes.find(([prefix]) => path.startsWith(prefix));
    const file = route && normalize(join(route[1], path.slice(route[0].length)));
    if (!file || !file.startsWith(route[1]) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    let body = readFileSync(file);
    if (extname(file) === '.html') body = template(body.toString('utf8'));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  statics.push(s);
  return `http://127.0.0.1:${s.address().port}`;
}

/** Types a Visa test card into the card element (direct mode) and reads the answer. */
async function pay(page, { card = '#card', button = '#pay', out = '#out' } = {}) {
  await page.locator(`${card} .payjp-number`).click();
  await page.keyboard.type('4242424242424242');
  await page.keyboard.type('1230');
  await page.keyboard.type('123');
  await page.click(button);
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.trim() !== '', out, { timeout: 20_000 });
  return page.locator(out).textContent();
}

test('a Vite 7 app imports the package, builds, and tokenizes a test card', async () => {
  const dir = join(HERE, 'vite');
  const lock = join(dir, 'package-lock.json');
  const installed = join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
    // `npm install` with the committed lock (the same versions), not `npm ci`: the registry
    // mirror here lists only Rollup's Linux binaries, so the lock cannot name the other
    // platforms' optional packages, and `npm ci` refuses a lock with such gaps.
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  }
  execFileSync(join(dir, 'node_modules', '.bin', 'vite'), ['build'], { cwd: dir, stdio: 'inherit' });
  const origin = await serveStatic([['/', join(dir, 'dist')]]);
  const { page, errors } = await newPage(browser);
  await page.goto(`${origin}/?apiBase=${encodeURIComponent(server.apiBase)}`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('body', 'data-valid'), 'true', 'the validators work in the bundle');
  assert.match(await pay(page), /^token tok_[0-9a-z]+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page with no bundler imports the ./web entry and tokenizes a test card', async () => {
  const origin = await serveStatic([['/node_modules/payjp-wasm/', PKG], ['/', join(HERE, 'web')]]);
  const { page, errors } = await newPage(browser);
  await page.goto(`${origin}/?apiBase=${encodeURIComponent(server.apiBase)}`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await pay(page), /^token tok_[0-9a-z]+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a payjp.js v2 integration runs on the drop-in script with only the script tag swapped', async () => {
  // Loaded from the payment origin, as payjp.js is from PAY.JP's: that origin serves the frames.
  const paymentOrigin = server.apiBase.replace(/\/v1$/, '');
  const tag = `<script src="${paymentOrigin}/pkg/payjp.js" data-api-base="${server.apiBase}"></script>`;
  const origin = await serveStatic([['/', join(HERE, 'dropin')]], (html) => html.replace('{{SCRIPT_TAG}}', tag));
  const { page, errors } = await newPage(browser);
  await page.goto(`${origin}/`);
  // The snippet ran synchronously against window.Payjp; each field is a frame of the payment origin.
  const field = (form, cls) => page.locator(`${form} iframe.payjp-frame`).contentFrame().locator(cls);
  await field('#number-form', '.payjp-number').click();
  await page.keyboard.type('4242424242424242');
  await field('#expiry-form', '.payjp-expiry').click();
  await page.keyboard.type('1230');
  await field('#cvc-form', '.payjp-cvc').click();
  await page.keyboard.type('123');
  assert.equal(await page.locator('input').count(), 0, 'no card input lives in the merchant page');
  await page.click('button');
  await page.waitForFunction(() => document.querySelector('#token').textContent.trim() !== '', null, { timeout: 20_000 });
  assert.match(await page.locator('#token').textContent(), /^tok_[0-9a-z]+$/);
  // A secret key still throws at once, with stray spaces around it too.
  for (const key of ['sk_test_0123456789abcdef01234567', ' sk_test_0123456789abcdef01234567\n']) {
    const thrown = await page.evaluate((k) => {
      try {
        Payjp(k);
        return 'nothing';
      } catch (e) {
        return e.message;
      }
    }, key);
    assert.match(thrown, /Secret keys must never be used in a browser/);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
