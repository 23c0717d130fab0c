// Isolated mode's guarantees, in headless Chromium against the devserver: the merchant page
// cannot read the card frames, the messages it receives never carry card data, forged messages
// from a third origin change nothing and make no token, and a frame embedded by an origin that
// is not allowed refuses to render.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { controlDevserver, launchBrowser, newPage, screenshot, startDevserver, startThirdOrigin } from './harness.mjs';
import { forgeAtCheckout } from '../attacks/third-origin.mjs';

const KEY = 'pk_test_0123456789abcdef01234567';
const NUMBER = '4242424242424242';
const CVC = '987';

let server;
let browser;
let third;

before(async () => {
  server = await startDevserver(['--rate', '50']);
  browser = await launchBrowser();
  third = await startThirdOrigin({ '/': '<!doctype html><title>another site</title><p>another site</p>' });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await third?.stop();
});

const paymentOrigin = () => server.apiBase.replace(/\/v1$/, '');
const control = (path, body) => controlDevserver(server, path, body);

/** Opens the checkout (isolated) in `page` with a recorder of every message it receives. */
async function openCheckout(page, query = '') {
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => {
      if (window.top !== window) return;
      let text;
      try {
        text = JSON.stringify(e.data);
      } catch {
        text = String(e.data);
      }
      window.__messages.push(`${e.origin} ${text}`);
    });
  });
  await page.goto(`${server.merchant}/${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('iframe.payjp-frame').first().contentFrame().locator('.payjp-input').first().waitFor();
}

async function typeCard(page) {
  const frame = page.locator('iframe.payjp-frame').contentFrame();
  await frame.locator('.payjp-number').click();
  await page.keyboard.type(NUMBER);
  await page.keyboard.type('1230');
  await page.keyboard.type(CVC);
}

function assertNoCardData(text, where) {
  for (const secret of [NUMBER, CVC, '4242 4242 4242 4242']) {
    const pattern = new RegExp(`(^|[^0-9a-z])${secret}([^0-9a-z]|$)`, 'i');
    assert.doesNotMatch(text, pattern, `card data reached ${where}`);
  }
}

test('the merchant page cannot read the frames, and no message it receives carries card data', async () => {
  await control('/__control/reset', {});
  const p = await newPage(browser);
  const page = p.page;
  await openCheckout(page, '?lang=en&tds=0');
  await typeCard(page);
  const access = await page.evaluate(() => {
    const frame = document.querySelector('iframe.payjp-frame');
    let read = 'no error';
    try {
      read = frame.contentWindow.document.body.innerHTML;
    } catch (e) {
      read = e.name;
    }
    return { contentDocument: frame.contentDocument === null, read, inputs: document.querySelectorAll('input:not([type=checkbox])').length, cardInputs: document.querySelectorAll('.payjp-input').length };
  });
  assert.equal(access.contentDocument, true, 'contentDocument is null for the merchant page');
  assert.equal(access.read, 'SecurityError', 'reaching into the frame throws');
  assert.equal(access.inputs, 2, 'the page holds only its own text inputs (name, e-mail)');
  assert.equal(access.cardInputs, 0, 'no card input lives in the page');
  // The merchant's style (demo: 16px, #1f2933) was carried into the frame and applied there.
  const number = page.locator('iframe.payjp-frame').contentFrame().locator('.payjp-number');
  assert.equal(await number.evaluate((el) => getComputedStyle(el).color), 'rgb(31, 41, 51)');
  assert.equal(await number.evaluate((el) => getComputedStyle(el).fontSize), '16px');
  // Clicking the label for the container focuses the field inside the frame.
  await page.locator('#email').click();
  await page.locator('#card-label').click();
  assert.equal(await number.evaluate((el) => document.activeElement === el), true, 'the label focused the number field');
  await page.fill('#name', 'TARO YAMADA');
  await page.click('#pay');
  await page.waitForSelector('#result.ok');
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.some((m) => m.includes('"payjp":"hello"')), 'the recorder saw the frames announce themselves');
  assertNoCardData(messages.join('\n'), 'a message to the merchant page');
  assertNoCardData(JSON.stringify(await (await fetch(`${server.merchant}/__log`)).json()), 'the merchant server');
  assert.deepEqual(await p.cspViolations(), []);
  await screenshot(page, 'isolated-merchant-cannot-read');
  await page.close();
});

test('forged messages from a third origin change nothing and make no token', async () => {
  await control('/__control/reset', {});
  const p = await newPage(browser);
  const attacker = p.page;
  await attacker.goto(`${third.origin}/`);
  // The third origin opens the checkout, so it holds a reference to its window and frames.
  const [checkout] = await Promise.all([
    attacker.waitForEvent('popup'),
    attacker.evaluate((url) => {
      window.__w = window.open(url);
    }, `${server.merchant}/?lang=en&tds=0`),
  ]);
  await checkout.waitForSelector('body[data-ready="true"]');
  await checkout.locator('iframe.payjp-frame').first().contentFrame().locator('.payjp-input').first().waitFor();
  await typeCard(checkout);
  const changes = await checkout.evaluate(() => document.querySelector('#card-element .payjp-element').className);

  const { got: answered } = await attacker.evaluate(forgeAtCheckout);
  assert.deepEqual(answered, [], 'no frame answered the third origin on any port');
  const s = await control(`/__control/stats?key=${KEY}`);
  assert.equal(s.token_requests, 0, 'no token request was made');
  const frame = checkout.locator('iframe.payjp-frame').contentFrame();
  assert.equal(await frame.locator('.payjp-number').inputValue(), '4242 4242 4242 4242', 'the fields were not cleared');
  assert.equal(await frame.locator('.payjp-number').isDisabled(), false, 'no forged update applied');
  assert.equal(await frame.locator('.payjp-icon').getAttribute('data-brand'), 'Visa', 'no forged brand applied');
  assert.equal(await checkout.evaluate(() => document.querySelector('#card-element .payjp-element').className), changes, 'the element state did not change');
  assert.equal(await checkout.locator('#result').textContent(), '', 'nothing was paid');
  // The real buyer still pays, with one token.
  await checkout.fill('#name', 'TARO YAMADA');
  await checkout.click('#pay');
  await checkout.waitForSelector('#result.ok');
  assert.equal((await control(`/__control/stats?key=${KEY}`)).tokens_created, 1);
  await screenshot(checkout, 'isolated-forged-messages');
  await checkout.close();
  await attacker.close();
});

test('a frame embedded by an origin that is not allowed refuses to render', async () => {
  const p = await newPage(browser);
  const page = p.page;
  await page.goto(`${third.origin}/`);
  const nonce = 'a'.repeat(32);
  const heard = await page.evaluate(async ({ url, nonce }) => {
    const heard = [];
    window.addEventListener('message', (e) => heard.push(JSON.stringify(e.data)));
    const frame = document.createElement('iframe');
    frame.src = `${url}#mode=field&type=card&locale=en&origin=${encodeURIComponent(location.origin)}&nonce=${nonce}`;
    document.body.append(frame);
    await new Promise((r) => setTimeout(r, 2500));
    return heard;
  }, { url: `${paymentOrigin()}/frame.html`, nonce });
  assert.deepEqual(heard, [], 'the frame never announced itself');
  const frames = page.frames().filter((f) => f !== page.mainFrame());
  assert.equal(frames.length, 1);
  const inputs = await frames[0].locator('.payjp-input').count().catch(() => 0);
  assert.equal(inputs, 0, 'no card input was rendered');
  // The frame page opened on its own (not embedded) refuses as well.
  await page.goto(`${paymentOrigin()}/frame.html#mode=field&type=card&locale=en&origin=${encodeURIComponent(third.origin)}&nonce=${nonce}`);
  await page.waitForSelector('body[data-refused="true"]', { state: 'attached' });
  assert.equal(await page.locator('.payjp-input').count(), 0);
  await page.close();
});

