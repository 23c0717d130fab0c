// Active attacks on isolated mode, in Chromium and Firefox (both through WebDriver): a merchant
// checkout with a hostile script on it, loaded before the SDK or after the fields are mounted, and
// markup that clobbers what the drop-in script reads. The buyer types a card into the genuine
// frames and pays. Each test asserts that
// - the skimmer captured no card digits (what it recorded, and what it beaconed to the server);
// - the merchant's server received none;
// - the payment either worked with a token for exactly the card typed (read back from the API),
//   or failed closed with the stated error and no token at all.
// The pages are in tests/attacks/site/; each attack is one script in site/attacks/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT, controlDevserver, startDevserver } from '../e2e/harness.mjs';
import { BROWSERS, startDriver } from '../webdriver.mjs';
import { forgeAtCheckout } from './third-origin.mjs';

const KEY = 'pk_test_0123456789abcdef01234567';
const OTHER_KEY = 'pk_test_ffffffffffffffffffffffff';
// A card whose digits cannot turn up by chance: any of these in a skimmer's log is a leak.
const NUMBER = '4012888888881881';
const CVC = '987';
const SITE = join(ROOT, 'tests', 'attacks', 'site');

/**
 * Each scenario: scripts to load before the SDK and after the merchant's code, markup injected
 * before the SDK's tag, where the SDK comes from, split fields or one, and what must happen.
 * `expect`: 'ok' (the payment works, for the card typed), 'tampered' (fails closed with
 * frame_tampered), 'refused' (the drop-in shows no inputs at all). `pressAgain`: the first press
 * must fail with this code, and `expect` is the second's.
 */
const SCENARIOS = [
  { name: 'a relay in place of MessageChannel, before the SDK', before: ['message-channel'], expect: 'ok' },
  // The page's own end of the controller's port, taken by a patched setter: the calls a page may
  // make (suggestEmail with odd addresses, availability, connection) flooded on it while the buyer types.
  { name: "the controller's port taken from the page, and the page's calls flooded on it", before: ['controller-port'], expect: 'ok' },
  { name: 'MessagePort.prototype.postMessage and onmessage patched, ports swapped', before: ['port-post-message'], expect: 'ok' },
  { name: "a capture-phase listener answers the fields' hello with its own connect", before: ['capture-ready'], expect: 'ok', loaderror: 'frame_tampered' },
  { name: 'a field frame detached and re-attached, then connected first and asked to collect', after: ['reattach'], expect: 'ok' },
  { name: 'the fields re-parented after mount reconnect and still pay', after: ['reparent'], split: true, expect: 'ok' },
  { name: "a forged field answers collect with a card of the attacker's", before: ['forged-field'], expect: 'ok' },
  { name: 'EventTarget.prototype, onmessage setters and postMessage patched', before: ['event-target'], expect: 'ok' },
  { name: 'BroadcastChannels and storage events listened to', before: ['broadcast-channel'], expect: 'ok' },
  { name: 'Promise.prototype.then patched', before: ['promise'], expect: 'ok' },
  // The fields ignore a controller with another key: the merchant pays, the attacker gets nothing.
  { name: "a second genuine controller for the SDK's instance, with another key", after: ['duplicates', 'duplicate-controller'], expect: 'ok' },
  { name: 'a second genuine field claiming the CVC slot', after: ['duplicates', 'duplicate-field'], split: true, expect: 'tampered' },
  { name: "two genuine cardholderName frames added to the buyer's group", after: ['duplicates', 'duplicate-name'], expect: 'tampered' },
  { name: "the controller's connect answered first, with the attacker's apiBase", before: ['capture-controller'], expect: 'tampered' },
  // Found by an attack review: re-pointing the controller after the buyer typed, then restoring
  // it. The fields give values only to a controller with the key and API base they were made for.
  { name: "the SDK's controller navigated in place to the attacker's key after typing, then back", after: ['rebind-in-place'], expect: 'ok', waitDone: true },
  { name: "the SDK's controller removed, replaced by one with the attacker's key, then restored", after: ['duplicates', 'rebind-replace'], split: true, expect: 'ok', waitDone: true },
  // The SDK's controller removed after typing, and an empty genuine field of the attacker's added
  // to the buyer's group: the buyer's press says the fields were lost, and the press after it
  // starts a new controller, which must see both claims, not tokenize whichever came first.
  { name: "the SDK's controller removed after typing, and a genuine field of the attacker's added to the buyer's group", after: ['duplicates', 'controller-swap'], expect: 'tampered', waitDone: true, pressAgain: 'frame_connection_lost' },
  // Random messages in the frames' own vocabulary at every frame while the buyer types.
  { name: 'random messages at every frame, from the page, while the buyer types (seeded fuzz)', after: ['message-fuzz'], expect: 'ok' },
  { name: 'random messages at the split fields and their controller (seeded fuzz)', after: ['message-fuzz'], split: true, expect: 'ok' },
  // Markup only: DOM clobbering of what the drop-in script reads.
  { name: '<img name="currentScript"> pointing at an attacker script', markup: '<img name="currentScript" src="/evil/payjp.js">', expect: 'ok' },
  {
    name: '<img name="currentScript"> carrying data-api-base and data-isolation of its own',
    markup: '<img name="currentScript" src="/evil/payjp.js" data-api-base="{{ORIGIN}}/v1" data-isolation="none" data-frame-origin="{{ORIGIN}}">',
    expect: 'ok',
  },
  { name: '<img name="Payjp"> before the SDK', markup: '<img name="Payjp" src="/evil/pixel.gif"><form name="Payjp"></form>', expect: 'ok' },
  { name: 'payjp.js self-hosted with no frame origin fails closed', sdk: 'self-hosted', expect: 'refused' },
];

