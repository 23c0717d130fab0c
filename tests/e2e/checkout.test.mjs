// The demo checkout on the card elements preview, in headless Chromium against the devserver.
// Every test ends by checking that no card number or CVC reached the merchant origin (its own
// request log and the requests the page sent there) or the console.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, screenshot, startDevserver } from './harness.mjs';

const KEY = 'pk_test_0123456789abcdef01234567'; // the demo merchant's key (devserver)
// CVCs nobody would see by chance in ids or prices.
const CVC = '987';
const AMEX_CVC = '9876';

let server;
let browser;
let current; // { page, console, merchantRequests, secrets }

before(async () => {
  server = await startDevserver(['--rate', '50']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const origin = () => server.apiBase.replace(/\/v1$/, '');
async function control(path, body) {
  const r = await fetch(`${origin()}${path}`, { method: body === undefined ? 'GET' : 'POST', body: body && JSON.stringify(body) });
  return r.json();
}
const stats = () => control(`/__control/stats?key=${KEY}`);
const fault = (spec, count = 1) => control('/__control/faults', { fault: spec, count, key: KEY });

beforeEach(async () => {
  await control('/__control/reset', {});
});

afterEach(async (t) => {
  if (!current) return;
  const { page, console, merchantRequests, secrets, cspViolations } = current;
  assert.deepEqual(await cspViolations(), [], 'the page ran under its strict CSP without a violation');
  assert.ok(!console.some((m) => /Content Security Policy|Trusted Type/i.test(m)), console.join('\n'));
  const log = JSON.stringify(await (await fetch(`${server.merchant}/__log`)).json());
  const seen = [log, ...merchantRequests, ...console].join('\n');
  for (const secret of secrets) {
    const digits = secret.replace(/\D/g, '');
    const pattern = new RegExp(`(^|[^0-9a-z])${digits}([^0-9a-z]|$)`, 'i');
    assert.doesNotMatch(seen, pattern, `card data (${digits.length} digits) leaked to the merchant or the console in "${t.name}"`);
  }
  assert.doesNotMatch(log, /card\[|card%5B/i, 'no card fields reached the merchant');
  await screenshot(page, t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  await page.close();
  current = undefined;
});

async function open(query = '') {
  const p = await newPage(browser);
  const merchantRequests = [];
  p.page.on('request', (r) => {
    if (r.url().startsWith(server.merchant)) merchantRequests.push(`${r.url()} ${r.postData() ?? ''}`);
  });
  await p.page.goto(`${server.merchant}/${query}`);
  await p.page.waitForSelector('body[data-ready="true"]');
  current = { ...p, merchantRequests, secrets: [] };
  return p.page;
}

/** Types a whole card with real keystrokes into the combined element. */
async function typeCard(page, number, expiry = '1230', cvc = CVC) {
  current.secrets.push(number, cvc);
  await page.locator('.payjp-number').click();
  await page.keyboard.type(number);
  await page.locator('.payjp-expiry').click();
  await page.keyboard.type(expiry);
  await page.locator('.payjp-cvc').click();
  await page.keyboard.type(cvc);
}

async function payAndWait(page) {
  await page.locator('#pay').click();
  await page.waitForSelector('#result.ok, #result.error');
  return { ok: await page.locator('#result.ok').count() === 1, text: await page.locator('#result').textContent() };
}

for (const [brand, number] of [
  ['Visa', '4242424242424242'],
  ['MasterCard', '5555555555554444'],
  ['JCB', '3530111333300000'],
  ['American Express', '378282246310005'],
  ['Diners Club', '38520000023237'],
  ['Discover', '6011111111111117'],
]) {
  test(`a ${brand} test card pays`, async () => {
    const page = await open();
    await page.locator('#name').fill('TARO YAMADA');
    await typeCard(page, number, '1230', brand === 'American Express' ? AMEX_CVC : CVC);
    assert.equal(await page.locator('.payjp-icon').getAttribute('data-brand'), brand);
    const result = await payAndWait(page);
    assert.ok(result.ok, result.text);
    assert.match(result.text, new RegExp(`${brand} •••• ${number.slice(-4)}`));
    assert.equal((await stats()).tokens_created, 1);
  });
}

for (const [lang, number, message] of [
  ['ja', '4000000000000002', 'カードが拒否されました。別のカードをお試しください。'],
  ['en', '4000000000000002', 'Your card was declined. Please try another card.'],
  ['ja', '4000000000000069', 'カードの有効期限が切れています。'],
  ['en', '4000000000000127', "Your card's security code is invalid."],
  ['en', '4000000000000119', 'An error occurred while processing your card. Please try again in a moment.'],
]) {
  test(`declining card ${number} shows the ${lang} message`, async () => {
    const page = await open(`?lang=${lang}`);
    await typeCard(page, number);
    const result = await payAndWait(page);
    assert.equal(result.ok, false);
    assert.equal(result.text, message);
  });
}

test('a full-width number typed character by character is formatted', async () => {
  const page = await open();
  current.secrets.push('4242424242424242');
  await page.locator('.payjp-number').click();
  for (const ch of '４２４２４２４２４２４２４２４２') await page.keyboard.type(ch);
  assert.equal(await page.locator('.payjp-number').inputValue(), '4242 4242 4242 4242');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('payjp-expiry')), true, 'focus moved on');
});

test('a paste with spaces comes out clean', async () => {
  const page = await open();
  current.secrets.push('3530111333300000');
  await page.locator('.payjp-number').click();
  await page.keyboard.insertText('3530 1113  3330-0000');
  assert.equal(await page.locator('.payjp-number').inputValue(), '3530 1113 3330 0000');
  assert.equal(await page.locator('.payjp-icon').getAttribute('data-brand'), 'JCB');
});

test('an edit in the middle keeps the caret after the typed digit', async () => {
  const page = await open();
  current.secrets.push('42424242424');
  const number = page.locator('.payjp-number');
  await number.click();
  await page.keyboard.type('4242424242');
  assert.equal(await number.inputValue(), '4242 4242 42');
  await number.evaluate((el) => el.setSelectionRange(6, 6)); // "4242 4|242 42"
  await page.keyboard.type('9');
  assert.equal(await number.inputValue(), '4242 4924 242');
  assert.equal(await number.evaluate((el) => el.selectionStart), 7);
});

test('backspace across a separator deletes the digit before it', async () => {
  const page = await open();
  current.secrets.push('42424242');
  const number = page.locator('.payjp-number');
  await number.click();
  await page.keyboard.type('42424242');
  await number.evaluate((el) => el.setSelectionRange(5, 5)); // "4242 |4242"
  await page.keyboard.press('Backspace');
  assert.equal(await number.inputValue(), '4244 242');
  assert.equal(await number.evaluate((el) => el.selectionStart), 3);
});

test('an IME composition is left alone until it is committed', async () => {
  const page = await open();
  current.secrets.push('4242424242424242');
  const number = page.locator('.payjp-number');
  await number.click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: '４２４２４', selectionStart: 5, selectionEnd: 5 });
  assert.equal(await number.inputValue(), '４２４２４', 'not reformatted while composing');
  await cdp.send('Input.insertText', { text: '４２４２４２４２４２４２４２４２' });
  assert.equal(await number.inputValue(), '4242 4242 4242 4242');
});

test('a double click on pay makes exactly one token request', async () => {
  const page = await open();
  await typeCard(page, '4242424242424242');
  await page.locator('#pay').dblclick();
  await page.waitForSelector('#result.ok');
  const s = await stats();
  assert.equal(s.token_requests, 1);
  assert.equal(s.tokens_created, 1);
});

test('a forced 429 is retried and then succeeds', async () => {
  const page = await open();
  await typeCard(page, '5555555555554444');
  await fault('status=429', 1);
  const result = await payAndWait(page);
  assert.ok(result.ok, result.text);
  assert.equal((await stats()).token_requests, 2);
});

test('an HTML block page gives a clear error', async () => {
  const page = await open('?lang=en');
  await typeCard(page, '4242424242424242');
  await fault('html403', 1);
  const result = await payAndWait(page);
  assert.equal(result.ok, false);
  assert.match(result.text, /unexpected response.*CDN/);
});

test('invalid fields are flagged and nothing is sent', async () => {
  const page = await open('?lang=en');
  current.secrets.push('4242424242');
  await page.locator('.payjp-number').click();
  await page.keyboard.type('4242424242');
  const result = await payAndWait(page);
  assert.equal(result.text, 'Your card number is incomplete.');
  assert.equal(await page.locator('.payjp-number').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('payjp-number')), true);
  assert.equal((await stats()).token_requests, 0);
});

