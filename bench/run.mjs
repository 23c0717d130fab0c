// make bench: payjp-wasm beside its peers, in one run, in the same headless Chromium, against the
// devserver. Prints a markdown table and writes bench/results.json (git-ignored).
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchBrowser, ROOT, startDevserver } from '../tests/e2e/harness.mjs';
import { BOUNDS, CYCLES, PAYMENTS, measureResources, resourcesTable } from './resources.mjs';

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
const frameBytes = gz('www/frame.html') + gz('pkg/frame.js') + gz('pkg/frame_bg.wasm');
const bytes = {
  // Direct mode: the page loads the host, the core and the wasm.
  direct: gz('pkg/index.js') + gz('pkg/core.js') + gz('pkg/payjp_wasm_bg.wasm'),
  // Isolated: the merchant page loads only the host (or the drop-in); each frame page loads the
  // frame core (frame.js and its wasm) from the payment origin (cached across the frames of one page).
  isolatedPage: gz('pkg/index.js'),
  isolatedPageDropIn: gz('pkg/payjp.js'),
  isolatedFrame: frameBytes,
  cardValidatorCleave: gz('bench/dist/peers.js'),
  // What Braintree's merchant page loads: braintree-web's client and hosted-fields modules.
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
// The pages are served as `localhost` and the payment origin is `127.0.0.1`: two sites, as a
// merchant and its payment provider are, so that the browser runs the frames in a process of their
// own (same-site frames would share the page's main thread).
const origin = `http://localhost:${pages.address().port}`;

const server = await startDevserver(['--rate', '1000', '--allow-origin', 'http://localhost:*']);
const browser = await launchBrowser();
const q = `?apiBase=${encodeURIComponent(server.apiBase)}`;

function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}

/** One cold load (a new browser context) of a bench page: milliseconds until it set readyAt. */
async function coldLoad(page, extra = '') {
  const context = await browser.newContext();
  try {
    const p = await context.newPage();
    await p.goto(`${origin}/bench/pages/${page}${q}${extra}`);
    await p.waitForFunction(() => typeof window.readyAt === 'number');
    return await p.evaluate(() => window.readyAt);
  } finally {
    await context.close();
  }
}

/** The figures beside the peers: bytes, fields ready, keystrokes, validation, createToken. */
async function benchPeers() {
  const frameOrigin = server.apiBase.replace(/\/v1$/, '');
  const frameQuery = `&frameOrigin=${encodeURIComponent(frameOrigin)}`;
  // Interleaved, so that a noisy moment hits every variant alike.
  const samples = { direct: [], isolated: [], emptyFrame: [], floor: [] };
  for (let i = 0; i < COLD_LOADS; i += 1) {
    samples.direct.push(await coldLoad('ready.html'));
    samples.isolated.push(await coldLoad('ready.html', frameQuery));
    samples.emptyFrame.push(await coldLoad('empty-frame.html', frameQuery));
    samples.floor.push(await coldLoad('floor.html'));
  }
  const ready = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, percentiles(v)]));
  // Each isolated load against the empty frame loaded next to it: steadier than two medians.
  ready.isolatedOverEmptyFrame = percentiles(samples.isolated.map((t, i) => t - samples.emptyFrame[i]));
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
| bytes, gzip -9: isolated merchant page | ${kb(bytes.isolatedPage)} (index.js; the drop-in payjp.js ${kb(bytes.isolatedPageDropIn)}), no wasm | braintree-web client + hosted-fields, the merchant side: ${kb(bytes.braintree)} | ≤ 10,240 B |
| bytes, gzip -9: one payment frame page | ${kb(bytes.isolatedFrame)} (frame page, frame.js, its wasm; the frames of a page share the cache) | | ≤ 61,440 B |
| bytes, gzip -9: direct mode page | ${kb(bytes.direct)} | card-validator + cleave.js ${kb(bytes.cardValidatorCleave)} (no fields, no API) | ≤ 71,680 B |
| navigation start → fields ready, ${COLD_LOADS} cold loads each, interleaved | isolated p50 ${ms(ready.isolated.p50)}, p95 ${ms(ready.isolated.p95)}; direct p50 ${ms(ready.direct.p50)}, p95 ${ms(ready.direct.p95)} | an empty iframe from the payment origin: p50 ${ms(ready.emptyFrame.p50)}, p95 ${ms(ready.emptyFrame.p95)}; a plain form, no SDK: p50 ${ms(ready.floor.p50)} | isolated ≤ empty iframe + 80 ms (p50): now + ${ms(ready.isolatedOverEmptyFrame.p50)} (median of paired loads; difference of medians ${ms(ready.isolated.p50 - ready.emptyFrame.p50)}) |
| keystroke → formatted DOM, ${KEYSTROKES} keystrokes | p50 ${ms(keys.ours.p50)}, p95 ${ms(keys.ours.p95)} | cleave.js p50 ${ms(keys.cleave.p50)}, p95 ${ms(keys.cleave.p95)} | ≤ 2 ms p95 |
| validateCardNumber calls/s, mixed inputs | ${Math.round(validation.ours).toLocaleString('en')} | card-validator number(): ${Math.round(validation.cardValidator).toLocaleString('en')} (ours is ${(validation.ours / validation.cardValidator).toFixed(2)}×) | ≥ 5× |
| createToken over a raw fetch, p50 of ${TOKENS} | ${ms(overhead)} (createToken ${ms(tokens.sdk.p50)}, fetch ${ms(tokens.raw.p50)}) | | ≤ 2 ms |

Machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.os}; ${results.machine.chromium}. Written to bench/results.json.`);
}

/** Resource use over 1,000 cycles and 1,000 payments (bench/resources.mjs); false when over. */
async function benchResources() {
  const resources = await measureResources({ browser, origin, apiBase: server.apiBase });
  writeFileSync(join(ROOT, 'bench/resources.json'), `${JSON.stringify(resources, null, 2)}\n`);
  console.log(`
Resource use, growth from the 100th to the ${CYCLES.toLocaleString('en')}th cycle or ${PAYMENTS.toLocaleString('en')}th payment (bounds: ${JSON.stringify(BOUNDS)}; written to bench/resources.json):

${resourcesTable(resources)}`);
  return Object.values(resources).every((r) => r.within);
}

// BENCH=resources runs only the resource figures (make bench-resources).
try {
  if (process.env.BENCH !== 'resources') await benchPeers();
  if (!(await benchResources())) process.exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
  pages.close();
}