let devserver;
let site;
const log = [];

function serveSite(paymentOrigin, apiBase) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let body = '';
    for await (const chunk of req) body += chunk;
    log.push(`${req.method} ${req.url} ${body}`);
    const path = decodeURIComponent(url.pathname);
    if (req.method === 'POST' || path.startsWith('/v1/')) return res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (path.startsWith('/evil/')) {
      // What an attacker would like to run: proof if it ever executes.
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end('window.__evilRan = true;');
    }
    if (path === '/checkout.html') return res.writeHead(200, checkoutHeaders(paymentOrigin)).end(await checkout(url.searchParams, paymentOrigin, apiBase));
    const file = path.startsWith('/pkg/') ? normalize(join(ROOT, path)) : normalize(join(SITE, path));
    if (!file.startsWith(ROOT) || file.includes('..')) return res.writeHead(403).end();
    const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
    const content = await readFile(file).catch(() => null);
    if (content === null) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(content);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A strict policy, as a careful merchant has: it does not stop a script of its own origin. */
function checkoutHeaders(paymentOrigin) {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'none'; script-src 'self' ${paymentOrigin}; connect-src 'self'; frame-src ${paymentOrigin}; ` +
      `img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'self'; require-trusted-types-for 'script'`,
  };
}

async function checkout(params, paymentOrigin, apiBase) {
  // No scenario: the merchant's page with no attack on it (another origin attacks from outside).
  const s = params.has('scenario') ? SCENARIOS[Number(params.get('scenario'))] : {};
  const origin = `http://127.0.0.1:${site.address().port}`;
  const scripts = (names = []) => names.map((n) => `<script src="/attacks/${n}.js"></script>`).join('\n');
  const sdk = s.sdk === 'self-hosted'
    ? `<script src="/pkg/payjp.js" data-api-base="${apiBase}"></script>`
    : `<script src="${paymentOrigin}/pkg/payjp.js" data-api-base="${apiBase}"></script>`;
  return (await readFile(join(SITE, 'checkout.html'), 'utf8'))
    .replace('{{BEFORE}}', scripts(s.before))
    .replace('{{MARKUP}}', (s.markup ?? '').replaceAll('{{ORIGIN}}', origin))
    .replace('{{SDK}}', sdk)
    .replace('{{AFTER}}', scripts(s.after));
}

const apiAuth = (key) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });

/** Fails when `text` holds the card number (with or without spaces, or its first 8) or the CVC. */
function assertNoCardDigits(text, where) {
  for (const secret of [NUMBER, '4012 8888 8888 1881', NUMBER.slice(0, 8), CVC]) {
    const pattern = new RegExp(`(^|[^0-9a-z])${secret}([^0-9a-z]|$)`, 'i');
    assert.doesNotMatch(text, pattern, `card digits reached ${where}`);
  }
}

async function typeCard(session, split) {
  const put = async (frame, input, text) => {
    await session.enterFrame(frame);
    await session.type(await session.waitForElement(input), text);
    await session.top();
  };
  if (split) {
    await put('#number iframe.payjp-frame', '.payjp-number', NUMBER);
    await put('#expiry iframe.payjp-frame', '.payjp-expiry', '1230');
    await put('#cvc iframe.payjp-frame', '.payjp-cvc', CVC);
  } else {
    await put('#card iframe.payjp-frame', '.payjp-number', NUMBER);
    await put('#card iframe.payjp-frame', '.payjp-expiry', '1230');
    await put('#card iframe.payjp-frame', '.payjp-cvc', CVC);
  }
}

before(async () => {
  devserver = await startDevserver(['--allow-origin', 'http://127.0.0.1:*', '--rate', '100']);
  const paymentOrigin = devserver.apiBase.replace(/\/v1$/, '');
  site = await serveSite(paymentOrigin, devserver.apiBase);
});
after(async () => {
  site?.close();
  await devserver?.stop();
});

