// The 3-D Secure dialog on the demo checkout, in headless Chromium (Playwright): how it looks and
// behaves as a dialog (modal, labelled, focus back to the pay button, Escape and the close
// button, above a page's own modal, on a phone screen), and the holder checks made before any
// request. The protocol itself, every workflow and the attacks run in Chromium and Firefox in
// tests/tds/.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { controlDevserver, launchBrowser, newPage, screenshot, startDevserver } from './harness.mjs';

const KEY = 'pk_test_0123456789abcdef01234567';
const CODE = '123456'; // the test issuer's one-time code

let server;
let browser;
let current;

before(async () => {
  server = await startDevserver(['--rate', '50']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const control = (path, body) => controlDevserver(server, path, body);
const stats = () => control(`/__control/stats?key=${KEY}`);

beforeEach(async () => {
  await control('/__control/reset', {});
  await control('/__control/tds', { mode: 'normal', key: KEY });
});

afterEach(async (t) => {
  if (!current) return;
  assert.deepEqual(await current.cspViolations().catch(() => []), [], 'no CSP violation');
  const log = JSON.stringify(await (await fetch(`${server.merchant}/__log`)).json());
  assert.doesNotMatch(log, /4242424242424242|card\[/, 'no card data reached the merchant');
  await screenshot(current.page, `tds-${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
  await current.page.close().catch(() => {});
  current = undefined;
});

async function open(query, init) {
  const p = await newPage(browser);
  current = p;
  if (init) await p.page.addInitScript(init);
  await p.page.goto(`${server.merchant}/?lang=en&${query}`);
  await p.page.waitForSelector('body[data-ready="true"]');
  return p.page;
}

/** The number input: inside its frame (isolated) or in the page (direct). */
function number(page, isolated) {
  return isolated ? page.locator('iframe.payjp-frame').contentFrame().locator('.payjp-number') : page.locator('.payjp-number');
}

async function fillCheckout(page, isolated, { name = 'TARO YAMADA', email = 'taro@example.jp' } = {}) {
  await number(page, isolated).click();
  await page.keyboard.type('4242424242424242');
  await page.keyboard.type('1230');
  await page.keyboard.type('987');
  await page.fill('#name', name);
  await page.fill('#email', email);
}

/**
 * The issuer's page in the 3-D Secure dialog: inside the challenge frame of the payment origin
 * (isolated), or straight in the dialog (direct).
 */
function issuer(dialog, isolated = true) {
  const content = isolated ? dialog.locator('iframe').contentFrame() : dialog;
  return content.locator('iframe.payjp-tds-frame').contentFrame();
}

/** The dialog's own close button, which the challenge frame (isolated) or the core (direct) draws. */
function closeButton(dialog, isolated = true) {
  return (isolated ? dialog.locator('iframe').contentFrame() : dialog).getByRole('button', { name: 'Cancel card verification' });
}

/** Completes the test issuer's challenge in `frame` (a Frame, FrameLocator or Page). */
async function authenticate(frame, choice = 'Authenticate') {
  await frame.locator('#code').fill(CODE);
  await frame.getByRole('button', { name: new RegExp(choice) }).click();
}

const result = async (page) => {
  await page.waitForSelector('#result.ok, #result.error', { timeout: 20_000 });
  return { ok: (await page.locator('#result.ok').count()) === 1, text: await page.locator('#result').textContent() };
};

test('the dialog is modal and labelled, and after it the confirmation has the focus', async () => {
  const page = await open('tds_workflow=iframe');
  await fillCheckout(page, true);
  await page.click('#pay');
  const dialog = page.locator('dialog.payjp-tds');
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true, 'a modal dialog');
  assert.match(await dialog.getAttribute('aria-label'), /3-D Secure/, 'the dialog is labelled');
  await authenticate(issuer(dialog));
  const r = await result(page);
  assert.ok(r.ok, r.text);
  assert.equal(await dialog.count(), 0, 'the dialog is gone');
  // The SDK gives the focus back to the pay button when the dialog closes; the paid checkout
  // then moves it to its confirmation.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'result', 'the confirmation has the focus');
});

test('cancel at the issuer, the close button and Escape each give three_d_secure_aborted', async () => {
  const page = await open('tds_workflow=iframe');
  const expected = 'Card verification (3-D Secure) was cancelled. Please try again.';
  await fillCheckout(page, true);
  for (const how of ['issuer', 'close button', 'Escape']) {
    await page.click('#pay');
    const dialog = page.locator('dialog.payjp-tds');
    await issuer(dialog).locator('#code').waitFor();
    if (how === 'issuer') await issuer(dialog).getByRole('button', { name: /Cancel/ }).click();
    if (how === 'close button') await closeButton(dialog).click();
    if (how === 'Escape') await page.keyboard.press('Escape');
    const r = await result(page).catch((e) => ({ text: `${how}: ${e.message}` }));
    assert.equal(r.text, expected, how);
    assert.equal(await dialog.count(), 0, `${how}: the dialog is gone`);
    await page.waitForTimeout(2100); // the token client's cool-down between requests
  }
});

/** The checkout's answer to a submit that refused what was typed: the e-mail's or the name's
 * message under its input (the summary lists the same). */
const problem = async (page, field) => {
  await page.waitForFunction(() => !document.querySelector('#pay').disabled);
  await page.waitForSelector('#problems:not([hidden])');
  return page.locator(`${field}-error`).textContent();
};

test('a missing, kanji or one-letter name and a missing or unfinished e-mail are refused before any request, each with its message', async () => {
  const page = await open('tds_workflow=iframe');
  await fillCheckout(page, true, { name: '', email: 'taro@example.jp' });
  await page.click('#pay');
  assert.equal(await problem(page, '#name'), 'Card verification (3-D Secure) needs the name on the card, in romaji.');
  await page.fill('#name', '山田太郎');
  await page.click('#pay');
  assert.match(await problem(page, '#name'), /romaji/);
  await page.fill('#name', 'TARO YAMADA');
  await page.fill('#email', '');
  await page.click('#pay');
  assert.equal(await problem(page, '#email'), 'Card verification (3-D Secure) needs an e-mail address or a phone number.');
  // Unfinished details are refused with their own field's message (they once resolved an error
  // with no code and no message, and the button did nothing visible).
  for (const [field, value, message] of [
    ['#email', 'taro@', 'Your email address is invalid.'],
    ['#email', 'taro@example', 'Your email address is invalid.'],
    ['#name', 'T', 'The cardholder name must be at least 2 characters.'],
  ]) {
    await page.fill('#name', 'TARO YAMADA');
    await page.fill('#email', 'taro@example.jp');
    await page.fill(field, value);
    await page.click('#pay');
    assert.equal(await problem(page, field), message, `${field} ${value}`);
  }
  assert.equal((await stats()).token_requests, 0, 'nothing was sent');
  assert.equal(await page.locator('dialog.payjp-tds').count(), 0);
});

test("the dialog opens above the page's own modal dialog and receives clicks", async () => {
  const page = await open('tds_workflow=iframe');
  await fillCheckout(page, true);
  await page.evaluate(() => {
    const own = document.createElement('dialog');
    own.id = 'merchant-dialog';
    own.textContent = 'A dialog of the shop';
    document.body.append(own);
    own.showModal();
    document.getElementById('pay-form').requestSubmit();
  });
  const dialog = page.locator('dialog.payjp-tds');
  await dialog.waitFor();
  await authenticate(issuer(dialog));
  const r = await result(page);
  assert.ok(r.ok, r.text);
  assert.equal(await page.evaluate(() => document.getElementById('merchant-dialog').open), true, "the shop's dialog is untouched");
});

test('the dialog fits a phone screen', async () => {
  const page = await open('tds_workflow=iframe');
  await page.setViewportSize({ width: 375, height: 667 });
  await fillCheckout(page, true);
  await page.click('#pay');
  const dialog = page.locator('dialog.payjp-tds');
  await issuer(dialog).locator('#code').waitFor();
  const box = await dialog.boundingBox();
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 375 && box.y + box.height <= 667, JSON.stringify(box));
  const choices = issuer(dialog).getByRole('button', { name: /Authenticate/ });
  await choices.scrollIntoViewIfNeeded();
  await authenticate(issuer(dialog));
  assert.ok((await result(page)).ok);
});