test('keyboard-only checkout', async () => {
  const page = await open();
  current.secrets.push('4242424242424242', CVC);
  await page.keyboard.press('Tab');
  // Tab through the page until the name field has focus; then only type and Tab.
  for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement.id === 'name')); i += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('TARO YAMADA');
  await page.keyboard.press('Tab');
  await page.keyboard.type('taro@example.jp');
  await page.keyboard.press('Tab'); // the split-fields link
  await page.keyboard.press('Tab'); // the card number
  await page.keyboard.type('4242424242424242'); // focus moves on by itself
  await page.keyboard.type('1230');
  await page.keyboard.type(CVC);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#result.ok, #result.error');
  assert.match(await page.locator('#result').textContent(), /お支払いが完了しました/);
});

test('split fields pay, and the split CVC follows the brand', async () => {
  const page = await open('?split=1&lang=en');
  current.secrets.push('378282246310005', AMEX_CVC);
  await page.locator('#number-element input').click();
  await page.keyboard.type('378282246310005');
  await page.locator('#expiry-element input').click();
  await page.keyboard.type('1230');
  await page.locator('#cvc-element input').click();
  await page.keyboard.type('987');
  let result = await payAndWait(page);
  assert.equal(result.text, "Your card's security code is incomplete.");
  await page.locator('#cvc-element input').click();
  await page.keyboard.type('6');
  result = await payAndWait(page);
  assert.ok(result.ok, result.text);
  assert.match(result.text, /American Express •••• 0005/);
});