// For working on one attack: ATTACKS_BROWSERS=firefox ATTACKS_ONLY='re-attached' node --test tests/attacks/
const only = process.env.ATTACKS_ONLY ? new RegExp(process.env.ATTACKS_ONLY) : null;
const browsers = process.env.ATTACKS_BROWSERS?.split(',') ?? BROWSERS;

for (const browser of browsers) {
  describe(browser, () => {
    let driver;
    let session;
    before(async () => {
      driver = await startDriver(browser);
      session = await driver.session();
    });
    after(async () => {
      await session?.close();
      await driver?.stop();
    });

    SCENARIOS.forEach((s, index) => {
      test(s.name, { skip: !!only && !only.test(s.name) }, async () => {
        try {
          await run(s, index);
        } catch (e) {
          // What the page looked like, for whoever reads the failure.
          await session.top().catch(() => {});
          const state = await session.run(() => ({
            body: { ...document.body.dataset },
            frames: [...document.querySelectorAll('iframe')].map((f) => `${f.className} ${f.src.split('#')[0]} in #${f.closest('[id]')?.id}`),
            skimmed: (window.__skimmed ?? []).slice(-8),
            errors: window.__consoleErrors ?? [],
          })).catch((err) => String(err));
          e.message += `\npage: ${JSON.stringify(state, null, 1)}`;
          throw e;
        }
      });

      async function run(s, index) {
        await controlDevserver(devserver, '/__control/reset', {});
        log.length = 0;
        await session.goto(`http://127.0.0.1:${site.address().port}/checkout.html?scenario=${index}${s.split ? '&split=1' : ''}`);
        await session.waitFor(() => document.body.dataset.merchant === 'true', { what: "the merchant's script" });
        if (s.expect === 'refused') {
          await session.waitFor(() => document.querySelector('#card .payjp-refused'), { what: 'the refusal notice' });
        } else {
          // The attack gets in place (some wait for the fields first), then the buyer waits for the
          // fields to appear.
          await session.waitFor(() => window.__attackReady === true, { what: 'the attack to be in place' });
          await session.enterFrame(s.split ? '#cvc iframe.payjp-frame' : '#card iframe.payjp-frame');
          await session.waitForElement('.payjp-cvc');
          await session.top();
          await typeCard(session, s.split);
        }
        // Attacks that act once the card is typed: the buyer presses Pay after they are done.
        if (s.waitDone) await session.waitFor(() => window.__attackDone === true, { timeout: 30_000, what: 'the attack to finish' });
        const page = await session.run(() => ({ inputs: document.querySelectorAll('input').length, refused: document.querySelector('.payjp-refused')?.textContent ?? null }));
        assert.equal(page.inputs, 1, "the merchant page holds only its own input: no card input is ever in it");
        const press = async () => {
          await session.run(() => document.getElementById('pay').click());
          return session.waitFor(
            () => ['ok', 'error'].includes(document.getElementById('result').dataset.state) && { ...document.getElementById('result').dataset, text: document.getElementById('result').textContent },
            { timeout: 40_000, what: 'the payment to end' },
          );
        };
        let result = await press();
        if (s.pressAgain) {
          assert.equal(result.code, s.pressAgain, `the first press: ${result.text}`);
          result = await press();
        }
        // Let late attack timers (a second collect, a token request of their own) run out.
        await new Promise((r) => setTimeout(r, s.expect === 'ok' ? 500 : 7_000));
        const seen = await session.run(() => ({
          skimmed: window.__skimmed ?? [],
          consoleErrors: window.__consoleErrors ?? [],
          evil: window.__evilRan === true,
          loaderror: document.body.dataset.loaderror ?? null,
          fuzz: window.__fuzzSeed === undefined ? '' : ` (fuzz seed ${window.__fuzzSeed}, ${window.__fuzzSent} messages sent)`,
          fuzzSent: window.__fuzzSent ?? null,
        }));
        if (s.after?.includes('message-fuzz')) assert.ok(seen.fuzzSent >= 1500, `the fuzz sent its messages${seen.fuzz}`);
        if (s.before?.includes('controller-port')) {
          // The attack reached the controller on its genuine port: its suggestions came back.
          assert.ok(seen.skimmed.some((l) => l.startsWith('controller answer') && l.includes('"taro@gmail.com"')), 'the controller answered the attacker');
        }

        assertNoCardDigits(seen.skimmed.join('\n'), 'the skimmer');
        assertNoCardDigits(log.join('\n'), "the merchant's server");
        assert.equal(seen.evil, false, "no attacker script ran from a clobbered URL");
        assert.ok(!log.some((l) => /^(GET|POST) \/v1\//.test(l)), "nothing was sent to an API base of the attacker's");
        const mine = await controlDevserver(devserver, `/__control/stats?key=${KEY}`);
        const other = await controlDevserver(devserver, `/__control/stats?key=${OTHER_KEY}`);
        assert.equal(other.tokens_created, 0, "no token was made for the attacker's key");
        if (s.expect === 'ok') {
          assert.equal(result.state, 'ok', `the payment works: ${result.text}${seen.fuzz}`);
          assert.equal(mine.tokens_created, 1, 'one token');
          const token = await (await fetch(`${devserver.apiBase}/tokens/${result.token}`, { headers: apiAuth(KEY) })).json();
          assert.equal(token.card.last4, NUMBER.slice(-4), 'the token is for the card typed into the frames');
          assert.equal(token.card.brand, 'Visa');
          assert.ok(log.some((l) => l.startsWith('POST /order') && l.includes(result.token)), 'the merchant got the token');
          if (s.loaderror) assert.equal(seen.loaderror, s.loaderror, 'the SDK saw the hijack and said so');
        } else if (s.expect === 'tampered') {
          assert.equal(result.state, 'error');
          assert.equal(result.code, 'frame_tampered', result.text);
          assert.match(result.text, /tampered/);
          assert.equal(mine.tokens_created, 0, 'no token at all');
          assert.equal(mine.token_requests ?? 0, 0, 'no token request at all');
        } else {
          assert.equal(result.state, 'error');
          assert.equal(result.code, 'frame_origin_missing');
          assert.match(page.refused, /configuration error/, 'a visible notice in the container');
          assert.ok(seen.consoleErrors.some((m) => /no frame origin/.test(m)), seen.consoleErrors.join('\n'));
          assert.equal(mine.tokens_created, 0);
        }
      }
    });

    // Attacker 3: another origin with a reference to the checkout's window (it opened it) posts
    // the frames' whole vocabulary at it while a card is typed (./third-origin.mjs). Nothing
    // answers it, nothing changes, and the buyer pays for the card typed.
    test('another origin that opened the checkout forges messages at it and at every frame', { skip: !!only && !only.test('another origin') }, async () => {
      await controlDevserver(devserver, '/__control/reset', {});
      const port = site.address().port;
      await session.goto(`http://localhost:${port}/third.html`);
      const opener = await session.window();
      await session.run((url) => {
        window.__w = window.open(url);
      }, `http://127.0.0.1:${port}/checkout.html`);
      await session.switchToNewWindow([opener]);
      const checkout = await session.window();
      await session.waitFor(() => document.body.dataset.merchant === 'true', { what: "the merchant's script" });
      await session.enterFrame('#card iframe.payjp-frame');
      await session.waitForElement('.payjp-cvc');
      await session.top();
      await typeCard(session, false);
      const fields = async () => {
        await session.enterFrame('#card iframe.payjp-frame');
        const state = await session.run(() => ['.payjp-number', '.payjp-expiry', '.payjp-cvc'].map((s) => {
          const input = document.querySelector(s);
          return `${input.value} ${input.disabled}`;
        }).concat(document.querySelector('.payjp-icon')?.dataset.brand ?? ''));
        await session.top();
        return state;
      };
      const typed = await fields();

      await session.switchTo(opener);
      const answered = await session.run(forgeAtCheckout);
      assert.ok(answered.frames >= 3, `the third origin reached the frames (${answered.frames})`);
      assert.deepEqual(answered.got, [], 'no frame answered the third origin on any port');

      await session.switchTo(checkout);
      assert.equal((await controlDevserver(devserver, `/__control/stats?key=${KEY}`)).token_requests ?? 0, 0, 'no token request was made');
      assert.deepEqual(await fields(), typed, 'the fields were not cleared, disabled or re-branded');
      assert.equal(await session.run(() => document.getElementById('result').textContent), '', 'nothing was paid');
      await session.run(() => document.getElementById('pay').click());
      const result = await session.waitFor(
        () => ['ok', 'error'].includes(document.getElementById('result').dataset.state) && { ...document.getElementById('result').dataset },
        { timeout: 40_000, what: 'the payment to end' },
      );
      assert.equal(result.state, 'ok');
      const mine = await controlDevserver(devserver, `/__control/stats?key=${KEY}`);
      assert.equal(mine.tokens_created, 1, 'one token');
      const token = await (await fetch(`${devserver.apiBase}/tokens/${result.token}`, { headers: apiAuth(KEY) })).json();
      assert.equal(token.card.last4, NUMBER.slice(-4), 'the token is for the card typed');
      const other = await controlDevserver(devserver, `/__control/stats?key=${OTHER_KEY}`);
      assert.equal(other.tokens_created, 0, "no token for the attacker's key");
      await session.call('DELETE', '/window');
      await session.switchTo(opener);
    });
  });
}
