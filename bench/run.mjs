// make bench: payjp-wasm beside its peers, in one run, in the same headless Chromium, against the
// devserver. Prints a markdown table and writes bench/results.json (git-ignored).
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchBrowser, ROOT, startDevserver } from '../tests/e2e/harness.mjs';

const COLD_LOADS = 30;
const KEYSTROKES = 1000;
const TOKENS = 30;

const gz = (file) => gzipSync(readFileSync(join(ROOT, file)), { level: 9 }).length;

// --- bytes -------------------------------------------------------------------------------------
mkdirSync(join(ROOT, 'bench/dist'), { recursive: true });
const bundle = (entry, out) => build({
  entryPoints: [join(ROOT, 'bench/pages', entry)], outfile: join(ROOT, 'bench/dist', out), bundle: true, minify: true,
  format: 'iife', platform: 'browser', logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' },
});
await bundle('peers-entry.js', 'peers.js');
await bundle('braintree-entry.js', 'braintree.js');
const bytes = {
  ours: gz('pkg/payjp_wasm_bg.wasm') + gz('pkg/index.js'),
  // Isolated: the page's download, plus the frame page and the same package again from the
  // payment origin (another origin: browsers do not share the cache between them).
  oursIsolated: 2 * (gz('pkg/payjp_wasm_bg.wasm') + gz('pkg/index.js')) + gz('www/frame.html') + gz('www/frame.js') + gz('www/frame.css'),
  cardValidatorCleave: gz('bench/dist/peers.js'),
  braintree: gz('bench/dist/braintree.js'),
};

// --- a static server for the bench pages and the package --------------------------------------
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const pages = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const allowed = ['/pkg/', '/bench/dist/', '/bench/pages/'].some((p) => path.startsWith(p));
  try {
    if (!allowed) throw new Error('not served');
    const body = readFileSync(join(ROOT, path));
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => pages.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${pages.address().port}`;

const server = await startDevserver(['--rate', '1000', '--allow-origin', 'http://127.0.0.1:*']);
const browser = await launchBrowser();
const q = `?apiBase=${encodeURIComponent(server.apiBase)}`;

function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}

async function coldLoads(page, count, extra = '') {
  const samples = [];
  for (let i = 0; i < count; i += 1) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${origin}/bench/pages/${page}${q}${extra}`);
    await p.waitForFunction(() => typeof window.readyAt === 'number');
    samples.push(await p.evaluate(() => window.readyAt));
    await context.close();
  }
  return percentiles(samples);
}

try {
  const frameOrigin = server.apiBase.replace(/\/v1$/, '');
  const ready = {
    direct: await coldLoads('ready.html', COLD_LOADS),
    isolated: await coldLoads('ready.html', COLD_LOADS, `&frameOrigin=${encodeURIComponent(frameOrigin)}`),
    floor: await coldLoads('floor.html', COLD_LOADS),
  };
  const page = await browser.newPage();
  await page.goto(`${origin}/bench/pages/bench.html${q}`);
  await page.waitForSelector('body[data-ready="true"]');
  const validation = await page.evaluate(() => window.bench.validation());
  const keys = await page.evaluate((n) => window.bench.keystrokes(n), KEYSTROKES);
  const tokens = await page.evaluate((n) => window.bench.createTokenOverhead(n), TOKENS);
  const results = {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), os: `${platform()} ${release()}`, node: process.version, chromium: browser.version() },
    bytes, ready, validation, keystrokes: keys, createToken: tokens,
  };
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const ms = (x) => `${x.toFixed(2)} ms`;
  const kb = (n) => `${n.toLocaleString('en')} B`;
  const overhead = tokens.sdk.p50 - tokens.raw.p50;
  console.log(`
| figure | ours | peers in the same run | budget |
|---|---|---|---|
| bytes for card fields, gzip -9 | direct ${kb(bytes.ours)}; isolated ${kb(bytes.oursIsolated)} (page + frame page) | card-validator + cleave.js ${kb(bytes.cardValidatorCleave)}; braintree-web client + hosted-fields ${kb(bytes.braintree)} (its frames load more from Braintree) | 35,000 B |
| navigation start → fields ready, ${COLD_LOADS} cold loads | direct p50 ${ms(ready.direct.p50)}, p95 ${ms(ready.direct.p95)}; isolated p50 ${ms(ready.isolated.p50)}, p95 ${ms(ready.isolated.p95)} | plain form, no SDK: p50 ${ms(ready.floor.p50)}, p95 ${ms(ready.floor.p95)} | ≤ 50 ms p50 direct, ≤ 150 ms isolated |
| keystroke → formatted DOM, ${KEYSTROKES} keystrokes | p50 ${ms(keys.ours.p50)}, p95 ${ms(keys.ours.p95)} | cleave.js p50 ${ms(keys.cleave.p50)}, p95 ${ms(keys.cleave.p95)} | ≤ 2 ms p95 |
| validateCardNumber calls/s, mixed inputs | ${Math.round(validation.ours).toLocaleString('en')} | card-validator number(): ${Math.round(validation.cardValidator).toLocaleString('en')} (ours is ${(validation.ours / validation.cardValidator).toFixed(2)}×) | ≥ 5× |
| createToken over a raw fetch, p50 of ${TOKENS} | ${ms(overhead)} (createToken ${ms(tokens.sdk.p50)}, fetch ${ms(tokens.raw.p50)}) | | ≤ 2 ms |

Machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.os}; ${results.machine.chromium}. Written to bench/results.json.`);
} finally {
  await browser.close();
  await server.stop();
  pages.close();
}
