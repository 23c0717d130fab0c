// The demo checkout in headless Chromium against the devserver, in both modes: isolated (the
// default: the card fields are frames served by the payment origin) and direct (?isolation=none).
// Every test ends by checking that no card number or CVC reached the merchant origin (its own
// request log and the requests the page sent there), the console, or, in isolated mode, any
// message the merchant page received.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { controlDevserver, launchBrowser, newPage, screenshot, startDevserver } from './harness.mjs';

const KEY = 'pk_test_0123456789abcdef01234567'; // the demo merchant's key (devserver)
// CVCs nobody would see by chance in ids or prices.
const CVC = '987';
const AMEX_CVC = '9876';

let server;
let browser;
let current; // { page, console, merchantRequests, secrets, mode }

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
const fault = (spec, count = 1) => control('/__control/faults', { fault: spec, count, key: KEY });

beforeEach(async () => {
  await control('/__control/reset', {});
});

afterEach(async (t) => {
  if (!current) return;
  const { page, console, merchantRequests, secrets, cspViolations, mode } = current;
  assert.deepEqual(await cspViolations(), [], 'the page ran under its strict CSP without a violation');
  assert.ok(!console.some((m) => /Content Security Policy|Trusted Type/i.test(m)), console.join('\n'));
  const log = JSON.stringify(await (await fetch(`${server.merchant}/__log`)).json());
  // Every message the merchant page received (recorded by an init script), in isolated mode.
  const messages = mode === 'isolated' ? await page.evaluate(() => window.__messages).catch(() => []) : [];
  const seen = [log, ...merchantRequests, ...console, ...messages].join('\n');
  for (const secret of secrets) {
    const digits = secret.replace(/\D/g, '');
    const pattern = new RegExp(`(^|[^0-9a-z])${digits}([^0-9a-z]|$)`, 'i');
    assert.doesNotMatch(seen, pattern, `card data (${digits.length} digits) leaked to the merchant or the console in "${t.name}"`);
  }
  assert.doesNotMatch(log, /card\[|card%5B/i, 'no card fields reached the merchant');
  await screenshot(page, `${mode}-${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
  await page.close();
  current = undefined;
});

let mode = 'isolated';

async function open(query = '') {
  const p = await newPage(browser);
  const merchantRequests = [];
  p.page.on('request', (r) => {
    if (r.url().startsWith(server.merchant)) merchantRequests.push(`${r.url()} ${r.postData() ?? ''}`);
  });
  await p.page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => {
      let text;
      try {
        text = JSON.stringify(e.data);
      } catch {
        text = String(e.data);
      }
      if (window.top === window) window.__messages.push(`${e.origin} ${text}`);
    });
  });
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  if (mode === 'direct') params.set('isolation', 'none');
  // These are the elements' tests; 3-D Secure has its own suite (three-d-secure.test.mjs).
  if (!params.has('tds')) params.set('tds', '0');
  await p.page.goto(`${server.merchant}/?${params}`);
  await p.page.waitForSelector('body[data-ready="true"]');
  if (mode === 'isolated') await p.page.locator('iframe.payjp-frame').first().contentFrame().locator('.payjp-input').first().waitFor();
  current = { ...p, merchantRequests, secrets: [], mode };
  return p.page;
}

/** The split element that holds each input (the combined 'card' element holds them all). */
const SPLIT_OF = { '.payjp-number': 'cardNumber', '.payjp-expiry': 'cardExpiry', '.payjp-cvc': 'cardCvc', '.payjp-icon': 'cardNumber' };

/** A card input (or the brand icon): in the page (direct) or inside its frame (isolated). */
function field(page, selector) {
  if (current.mode === 'direct') return page.locator(selector);
  return page.locator(`:is(.payjp-type-card, .payjp-type-${SPLIT_OF[selector]}) > iframe.payjp-frame`).contentFrame().locator(selector);
}

/** The class of the focused card input, in whichever frame holds the focus ('' if none). */
async function focusedClass(page) {
  for (const frame of page.frames()) {
    const c = await frame.evaluate(() => (document.hasFocus() && document.activeElement ? document.activeElement.className : '')).catch(() => '');
    if (typeof c === 'string' && c.includes('payjp-input')) return c;
  }
  return '';
}

/** Types a whole card with real keystrokes into the combined element. */
async function typeCard(page, number, expiry = '1230', cvc = CVC) {
  current.secrets.push(number, cvc);
  await field(page, '.payjp-number').click();
  await page.keyboard.type(number);
  await field(page, '.payjp-expiry').click();
  await page.keyboard.type(expiry);
  await field(page, '.payjp-cvc').click();
  await page.keyboard.type(cvc);
}

/** Pays and waits until the checkout is done with it: the result line, or (for problems with
 * what was typed) the first entry of the problems summary. */
async function payAndWait(page) {
  await page.locator('#pay').click();
  await page.waitForFunction(() => !document.getElementById('pay').disabled || document.getElementById('result').className === 'ok');
  return page.evaluate(() => {
    const result = document.getElementById('result');
    const problems = document.getElementById('problems');
    return { ok: result.className === 'ok', text: result.textContent || (problems.hidden ? '' : problems.querySelector('a').textContent) };
  });
}

/** A card input as the DevTools protocol sees it, through frames: its backend node id and frame. */
async function cdpField(page, className) {
  // Isolated: the frames come from another site (127.0.0.1 vs localhost), so Chromium runs them
  // out of process and each has its own DevTools session.
  let target = page;
  let frameId;
  if (current.mode === 'isolated') {
    for (const frame of page.frames()) {
      if (frame !== page.mainFrame() && (await frame.locator(`.${className}`).count())) target = frame;
    }
    // Chromium reads the forms of a subframe once one of its fields has had focus.
    await target.locator(`.${className}`).click();
  }
  const cdp = await page.context().newCDPSession(target);
  if (target !== page) frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const search = (node, frameId) => {
    const attrs = node.attributes ?? [];
    for (let i = 0; i < attrs.length; i += 2) {
      if (attrs[i] === 'class' && attrs[i + 1].split(' ').includes(className)) return { backendNodeId: node.backendNodeId, frameId };
    }
    if (node.contentDocument) {
      const found = search(node.contentDocument, node.contentDocument.frameId ?? node.frameId);
      if (found) return found;
    }
    for (const child of node.children ?? []) {
      const found = search(child, frameId);
      if (found) return found;
    }
    return null;
  };
  const found = search(root, frameId);
  assert.ok(found, `no .${className} in the page or its frames`);
  return { cdp, ...found };
}

for (const m of ['isolated', 'direct']) {
  describe(m, () => {
  before(() => {
    mode = m;
  });

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
      assert.equal(await field(page, '.payjp-icon').getAttribute('data-brand'), brand);
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
    await field(page, '.payjp-number').click();
    for (const ch of '４２４２４２４２４２４２４２４２') await page.keyboard.type(ch);
    assert.equal(await field(page, '.payjp-number').inputValue(), '4242 4242 4242 4242');
    assert.equal((await focusedClass(page)).includes('payjp-expiry'), true, 'focus moved on');
  });

  test('a paste with spaces comes out clean', async () => {
    const page = await open();
    current.secrets.push('3530111333300000');
    await field(page, '.payjp-number').click();
    await page.keyboard.insertText('3530 1113  3330-0000');
    assert.equal(await field(page, '.payjp-number').inputValue(), '3530 1113 3330 0000');
    assert.equal(await field(page, '.payjp-icon').getAttribute('data-brand'), 'JCB');
  });

  test('an edit in the middle keeps the caret after the typed digit', async () => {
    const page = await open();
    current.secrets.push('42424242424');
    const number = field(page, '.payjp-number');
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
    const number = field(page, '.payjp-number');
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
    const number = field(page, '.payjp-number');
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
    // A slow answer, so the second click surely lands while the first request is in flight.
    await fault('latency=500', 1);
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

  // The browser itself offline (Playwright's offline emulation reaches the payment frames too),
  // then back: what tests/faults does with a dropped connection in both browsers, here with the
  // network really gone.
  test('offline, then back online: a clear error, nothing sent, the card kept, and the next press pays', async () => {
    const page = await open('?lang=en');
    await typeCard(page, '4242424242424242');
    await page.context().setOffline(true);
    const offline = await payAndWait(page);
    assert.equal(offline.ok, false);
    assert.match(offline.text, /connect|network/i);
    assert.equal((await stats()).token_requests, 0, 'nothing reached the API');
    await page.context().setOffline(false);
    // A press within 2 s of an answer is a double click's second press: it gets that answer
    // again, with no request (src/api/gate.rs). Back online, a buyer presses after it.
    await page.waitForTimeout(2_100);
    const back = await payAndWait(page);
    assert.ok(back.ok, back.text);
    assert.equal((await stats()).tokens_created, 1);
  });

  // The token is made, then the shop's own server cannot be reached: the demo must not blame the
  // card, and it must not let the buyer pay twice. Here the charge is made and its answer lost,
  // the worst case. The buyer reloads (the tab keeps the order) and pays again: the same charge
  // comes back (the server charges an order once).
  test("the shop's answer to the charge is lost: an honest message, and paying again after a reload gets the same charge, not a second", async () => {
    const page = await open('?lang=en');
    await typeCard(page, '4242424242424242');
    let first;
    await page.route('**/charge', async (route) => {
      first = await (await route.fetch()).json();
      await route.abort('connectionreset');
    });
    const lost = await payAndWait(page);
    assert.equal(lost.ok, false);
    assert.match(lost.text, /Could not reach the shop.*not be charged twice/);
    assert.doesNotMatch(lost.text, /issuer|another card/);
    assert.match(first.id, /^ch_/, 'the charge was made');
    await page.unroute('**/charge');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    if (current.mode === 'isolated') await page.locator('iframe.payjp-frame').first().contentFrame().locator('.payjp-input').first().waitFor();
    await typeCard(page, '4242424242424242');
    const again = await payAndWait(page);
    assert.ok(again.ok, again.text);
    assert.ok(again.text.includes(first.id), `the same charge (${first.id}): ${again.text}`);
  });

  test('a slip in the e-mail domain gets a one-tap correction when the buyer leaves the input', async () => {
    const page = await open('?lang=en');
    const email = page.locator('#email');
    const hint = page.locator('#email-suggest');
    await email.fill('taro@docomo.ne.jo');
    await email.press('Tab');
    await hint.waitFor({ state: 'visible' });
    assert.equal(await hint.textContent(), 'Did you mean taro@docomo.ne.jp? (tap to correct)');
    // Typing again takes it away; leaving again brings it back.
    await email.press('End');
    await page.keyboard.type(' ');
    assert.equal(await hint.isHidden(), true);
    await email.fill('taro@gmial.com');
    await email.press('Tab');
    await page.waitForFunction(() => document.getElementById('email-suggest').textContent.includes('taro@gmail.com'));
    await hint.click();
    assert.equal(await email.inputValue(), 'taro@gmail.com');
    assert.equal(await hint.isHidden(), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'email');
    // Nothing went to the API for it.
    assert.equal((await stats()).token_requests, 0);
  });

  test('invalid fields are flagged and nothing is sent', async () => {
    const page = await open('?lang=en&tds=0');
    current.secrets.push('4242424242');
    await field(page, '.payjp-number').click();
    await page.keyboard.type('4242424242');
    const result = await payAndWait(page);
    assert.equal(result.text, 'Your card number is incomplete.');
    assert.equal(await field(page, '.payjp-number').getAttribute('aria-invalid'), 'true');
    assert.equal((await focusedClass(page)).includes('payjp-number'), true);
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
    // As a buyer does, start typing once the caret is in the field (focus crosses into the
    // payment origin's frame, another process, and a key pressed meanwhile goes nowhere).
    await field(page, '.payjp-number').evaluate((el) => new Promise((resolve) => {
      if (el.ownerDocument.activeElement === el) return resolve();
      el.addEventListener('focus', resolve, { once: true });
    }));
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
    await field(page, '.payjp-number').click();
    await page.keyboard.type('378282246310005');
    await field(page, '.payjp-expiry').click();
    await page.keyboard.type('1230');
    await field(page, '.payjp-cvc').click();
    await page.keyboard.type('987');
    let result = await payAndWait(page);
    assert.equal(result.text, "Your card's security code is incomplete.");
    await field(page, '.payjp-cvc').click();
    await page.keyboard.type('6');
    result = await payAndWait(page);
    assert.ok(result.ok, result.text);
    assert.match(result.text, /American Express •••• 0005/);
  });

  /** The badge's text: inside its frame of the payment origin when isolated. */
  const badgeText = async (page) => {
    if (mode === 'direct') return page.locator('#badge').textContent();
    const badge = page.locator('#badge iframe.payjp-badge-frame').contentFrame().locator('.payjp-badge');
    await badge.waitFor();
    return badge.textContent();
  };

  test('both locales label the fields', async () => {
    const page = await open('?lang=en');
    assert.equal(await field(page, '.payjp-number').getAttribute('aria-label'), 'Card number');
    assert.match(await badgeText(page), /TEST MODE/);
    await page.goto(`${server.merchant}/?lang=ja&tds=0${mode === 'direct' ? '&isolation=none' : ''}`);
    await page.waitForSelector('body[data-ready="true"]');
    // The page's label, カード情報, leads the name of each of the combined element's inputs.
    assert.equal(await field(page, '.payjp-number').getAttribute('aria-label'), 'カード情報 カード番号');
    assert.match(await badgeText(page), /テストモード/);
  });

  // In isolated mode, split fields are three frames of the payment origin: Chromium fills across
  // frames of one origin.
  for (const [name, query] of [['fills the fields', ''], ['fills split fields too', '?split=1']]) {
    test(`Chromium's card autofill ${name} and the card pays`, async () => {
      const page = await open(query);
      current.secrets.push('4242424242424242', CVC);
      // The DevTools protocol's Autofill.trigger fills a form as the autofill menu does.
      const target = await cdpField(page, 'payjp-number');
      await target.cdp.send('Autofill.trigger', {
        fieldId: target.backendNodeId,
        ...(target.frameId ? { frameId: target.frameId } : {}),
        card: { number: '4242424242424242', name: 'TARO YAMADA', expiryMonth: '12', expiryYear: '2030', cvc: CVC },
      });
      await field(page, '.payjp-cvc').evaluate((el) => new Promise((resolve) => {
        const check = () => (el.value !== '' ? resolve() : setTimeout(check, 50));
        check();
      }));
      assert.equal(await field(page, '.payjp-number').inputValue(), '4242 4242 4242 4242');
      assert.match(await field(page, '.payjp-expiry').inputValue(), /^12 \/ (20)?30$/);
      const result = await payAndWait(page);
      assert.ok(result.ok, result.text);
    });
  }

  test('backspace in an empty field goes back to the previous one', async () => {
    const page = await open();
    current.secrets.push('4242424242424242');
    await field(page, '.payjp-number').click();
    await page.keyboard.type('4242424242424242'); // focus moves to the expiry
    await page.keyboard.type('12');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    assert.equal(await field(page, '.payjp-expiry').inputValue(), '');
    // Empty: the same key press moves back to the number and goes on deleting there, as one
    // continuous run of Backspace would in a single field.
    await page.keyboard.press('Backspace');
    assert.equal((await focusedClass(page)).includes('payjp-number'), true);
    assert.equal(await field(page, '.payjp-number').inputValue(), '4242 4242 4242 424');
  });
  });
}
