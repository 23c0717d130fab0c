// 3-D Secure end to end on PAY.JP's protocol, in Chromium and Firefox (WebDriver), against the
// devserver's issuer on an origin of its own:
// - the demo checkout in both isolation modes with the iframe, subwindow and redirect workflows,
//   and `auto` (a popup on a desktop browser, a redirect in LINE's in-app browser);
// - charge-level 3-D Secure with openThreeDSecureIframe and openThreeDSecureDialog, and a
//   customer's saved card through a 3-D Secure request (tdsr_), on a page with no card fields,
//   each finished by the merchant's server with its secret key;
// - the ways a challenge ends badly: cancelled at the issuer, with the close button, by closing
//   the popup; timed out; a blocked popup (the dialog instead); an issuer that refuses to be
//   framed (the buyer opens it in a window, and the same token gets through);
// - attacks: a return this browser did not start (an attacker's verified token in an old
//   `?payjp_tds_token=` link, a made-up state), a forged `back` or `back_url`, the launcher asked
//   to send the buyer elsewhere (from the shop, from a stranger's own page, by a cookie the
//   stranger plants on the shared host), and a page that tries to drive the devserver's control
//   endpoints.
// After each test: no card digit reached the merchant's server.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { controlDevserver, startDevserver, startThirdOrigin } from '../e2e/harness.mjs';
import { eachBrowser } from '../webdriver.mjs';

const KEY = 'pk_test_0123456789abcdef01234567';
const SECRET = 'sk_test_0123456789abcdef01234567';
const NUMBER = '4242424242424242';
const UNEXPECTED = 'The card verification (3-D Secure) result could not be confirmed. Please start the payment again.';
const CANCELLED = 'Card verification (3-D Secure) was cancelled. Please try again.';

let server;
let third;

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** PAY.JP's server API as the merchant's backend calls it: a form, Basic auth with `key`. */
async function api(method, path, form, key = SECRET) {
  const r = await fetch(`${server.apiBase}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: form && new URLSearchParams(form).toString(),
  });
  return r.json();
}

const token = (tds = false) =>
  api('POST', '/tokens', {
    'card[number]': NUMBER, 'card[cvc]': '123', 'card[exp_month]': '12', 'card[exp_year]': '2040',
    ...(tds ? { 'card[name]': 'TARO YAMADA', 'card[email]': 'taro@example.jp', three_d_secure: 'true' } : {}),
  }, KEY);

before(async () => {
  const port = await freePort();
  const merchant = `http://localhost:${port}`;
  server = await startDevserver([
    '--rate', '100', '--merchant-addr', `127.0.0.1:${port}`, '--allow-origin', merchant,
    // Direct mode's redirect comes back to a page of the merchant, registered under a name.
    '--tds-redirect', `direct=${merchant}/?lang=en&isolation=none&tds_workflow=redirect&tds_redirect=direct`,
  ]);
  third = await startThirdOrigin({
    // A stranger's page that launches a redirect checkout returning to itself.
    '/plant': `<!doctype html><script>
const q = new URLSearchParams(location.search);
const launch = new URLSearchParams({ launch: q.get('api') + '/tds/' + q.get('id') + '/start?publickey=${KEY}&back=payjp-wasm', state: 'cd'.repeat(16), return: location.origin + '/landed' });
location.href = q.get('pay') + '/tds-return.html#' + launch;
</script>`,
    // The same stranger writes the launcher's cookie itself (same host as the payment origin).
    '/cookie': `<!doctype html><body><script>
document.cookie = 'payjp_tds_launch=' + 'cd'.repeat(16) + '.' + encodeURIComponent(location.origin + '/landed') + '; path=/tds-return.html; max-age=600';
document.body.dataset.done = 'true';
</script></body>`,
    // Where it wants buyers: it would take over the shop's tab.
    '/landed': `<!doctype html><title>landed</title><script>try { opener.location = location.origin + '/tabnabbed'; } catch {}</script>`,
    // A page in the developer's browser that tries to switch 3-D Secure to "always verified".
    '/drive': `<!doctype html><body><form id="f" method="post" enctype="text/plain" action="${server.apiBase.replace(/\/v1$/, '')}/__control/tds" target="sink">
<input name='{"mode":"auto","outcome":"verified","x":"' value='"}'></form><iframe name="sink"></iframe><script>
fetch('${server.apiBase.replace(/\/v1$/, '')}/__control/tds', { method: 'POST', mode: 'no-cors', body: '{"mode":"auto","outcome":"verified"}' })
  .finally(() => fetch('${server.apiBase.replace(/\/v1$/, '')}/__control/faults', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"fault":"drop","count":9}' }))
  .finally(() => { document.getElementById('f').submit(); setTimeout(() => (document.body.dataset.done = 'true'), 500); });
</script></body>`,
  });
});
after(async () => {
  await third?.stop();
  await server?.stop();
});

