// Runs the in-page suites of tests/browser/ in one real browser and prints a line per test:
//   node tests/browser/run.mjs chromium   (Debian's Chromium through playwright-core)
//   node tests/browser/run.mjs firefox    (Firefox ESR through geckodriver, WebDriver over HTTP)
// It serves the test pages and the built package (pkg/) on a loopback port it picks, starts the
// devserver as the payment origin of isolated mode (its frame page and token API), and stops
// everything when it is done. Exits 1 when any test fails.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT, launchBrowser, startDevserver } from '../e2e/harness.mjs';

const SUITES = ['elements.html', 'v2.html', 'legacy.html', 'challenges.html'];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
// URL prefix → folder. /src/dom/payjp_wasm.js maps to the built glue so a source module can be
// imported on its own.
const ROUTES = [
  ['/src/dom/payjp_wasm.js', 'target/pkg-build/src/payjp_wasm.js'],
  ['/pkg/', 'pkg/'],
  ['/src/dom/', 'src/dom/'],
  ['/', 'tests/browser/'],
];

function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, dir] = ROUTES.find(([p]) => path.startsWith(p));
    const file = normalize(join(ROOT, dir, path.slice(prefix.length)));
    if (!file.startsWith(ROOT) || file.includes('..')) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function inChromium(url) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.__done === true, null, { timeout: 120_000 });
    return { results: await page.evaluate(() => window.__results), errors };
  } finally {
    await browser.close();
  }
}

/** A minimal WebDriver client: enough to open a page and read a global. */
async function inFirefox(url) {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const driver = spawn(process.env.GECKODRIVER ?? 'geckodriver', ['--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  driver.stdout.on('data', (c) => (log += c));
  driver.stderr.on('data', (c) => (log += c));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  };
  try {
    for (let i = 0; ; i++) {
      try {
        await call('GET', '/status');
        break;
      } catch (e) {
        if (i > 100) throw new Error(`geckodriver did not start: ${e.message}\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const session = await call('POST', '/session', {
      capabilities: { alwaysMatch: { 'moz:firefoxOptions': { args: ['-headless'] } } },
    });
    const id = session.sessionId;
    try {
      await call('POST', `/session/${id}/url`, { url });
      const deadline = Date.now() + 120_000;
      for (;;) {
        const results = await call('POST', `/session/${id}/execute/sync`, { script: 'return window.__done === true ? window.__results : null', args: [] });
        if (results) return { results, errors: [] };
        if (Date.now() > deadline) throw new Error('the suite did not finish within 120 s');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await call('DELETE', `/session/${id}`).catch(() => {});
    }
  } finally {
    driver.kill('SIGTERM');
  }
}

const browser = process.argv[2];
const run = { chromium: inChromium, firefox: inFirefox }[browser];
if (!run) {
  console.error('usage: node tests/browser/run.mjs chromium|firefox');
  process.exit(2);
}
const server = await serve();
const devserver = await startDevserver(['--allow-origin', 'http://127.0.0.1:*']);
const frameOrigin = devserver.apiBase.replace(/\/v1$/, '');
let failed = 0;
let passed = 0;
try {
  for (const suite of SUITES) {
    const query = new URLSearchParams({ frameOrigin, apiBase: devserver.apiBase });
    const { results, errors } = await run(`http://127.0.0.1:${server.address().port}/${suite}?${query}`);
    for (const r of results) {
      if (r.ok) passed++;
      else failed++;
      console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${browser} ${suite}: ${r.name}${r.ok ? '' : `\n     ${r.error.replace(/\n/g, '\n     ')}`}`);
    }
    for (const e of errors) console.log(`note: uncaught in the page: ${e}`);
  }
} finally {
  server.close();
  await devserver.stop();
}
console.log(`${browser}: ${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
