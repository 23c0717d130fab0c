// Resource use over time, for make bench (issue 19): 1,000 mount/unmount/destroy cycles and 1,000
// payments in one page, isolated and direct, in headless Chromium through the DevTools protocol.
// At checkpoints, after a forced garbage collection, it reads in the page and in the controller
// frame (a process of its own: the frames are another site): the iframes in the page, the frames
// alive, the event listeners, DOM nodes and documents (Memory.getDOMCounters), the JS heap in use
// (Runtime.getHeapUsage) and the WebAssembly memory (the memory each instance exports, caught by
// an init script). Growth is measured from the checkpoint after warm-up (100) to the last
// (1,000), against the bounds in BOUNDS; the checkpoints between (400, 700) show its course.

export const CYCLES = 1000;
export const PAYMENTS = 1000;
const WARM = 100;
/** Checkpoints: after the first, after warm-up, and on to the last. */
const AT = [1, WARM, 400, 700, 1000];

/**
 * What may grow from the warm checkpoint to the last, per figure. One of anything kept per cycle
 * or payment would be +900; the page's listener and node counts move by a few between
 * checkpoints (the last element's nodes, freed or not yet), without a trend.
 */
export const BOUNDS = {
  iframes: 0, frames: 0, listeners: 10, documents: 1, nodes: 100,
  heapKiB: 1024, wasmKiB: 0,
};

/** Keeps each WebAssembly instance's memory where the page or frame can read it. */
function catchWasmMemory() {
  const keep = (result) => {
    // The module's exports are renamed when the package is built: find the memory by its type.
    const memory = Object.values((result.instance ?? result)?.exports ?? {}).find((v) => v instanceof WebAssembly.Memory);
    if (memory) (self.__wasmMemories ??= []).push(memory);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
}

/** Figures of one frame or page through its DevTools session, after a garbage collection. */
async function figures(session, frame) {
  // Twice, a moment apart: nodes a collection frees may hold listeners until the next.
  await session.send('HeapProfiler.collectGarbage');
  await new Promise((r) => setTimeout(r, 100));
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const counters = await session.send('Memory.getDOMCounters');
  const wasm = await frame.evaluate(() => (self.__wasmMemories ?? []).reduce((n, m) => n + m.buffer.byteLength, 0));
  return { heapKiB: Math.round(usedSize / 1024), listeners: counters.jsEventListeners, nodes: counters.nodes, documents: counters.documents, wasmKiB: wasm / 1024 };
}

async function controllerFrame(page) {
  for (const frame of page.frames()) {
    const element = await frame.frameElement().catch(() => null);
    if (element && (await element.getAttribute('class'))?.includes('payjp-controller')) return frame;
  }
  return null;
}

/** One page's run: checkpoints of the page and (isolated) the controller frame. */
async function run(browser, url, isolated, step) {
  const context = await browser.newContext();
  await context.addInitScript(catchWasmMemory);
  const page = await context.newPage();
  const pageSession = await context.newCDPSession(page);
  try {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const checkpoint = async (at) => {
      const controller = isolated ? await controllerFrame(page) : null;
      const out = {
        at,
        iframes: await page.evaluate(() => document.querySelectorAll('iframe').length),
        frames: page.frames().length,
        page: await figures(pageSession, page.mainFrame()),
      };
      if (controller) {
        const session = await context.newCDPSession(controller);
        out.controller = await figures(session, controller);
        await session.detach();
      }
      return out;
    };
    return await step(page, checkpoint);
  } finally {
    await context.close();
  }
}

/** The growth from `a` to `b` of every figure, and whether each is within its bound. */
function growth(a, b) {
  const out = { iframes: b.iframes - a.iframes, frames: b.frames - a.frames };
  for (const side of ['page', 'controller']) {
    if (!a[side]) continue;
    for (const [k, v] of Object.entries(b[side])) out[`${side}.${k}`] = v - a[side][k];
  }
  const over = Object.entries(out).filter(([k, v]) => v > BOUNDS[k.split('.').pop()]);
  return { growth: out, within: over.length === 0, over: Object.fromEntries(over) };
}

export async function measureResources({ browser, origin, apiBase }) {
  const frameOrigin = apiBase.replace(/\/v1$/, '');
  const base = `${origin}/bench/pages/resources.html?apiBase=${encodeURIComponent(apiBase)}`;
  const results = {};
  for (const [mode, url, isolated] of [['isolated', `${base}&frameOrigin=${encodeURIComponent(frameOrigin)}`, true], ['direct', base, false]]) {
    results[`${mode} cycles`] = await run(browser, url, isolated, async (page, checkpoint) => {
      const points = [];
      for (const at of AT) {
        await page.evaluate((n) => window.bench.cycles(n), at - (points.at(-1)?.at ?? 0));
        points.push(await checkpoint(at));
      }
      return { points, ...growth(points[1], points.at(-1)) };
    });
    results[`${mode} payments`] = await run(browser, url, isolated, async (page, checkpoint) => {
      await page.evaluate(() => window.bench.mount());
      for (const [selector, text] of [['.payjp-number', '4242424242424242'], ['.payjp-expiry', '1230'], ['.payjp-cvc', '123']]) {
        const scope = isolated ? page.frameLocator('#card iframe.payjp-frame') : page.locator('#card');
        await scope.locator(selector).pressSequentially(text);
      }
      const points = [];
      for (const at of AT) {
        await page.evaluate((n) => window.bench.payments(n), at - (points.at(-1)?.at ?? 0));
        points.push(await checkpoint(at));
      }
      return { points, ...growth(points[1], points.at(-1)) };
    });
  }
  return results;
}

/** The README's table: each run's growth from the warm checkpoint to the last. */
export function resourcesTable(results) {
  const rows = Object.entries(results).map(([name, r]) => {
    const [a, b] = [r.points[1], r.points.at(-1)];
    const side = (s) => (b[s] ? `${b[s].listeners} listeners (${signed(r.growth[`${s}.listeners`])}), ${b[s].nodes} nodes (${signed(r.growth[`${s}.nodes`])}), ${b[s].documents} documents (${signed(r.growth[`${s}.documents`])}), heap ${b[s].heapKiB} KiB (${signed(r.growth[`${s}.heapKiB`])}), wasm ${b[s].wasmKiB} KiB (${signed(r.growth[`${s}.wasmKiB`])})` : '');
    return `| ${name}, ${a.at} → ${b.at} | ${b.iframes} (${signed(r.growth.iframes)}) / ${b.frames} (${signed(r.growth.frames)}) | ${side('page')} | ${side('controller') || (name.startsWith('direct') ? 'none (direct)' : '(gone with the last element)')} | ${r.within ? 'within' : `OVER: ${JSON.stringify(r.over)}`} |`;
  });
  return [
    '| run, checkpoints | iframes in the page / frames alive | the page (after GC) | the controller frame (after GC) | bounds |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

const signed = (n) => (n > 0 ? `+${n}` : `${n}`);