test('web fonts from elements({ fonts }) load inside the frame; the frame page refuses any other source', async () => {
  const p = await newPage(browser);
  const page = p.page;
  await page.goto(`${server.merchant}/?lang=en&tds=0`);
  await page.waitForSelector('body[data-ready="true"]');
  // A font the frame page may load (a data: URL), and one a skimmer might slip into the frame's
  // options (another origin): its CSP allows only its own origin and data: URLs.
  const font = 'data:font/woff2;base64,d09GMgABAAAAAA';
  await page.evaluate(async ({ apiBase, font }) => {
    const { Payjp } = await import('/pkg/index.js');
    const payjp = Payjp('pk_test_0123456789abcdef01234567', { apiBase, frameOrigin: new URL(apiBase).origin });
    const host = document.createElement('div');
    host.id = 'fonts-host';
    document.body.append(host);
    const card = payjp.elements({ fonts: [{ family: 'Payjp Test Font', src: font }] }).create('card', { style: { base: { fontFamily: "'Payjp Test Font', sans-serif" } } });
    await new Promise((resolve) => {
      card.on('ready', resolve);
      card.mount(host);
    });
  }, { apiBase: server.apiBase, font });
  const frame = page.frames().find((f) => f.url().includes('mode=field') && f.url().includes('Payjp+Test+Font'));
  assert.ok(frame, 'the field frame carries the font in its options');
  const faces = await frame.evaluate(() => [...document.fonts].map((f) => f.family.replace(/"/g, '')));
  assert.ok(faces.includes('Payjp Test Font'), `the frame registered the font: ${faces}`);
  // The frame page's own policy refuses fonts from elsewhere, whatever its options say.
  const blocked = await frame.evaluate(async () => {
    const face = new FontFace('Elsewhere', 'url(https://fonts.example.com/x.woff2)');
    document.fonts.add(face);
    return face.load().then(() => 'loaded', (e) => e.name);
  });
  assert.notEqual(blocked, 'loaded');
  await page.close();
});
