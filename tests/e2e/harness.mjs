// End-to-end harness: starts the devserver on free loopback ports and a headless Chromium
// (Debian's, driven by playwright-core), and stops both when the test file finishes.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  // Without these Chromium tries to reach the internet and is refused, over and over.
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A free loopback port. */
export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The devserver as the WebDriver suites use it: the demo merchant on `localhost` (another site
 * than the frames' 127.0.0.1), allowed to call the API, with a rate limit tests do not meet. */
export async function startCheckoutDevserver(args = []) {
  const port = await freePort();
  const merchant = `http://localhost:${port}`;
  return startDevserver(['--rate', '100', '--merchant-addr', `127.0.0.1:${port}`, '--allow-origin', merchant, ...args]);
}

/** Starts target/release/devserver with `args` on port 0 and resolves with the URLs it prints. */
export async function startDevserver(args = []) {
  const bin = join(ROOT, 'target', 'release', 'devserver');
  const child = spawn(bin, ['--payment-addr', '127.0.0.1:0', '--merchant-addr', '127.0.0.1:0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const urls = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`devserver did not start:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk;
      const payment = /payment API at (http:\/\/\S+?)\s/.exec(output);
      const merchant = /merchant demo at (http:\/\/\S+?)\/?\s/.exec(output);
      const issuer = /3-D Secure issuer at (http:\/\/\S+?)\s/.exec(output);
      if (payment && merchant && issuer) {
        clearTimeout(timer);
        resolve({ apiBase: payment[1], merchant: merchant[1], issuer: issuer[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => reject(new Error(`devserver exited with ${code}:\n${output}`)));
  });
  return {
    ...urls,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A page that records console messages, page errors and Content-Security-Policy violations
 * (`cspViolations()` reads the ones reported by `securitypolicyviolation`), for assertions.
 */
export async function newPage(browser) {
  const page = await browser.newPage();
  const console = [];
  const errors = [];
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const cspViolations = () => page.evaluate(() => window.__cspViolations ?? []);
  return { page, console, errors, cspViolations };
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * A third origin for attack tests: serves `pages` ({ '/path': html }) on a free loopback port,
 * with no CSP of its own. Resolves with its origin and `stop()`.
 */
export async function startThirdOrigin(pages) {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    if (body === undefined) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((r) => server.close(r)),
  };
}

/** Calls the devserver's control endpoints (`/__control/…`): GET without a body, else a JSON POST. */
export async function controlDevserver(server, path, body) {
  const origin = server.apiBase.replace(/\/v1$/, '');
  const r = await fetch(`${origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return r.json();
}