test('both locales label the fields', async () => {
  const page = await open('?lang=en');
  assert.equal(await page.locator('.payjp-number').getAttribute('aria-label'), 'Card number');
  assert.match(await page.locator('#badge').textContent(), /TEST MODE/);
  await page.goto(`${server.merchant}/?lang=ja`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('.payjp-number').getAttribute('aria-label'), 'カード番号');
  assert.match(await page.locator('#badge').textContent(), /テストモード/);
});

test("Chromium's card autofill fills the fields and the card pays", async () => {
  const page = await open();
  current.secrets.push('4242424242424242', CVC);
  // The DevTools protocol's Autofill.trigger fills a form as the autofill menu does.
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.payjp-number' });
  const { node } = await cdp.send('DOM.describeNode', { nodeId });
  await cdp.send('Autofill.trigger', {
    fieldId: node.backendNodeId,
    card: { number: '4242424242424242', name: 'TARO YAMADA', expiryMonth: '12', expiryYear: '2030', cvc: CVC },
  });
  await page.waitForFunction(() => document.querySelector('.payjp-cvc').value !== '');
  assert.equal(await page.locator('.payjp-number').inputValue(), '4242 4242 4242 4242');
  assert.match(await page.locator('.payjp-expiry').inputValue(), /^12 \/ (20)?30$/);
  const result = await payAndWait(page);
  assert.ok(result.ok, result.text);
});

test('backspace in an empty field goes back to the previous one', async () => {
  const page = await open();
  current.secrets.push('4242424242424242');
  await page.locator('.payjp-number').click();
  await page.keyboard.type('4242424242424242'); // focus moves to the expiry
  await page.keyboard.type('12');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  assert.equal(await page.locator('.payjp-expiry').inputValue(), '');
  // Empty: the same key press moves back to the number and goes on deleting there, as one
  // continuous run of Backspace would in a single field.
  await page.keyboard.press('Backspace');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('payjp-number')), true);
  assert.equal(await page.locator('.payjp-number').inputValue(), '4242 4242 4242 424');
});
