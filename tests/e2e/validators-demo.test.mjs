// The validators demo page (`make demo`) in headless Chromium: each field reacts as a buyer
// types, the way Japanese buyers type.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, screenshot, startDevserver } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startDevserver();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDemo() {
  const p = await newPage(browser);
  await p.page.goto(`${server.merchant}/validators.html`);
  await p.page.waitForSelector('body[data-ready="true"]');
  return p;
}

test('full-width digits typed one by one are formatted with the caret at the end', async () => {
  const { page, errors } = await openDemo();
  const number = page.locator('#number');
  await number.pressSequentially('４２４２４２４２４２４２４２４２');
  assert.equal(await number.inputValue(), '4242 4242 4242 4242');
  assert.equal(await number.evaluate((el) => el.selectionStart), 19);
  assert.match(await page.locator('#number-out').textContent(), /Visa/);
  assert.equal(await number.getAttribute('aria-invalid'), 'false');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an edit in the middle keeps the caret after the typed digit', async () => {
  const { page } = await openDemo();
  const number = page.locator('#number');
  await number.fill('4242 4242 4242');
  await number.evaluate((el) => el.setSelectionRange(6, 6)); // "4242 4|242 4242"
  await page.keyboard.type('9');
  assert.equal(await number.inputValue(), '4242 4924 2424 2');
  assert.equal(await number.evaluate((el) => el.selectionStart), 7);
  await page.close();
});

test('a pasted number with spaces and dashes comes out clean', async () => {
  const { page } = await openDemo();
  const number = page.locator('#number');
  await number.focus();
  await page.evaluate(() => {
    const el = document.getElementById('number');
    el.value = '3530-1113 3330ー0000';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  assert.equal(await number.inputValue(), '3530 1113 3330 0000');
  assert.match(await page.locator('#number-out').textContent(), /JCB/);
  await page.close();
});

test('errors are localized and switch with the language', async () => {
  const { page } = await openDemo();
  await page.locator('#name').fill('山田太郎');
  assert.match(await page.locator('#name-out').textContent(), /ローマ字/);
  await page.locator('input[name="lang"][value="en"]').check();
  assert.match(await page.locator('#name-out').textContent(), /romaji/);
  assert.equal(await page.locator('#name').getAttribute('aria-invalid'), 'true');
  await page.locator('#number').fill('4242 4242 4242 4241');
  assert.match(await page.locator('#number-out').textContent(), /Your card number is invalid/);
  await page.close();
});

test('expiry, CVC, e-mail and phone react as typed', async () => {
  const { page, errors, cspViolations } = await openDemo();
  await page.locator('#number').fill('378282246310005');
  await page.locator('#expiry').fill('１２／３０');
  assert.match(await page.locator('#expiry-out').textContent(), /12\/2030/);
  await page.locator('#cvc').fill('123');
  assert.doesNotMatch(await page.locator('#cvc-out').textContent(), /有効/); // Amex wants 4
  await page.locator('#cvc').fill('1234');
  assert.match(await page.locator('#cvc-out').textContent(), /有効/);
  await page.locator('#email').fill('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ');
  assert.match(await page.locator('#email-out').textContent(), /有効/);
  await page.locator('#phone').fill('０９０－１２３４－５６７８');
  assert.match(await page.locator('#phone-out').textContent(), /\+819012345678/);
  await screenshot(page, 'validators-demo');
  assert.deepEqual(errors, []);
  assert.deepEqual(await cspViolations(), [], 'no CSP violation under the strict policy');
  await page.close();
});
