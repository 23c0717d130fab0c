// 3-D Secure on the demo checkout, in headless Chromium against the devserver's simulated issuer:
// the iframe, subwindow and redirect workflows in both isolation modes, cancel, failure and
// timeout, the checks made before any request, the dialog above a page's own modal dialog, and
// charge-level 3-D Secure with openThreeDSecureDialog.
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

for (const isolated of [true, false]) {
  const mode = isolated ? 'isolated' : 'direct';
  const q = isolated ? '' : 'isolation=none&';

  test(`[${mode}] iframe: the challenge in a dialog, then a verified token that pays`, async () => {
    const page = await open(`${q}tds_workflow=iframe`);
    await fillCheckout(page, isolated);
    await page.click('#pay');
    const dialog = page.locator('dialog.payjp-tds');
    await dialog.waitFor();
    assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true, 'a modal dialog');
    assert.match(await dialog.getAttribute('aria-label'), /3-D Secure/, 'the dialog is labelled');
    await authenticate(issuer(dialog, isolated));
    const r = await result(page);
    assert.ok(r.ok, r.text);
    assert.equal(await dialog.count(), 0, 'the dialog is gone');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'pay', 'focus returned to the pay button');
    assert.equal((await stats()).tokens_created, 1);
  });

  test(`[${mode}] subwindow: the challenge in a popup opened by the click`, async () => {
    const page = await open(`${q}tds_workflow=subwindow`);
    await fillCheckout(page, isolated);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#pay')]);
    await popup.waitForURL(/\/tds\/tok_[0-9a-z]+\/start/);
    await authenticate(popup);
    const r = await result(page);
    assert.ok(r.ok, r.text);
    if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 5000 }).catch(() => {});
    assert.equal(popup.isClosed(), true, 'the popup closed');
  });

  test(`[${mode}] redirect: the page goes to the issuer and finishes the token on its return`, async () => {
    const page = await open(`${q}tds_workflow=redirect`);
    await fillCheckout(page, isolated);
    await page.click('#pay');
    await page.waitForURL(/\/tds\/tok_[0-9a-z]+\/start/);
    await authenticate(page);
    await page.waitForURL((url) => url.origin === server.merchant);
    const r = await result(page);
    assert.ok(r.ok, r.text);
    assert.doesNotMatch(page.url(), /payjp_tds_token/, 'the parameter is removed from the address bar');
  });
}

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

test('a failed challenge gives three_d_secure_failed, and a hanging issuer times out', async () => {
  const page = await open('tds_workflow=iframe&tds_timeout=3000');
  await fillCheckout(page, true);
  await page.click('#pay');
  await authenticate(issuer(page.locator('dialog.payjp-tds')), 'Fail');
  let r = await result(page);
  assert.equal(r.text, 'Card verification (3-D Secure) failed. Please try another card.');
  await control('/__control/tds', { mode: 'hang', key: KEY });
  await page.waitForTimeout(2100);
  await page.click('#pay');
  await page.locator('dialog.payjp-tds').waitFor();
  await page.waitForSelector('#result.error', { timeout: 10_000 });
  r = await result(page);
  assert.equal(r.text, 'Card verification (3-D Secure) was not completed in time. Please try again.');
  assert.equal(await page.locator('dialog.payjp-tds').count(), 0, 'the dialog closed on timeout');
});

test('a missing or kanji name and a missing e-mail or phone are refused before any request', async () => {
  const page = await open('tds_workflow=iframe');
  await fillCheckout(page, true, { name: '', email: 'taro@example.jp' });
  await page.click('#pay');
  assert.equal((await result(page)).text, 'Card verification (3-D Secure) needs the name on the card, in romaji.');
  await page.fill('#name', '山田太郎');
  await page.click('#pay');
  await page.waitForFunction(() => !document.querySelector('#pay').disabled);
  assert.match((await result(page)).text, /romaji/);
  await page.fill('#name', 'TARO YAMADA');
  await page.fill('#email', '');
  await page.click('#pay');
  await page.waitForFunction(() => !document.querySelector('#pay').disabled);
  assert.equal((await result(page)).text, 'Card verification (3-D Secure) needs an e-mail address or a phone number.');
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

test('charge-level 3-D Secure: openThreeDSecureIframe, then the server finishes the charge', async () => {
  const page = await open('tds=0&isolation=none');
  await fillCheckout(page, false);
  const outcome = page.evaluate(async ({ apiBase }) => {
    const { default: init, Payjp } = await import('/pkg/index.js');
    await init();
    const payjp = Payjp('pk_test_0123456789abcdef01234567', { locale: 'en', apiBase, isolation: 'none' });
    const elements = payjp.elements();
    const card = elements.create('card');
    const host = document.createElement('div');
    document.body.append(host);
    card.mount(host);
    // The shop's server made a charge with three_d_secure: true from a token of this card.
    const inputs = host.querySelectorAll('input');
    for (const [i, v] of [[0, '4242424242424242'], [1, '1230'], [2, '987']]) {
      inputs[i].value = v;
      inputs[i].dispatchEvent(new InputEvent('input', { inputType: 'insertText' }));
    }
    const token = await payjp.createToken(card);
    const pending = await (await fetch('/charge', { method: 'POST', body: JSON.stringify({ token: token.id, three_d_secure: true }) })).json();
    const opened = await payjp.openThreeDSecureIframe(pending.id);
    const finished = await (await fetch(`/charge/${pending.id}/tds_finish`, { method: 'POST' })).json();
    return { pending, opened, finished };
  }, { apiBase: server.apiBase });
  const dialog = page.locator('dialog.payjp-tds');
  await dialog.waitFor();
  await authenticate(issuer(dialog, false));
  const { pending, opened, finished } = await outcome;
  assert.equal(pending.three_d_secure_status, 'unverified');
  assert.equal(pending.paid, false);
  assert.equal(opened, undefined, 'resolves with nothing once the issuer is done, as payjp.js v2');
  assert.equal(finished.paid, true);
  assert.equal(finished.three_d_secure_status, 'verified');
});

test('a blocked popup falls back to the dialog, with a console warning', async () => {
  // A popup blocker, as browsers and extensions have: window.open gives null.
  const page = await open('tds_workflow=subwindow', () => {
    window.open = () => null;
  });
  await fillCheckout(page, true);
  await page.click('#pay');
  const dialog = page.locator('dialog.payjp-tds');
  await dialog.waitFor();
  assert.ok(current.console.some((m) => /3-D Secure window was blocked; using a dialog/.test(m)), current.console.join('\n'));
  await authenticate(issuer(dialog));
  const r = await result(page);
  assert.ok(r.ok, r.text);
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