eachBrowser((live, s) => {
  const { browser } = live;
  beforeEach(async () => {
    // Also the issuer's switches: it asks, and may be framed.
    await controlDevserver(server, '/__control/reset', {});
    await s.mainWindowOnly();
  });

  async function open(query) {
    await s.goto(`${server.merchant}/?lang=en&${query}`);
    await s.waitFor(() => document.body.dataset.ready === 'true', { what: 'the checkout' });
  }

  async function fill(isolated) {
    const put = async (selector, text) => {
      if (isolated) await s.enterFrame('#card-element iframe.payjp-frame');
      await s.type(await s.waitForElement(selector), text);
      await s.top();
    };
    await put('.payjp-number', NUMBER);
    await put('.payjp-expiry', '1230');
    await put('.payjp-cvc', '987');
    await s.run(() => {
      document.getElementById('name').value = 'TARO YAMADA';
      document.getElementById('email').value = 'taro@example.jp';
    });
  }

  /** Enters the issuer's page in the dialog: inside the challenge frame (isolated) or not. */
  async function enterIssuer(isolated) {
    await s.waitForElement('dialog.payjp-tds');
    if (isolated) await s.enterFrame('dialog.payjp-tds iframe');
    await s.enterFrame('iframe.payjp-tds-frame');
  }

  async function authenticate(choice = 'verified') {
    if (choice === 'verified') await s.type(await s.waitForElement('#code'), '123456');
    await s.click(await s.waitForElement(`button[value="${choice}"]`));
  }

  /** Completes the challenge in the dialog, and comes back to the page. */
  async function inDialog(choice = 'verified', isolated = true) {
    await enterIssuer(isolated);
    await authenticate(choice);
    await s.top();
  }

  /** Completes the challenge in a popup, and comes back to `main`. */
  async function inPopup(main, known, choice = 'verified') {
    await s.switchToNewWindow(known);
    await authenticate(choice);
    await s.switchTo(main);
  }

  const result = () =>
    s.waitFor(() => {
      const r = document.getElementById('result');
      return r && ['ok', 'error'].includes(r.className) && { ok: r.className === 'ok', text: r.textContent };
    }, { timeout: 30_000, what: 'the result' });

  async function noCardReachedTheMerchant() {
    const log = JSON.stringify(await (await fetch(`${server.merchant}/__log`)).json());
    assert.doesNotMatch(log, new RegExp(`${NUMBER}|card\\[`), 'no card data reached the merchant');
  }

  for (const isolated of [true, false]) {
    const mode = isolated ? 'isolated' : 'direct';
    const q = isolated ? '' : 'isolation=none&';

    test(`[${mode}] iframe workflow: the challenge in a dialog, a verified token, paid`, async () => {
      await open(`${q}tds_workflow=iframe`);
      await fill(isolated);
      await s.click(await s.find('#pay'));
      await inDialog('verified', isolated);
      const r = await result();
      assert.ok(r.ok, r.text);
      assert.equal(await s.run(() => document.querySelectorAll('dialog.payjp-tds').length), 0, 'the dialog is gone');
      await noCardReachedTheMerchant();
    });

    test(`[${mode}] subwindow workflow: the challenge in a popup opened by the click`, async () => {
      await open(`${q}tds_workflow=subwindow`);
      await fill(isolated);
      const main = await s.window();
      const known = await s.windows();
      await s.click(await s.find('#pay'));
      await inPopup(main, known);
      const r = await result();
      assert.ok(r.ok, r.text);
      await s.waitFor(() => true);
      assert.equal((await s.windows()).length, 1, 'the popup closed');
      await noCardReachedTheMerchant();
    });

    test(`[${mode}] redirect workflow: to the issuer and back, finished on return`, async () => {
      await open(`${q}tds_workflow=redirect${isolated ? '' : '&tds_redirect=direct'}`);
      await fill(isolated);
      await s.click(await s.find('#pay'));
      await s.waitFor(() => location.pathname.startsWith('/issuer/'), { what: 'the issuer' });
      await authenticate();
      await s.waitFor((m) => location.origin === m && document.body.dataset.ready === 'true', { args: [server.merchant], what: 'the checkout again' });
      const r = await result();
      assert.ok(r.ok, r.text);
      const url = await s.run(() => location.href);
      assert.doesNotMatch(url, /payjp_tds/, 'the state is gone from the address bar');
      await noCardReachedTheMerchant();
    });
  }

  test('auto: a popup on a desktop browser', async () => {
    await open('tds_workflow=auto');
    await fill(true);
    const main = await s.window();
    const known = await s.windows();
    await s.click(await s.find('#pay'));
    await inPopup(main, known);
    assert.ok((await result()).ok);
  });

  test("auto: a redirect in LINE's in-app browser", async () => {
    await open('tds_workflow=auto');
    await fill(true);
    await s.run(() => {
      Object.defineProperty(navigator, 'userAgent', { get: () => 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.9.0' });
    });
    const windows = (await s.windows()).length;
    await s.click(await s.find('#pay'));
    await s.waitFor(() => location.pathname.startsWith('/issuer/'), { what: 'the issuer, in this tab' });
    assert.equal((await s.windows()).length, windows, 'no popup');
    await authenticate();
    await s.waitFor((m) => location.origin === m && document.body.dataset.ready === 'true', { args: [server.merchant] });
    assert.ok((await result()).ok);
  });

  /**
   * Runs `method(id)` of an isolated Payjp instance on a page with no card fields, from a
   * button the buyer clicks (a sub-window must open inside a click). Resolves with what the
   * promise gave: `{ resolved }` or `{ rejected: { code, message } }`.
   */
  async function openFromClick(method, id, challenge) {
    await s.goto(`${server.merchant}/?lang=en&tds=0`);
    await s.waitFor(() => document.body.dataset.ready === 'true');
    await s.run(() => {
      window.__outcome = undefined;
      import('/pkg/index.js').then(async ({ Payjp }) => {
        const config = await (await fetch('/demo-config.json')).json();
        window.__payjp = Payjp(config.publicKey, { locale: 'en', apiBase: config.apiBase, frameOrigin: new URL(config.apiBase).origin });
      });
    });
    await s.waitFor(() => !!window.__payjp, { what: 'a Payjp instance' });
    await s.run((m, challengeId) => {
      const button = document.createElement('button');
      button.id = 'open-tds';
      button.textContent = 'Verify';
      document.body.prepend(button);
      button.addEventListener('click', () => {
        window.__payjp[m](challengeId).then(
          (v) => (window.__outcome = { resolved: v === undefined ? 'undefined' : v }),
          (e) => (window.__outcome = { rejected: { code: e.code, message: e.message, isError: Object.prototype.toString.call(e) === '[object Error]' } }),
        );
      });
    }, method, id);
    const main = await s.window();
    const known = await s.windows();
    await s.click(await s.find('#open-tds'));
    if (challenge === 'window') await inPopup(main, known);
    else if (challenge === 'frame') {
      await inDialog();
    } else await challenge(main, known);
    return s.waitFor(() => window.__outcome, { what: 'the promise' });
  }

  for (const [method, where] of [['openThreeDSecureIframe', 'frame'], ['openThreeDSecureDialog', 'window']]) {
    test(`charge-level 3-D Secure with ${method}, finished by the server`, async () => {
      const t = await token();
      const charge = await api('POST', '/charges', { card: t.id, amount: '3980', currency: 'jpy', three_d_secure: 'true' });
      assert.equal(charge.three_d_secure_status, 'unverified');
      const outcome = await openFromClick(method, charge.id, where);
      assert.deepEqual(outcome, { resolved: 'undefined' }, 'resolves with nothing, as payjp.js v2');
      const done = await api('POST', `/charges/${charge.id}/tds_finish`);
      assert.equal(done.paid, true);
      assert.equal(done.three_d_secure_status, 'verified');
    });
  }

  test("a customer's saved card: a 3-D Secure request in a sub-window", async () => {
    const t = await token();
    const customer = await api('POST', '/customers', { card: t.id, email: 'taro@example.jp' });
    const request = await api('POST', '/three_d_secure_requests', { resource_id: customer.default_card });
    assert.match(request.id, /^tdsr_/);
    const outcome = await openFromClick('openThreeDSecureDialog', request.id, 'window');
    assert.deepEqual(outcome, { resolved: 'undefined' });
    const finished = await api('GET', `/three_d_secure_requests/${request.id}`);
    assert.equal(finished.state, 'finished');
    assert.equal(finished.three_d_secure_status, 'verified');
  });

  test('openThreeDSecureIframe rejects with an Error when the buyer cancels at the issuer', async () => {
    const t = await token();
    const charge = await api('POST', '/charges', { card: t.id, amount: '3980', currency: 'jpy', three_d_secure: 'true' });
    const outcome = await openFromClick('openThreeDSecureIframe', charge.id, async () => {
      await enterIssuer(true);
      await s.top();
      await s.enterFrame('dialog.payjp-tds iframe');
      await s.click(await s.waitForElement('.payjp-tds-close'));
      await s.top();
    });
    assert.deepEqual(outcome, { rejected: { code: 'three_d_secure_aborted', message: CANCELLED, isError: true } });
  });

  test('cancelled at the issuer, or by closing the popup: three_d_secure_aborted', async () => {
    await open('tds_workflow=iframe');
    await fill(true);
    await s.click(await s.find('#pay'));
    await inDialog('aborted');
    assert.equal((await result()).text, CANCELLED);
    await s.run(() => document.getElementById('result').className = '');
    await s.goto(`${server.merchant}/?lang=en&tds_workflow=subwindow`);
    await s.waitFor(() => document.body.dataset.ready === 'true');
    await fill(true);
    const main = await s.window();
    const known = await s.windows();
    await s.click(await s.find('#pay'));
    await s.switchToNewWindow(known);
    await s.waitForElement('#code');
    await s.call('DELETE', '/window');
    await s.switchTo(main);
    assert.equal((await result()).text, CANCELLED);
  });

  test('a failed challenge, and a hanging issuer that times out', async () => {
    await open('tds_workflow=iframe&tds_timeout=3000');
    await fill(true);
    await s.click(await s.find('#pay'));
    await inDialog('failed');
    assert.equal((await result()).text, 'Card verification (3-D Secure) failed. Please try another card.');
    await controlDevserver(server, '/__control/tds', { mode: 'hang', key: KEY });
    await s.run(() => (document.getElementById('result').className = ''));
    await new Promise((r) => setTimeout(r, 2100)); // the token client's cool-down
    await s.click(await s.find('#pay'));
    assert.equal((await result()).text, 'Card verification (3-D Secure) was not completed in time. Please try again.');
    assert.equal(await s.run(() => document.querySelectorAll('dialog.payjp-tds').length), 0, 'the dialog closed');
  });

  test('a blocked popup: the dialog instead, with a warning', async () => {
    await open('tds_workflow=subwindow');
    await fill(true);
    await s.run(() => {
      window.open = () => null;
      window.__warnings = [];
      const warn = console.warn;
      console.warn = (...a) => (window.__warnings.push(a.join(' ')), warn(...a));
    });
    await s.click(await s.find('#pay'));
    await inDialog();
    assert.ok((await result()).ok);
    assert.match((await s.run(() => window.__warnings)).join('\n'), /3-D Secure window was blocked; using a dialog/);
  });

  test('an issuer that refuses to be framed: the buyer opens it in a window, and the same token pays', async () => {
    await controlDevserver(server, '/__control/tds', { frame: false });
    await open('tds_workflow=iframe');
    await fill(true);
    await s.click(await s.find('#pay'));
    await s.waitForElement('dialog.payjp-tds');
    await s.enterFrame('dialog.payjp-tds iframe');
    const main = await s.window();
    const known = await s.windows();
    await s.click(await s.waitForElement('.payjp-tds-window'));
    await s.top();
    await inPopup(main, known);
    const r = await result();
    assert.ok(r.ok, r.text);
    assert.equal((await controlDevserver(server, `/__control/stats?key=${KEY}`)).tokens_created, 1, 'one token');
  });

  test("a return this browser did not start finishes nothing: an attacker's verified token, a made-up state", async () => {
    // The attacker makes a token of their own card and passes its challenge.
    const attacker = await token(true);
    const start = await fetch(`${server.apiBase}/tds/${attacker.id}/start?publickey=${KEY}&back=payjp-wasm`, { redirect: 'manual' });
    const issuerUrl = start.headers.get('location');
    const session = new URL(issuerUrl).searchParams.get('s');
    const chosen = await fetch(new URL(`/issuer/${attacker.id}`, issuerUrl), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `s=${session}&code=123456&choice=verified` });
    await fetch(chosen.headers.get('location'), { redirect: 'manual' });
    for (const link of [`payjp_tds_token=${attacker.id}&tds_workflow=redirect`, `tds_workflow=redirect#payjp_tds=${'a1'.repeat(16)}`, `isolation=none&tds_workflow=redirect&tds_redirect=direct&payjp_tds_token=${attacker.id}`]) {
      await s.goto(`${server.merchant}/?lang=en&${link}`);
      const r = await result();
      assert.equal(r.ok, false, link);
      assert.equal(r.text, UNEXPECTED, link);
    }
    const after = await api('GET', `/tokens/${attacker.id}`);
    assert.equal(after.card.three_d_secure_status, 'unverified', 'tds_finish was never called');
    assert.equal(after.used, false, 'nothing was charged');
    const log = await (await fetch(`${server.merchant}/__log`)).json();
    assert.equal(log.filter((e) => e.uri === '/charge').length, 0);
  });

  test('forged returns are refused where the browser lands: a raw back, a back_url signed with alg none, the launcher sending elsewhere', async () => {
    const t = await token(true);
    const payment = server.apiBase.replace(/\/v1$/, '');
    const none = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    for (const [what, query, param] of [
      ['a raw URL', `back=${encodeURIComponent(`${third.origin}/steal`)}`, 'back'],
      ['alg none', `back_url=${none({ alg: 'none' })}.${none({ url: `${third.origin}/steal` })}.`, 'back_url'],
    ]) {
      await s.goto(`${server.apiBase}/tds/${t.id}/start?publickey=${KEY}&${query}`);
      const page = await s.waitFor(() => document.body && { url: location.href, text: document.body.textContent });
      assert.ok(page.url.startsWith(payment), `${what}: stays on the payment origin`);
      assert.equal(JSON.parse(page.text).error.param, param, what);
    }
    const launch = new URLSearchParams({ launch: `${server.apiBase}/tds/${t.id}/start?publickey=${KEY}&back=payjp-wasm`, state: 'b2'.repeat(16), return: `${third.origin}/steal` });
    await s.goto(`${payment}/tds-return.html#${launch}`);
    await s.waitFor(() => /cannot be used/.test(document.getElementById('status')?.textContent ?? ''), { what: 'the launcher to refuse' });
    assert.ok((await s.run(() => location.href)).startsWith(payment), 'the launcher went nowhere');
  });

  test('a stranger cannot make the launcher send buyers to it: not by launching from its own page, not with a cookie it plants on the shared host', async () => {
    const payment = server.apiBase.replace(/\/v1$/, '');
    const t = await token(true);
    // 1. A page of its own launches with a return to itself (the referrer matches the return).
    await s.goto(`${third.origin}/plant?api=${encodeURIComponent(server.apiBase)}&pay=${encodeURIComponent(payment)}&id=${t.id}`);
    await s.waitFor(() => /cannot be used/.test(document.getElementById('status')?.textContent ?? ''), { what: 'the launcher to refuse' });
    assert.ok((await s.run(() => location.href)).startsWith(`${payment}/tds-return.html`), 'the launcher went nowhere');
    // 2. Cookies ignore ports: the stranger (127.0.0.1, another port) writes the launcher's cookie.
    await s.goto(`${third.origin}/cookie`);
    await s.waitFor(() => document.body?.dataset.done === 'true', { what: 'the cookie to be planted' });
    // A buyer pays with the subwindow workflow; the popup's return page must not go to the
    // stranger (whose page would then navigate the shop's tab, its opener).
    await open('tds_workflow=subwindow');
    await fill(true);
    const main = await s.window();
    const known = await s.windows();
    await s.click(await s.find('#pay'));
    await inPopup(main, known);
    const r = await result();
    assert.ok(r.ok, r.text);
    assert.ok((await s.run(() => location.href)).startsWith(server.merchant), 'the shop tab is still the shop');
    // A return page opened at the top of a tab with the planted cookie stays where it is.
    await s.goto(`${third.origin}/cookie`);
    await s.waitFor(() => document.body?.dataset.done === 'true', { what: 'the cookie to be planted' });
    await s.goto(`${payment}/tds-return.html`);
    await s.waitFor(() => /close this page/.test(document.getElementById('status')?.textContent ?? ''), { what: 'the return page to stay' });
    assert.ok((await s.run(() => location.href)).startsWith(`${payment}/tds-return.html`));
  });

  test("a page in the developer's browser cannot drive the control endpoints", async () => {
    await s.goto(`${third.origin}/drive`);
    await s.waitFor(() => document.body.dataset.done === 'true', { what: 'the page to try' });
    // The issuer still asks, and no fault was queued.
    const t = await token(true);
    const start = await fetch(`${server.apiBase}/tds/${t.id}/start?publickey=${KEY}&back=payjp-wasm`, { redirect: 'manual' });
    assert.equal(start.status, 302, 'to the issuer, not straight to finish');
    assert.equal((await token()).object, 'token', 'no dropped connection');
  });
});
