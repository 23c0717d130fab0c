// payjp.js v2 integrations as merchants write them, each with only its script tag swapped for our
// drop-in payjp.js, loaded from the payment origin with no data-* at all, in Chromium and Firefox
// (WebDriver). The pages are in tests/conformance/site/:
// - rails:   a Rails 7 + Turbo order form with split fields, set up twice (turbo:load and
//            turbo:render), clear() and a native form.submit();
// - laravel: a combined card styled with Japanese font names, errors shown by the page,
//            requestSubmit();
// - react:   a hook that loads payjp.js at run time and finds the element with getElement();
// - vue:     a platform's page with a tenant and the billing address, posted as FormData;
// - token-level 3-D Secure in the iframe and subwindow workflows;
// - PAY.JP's charge-level 3-D Secure sample, with openThreeDSecureIframe and
//   openThreeDSecureDialog.
// Each: the buyer pays, the merchant's backend gets a token and charges it with PAY.JP's official
// Node library, and nothing the merchant's server receives (form posts, JSON, FormData) holds a
// card digit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT, controlDevserver, startDevserver } from '../e2e/harness.mjs';
import Payjp from 'payjp';
import { eachBrowser } from '../webdriver.mjs';

const KEY = 'pk_test_0123456789abcdef01234567';
const SECRET = 'sk_test_0123456789abcdef01234567';
const NUMBER = '4012888888881881';
const CVC = '987';
const SITE = join(ROOT, 'tests', 'conformance', 'site');

/**
 * `fields`: 'card' (one combined element in #card or #card-element) or 'split';
 * `challenge`: none, 'frame' (the dialog) or 'window' (a popup, or the dialog where it is blocked);
 * `expect`: what the result must say.
 */
const PAGES = [
  { name: 'Rails 7 + Turbo: split fields set up twice, clear() and a native form.submit()', page: 'rails.html', fields: 'split', expect: /^paid/ },
  { name: 'Laravel: a combined card with Japanese font names and requestSubmit()', page: 'laravel.html', fields: 'card', host: '#card-element', expect: /^paid/ },
  { name: 'React: payjp.js loaded at run time, the element found with getElement()', page: 'react.html', fields: 'card', expect: /^paid/ },
  { name: 'Vue: a tenant and the billing address, the form posted as FormData', page: 'vue.html', fields: 'card', expect: /^paid/ },
  { name: 'token-level 3-D Secure, iframe workflow', page: 'tds-token.html?workflow=iframe', fields: 'card', challenge: 'frame', expect: /^paid verified/ },
  { name: 'token-level 3-D Secure, subwindow workflow', page: 'tds-token.html?workflow=subwindow', fields: 'card', challenge: 'window', expect: /^paid verified/ },
  { name: "PAY.JP's charge-level sample with openThreeDSecureIframe", page: 'tds-charge.html?method=iframe', fields: 'card', challenge: 'frame', expect: /^paid verified/ },
  { name: "PAY.JP's charge-level sample with openThreeDSecureDialog", page: 'tds-charge.html?method=dialog', fields: 'card', challenge: 'window', expect: /^paid verified/ },
];

let devserver;
let site;
const log = [];

/**
 * The merchant's backend: serves the pages, takes every kind of post, and charges with PAY.JP's
 * official Node library (payjp 3.1.2), pointed at the devserver: the only change from production.
 * Errors come back as PAY.JP's `{ error }`.
 */
function serveSite(paymentOrigin, apiBase) {
  const payjp = Payjp(SECRET, { apibase: apiBase });
  const answer = (promise) => promise.catch((e) => ({ error: e.body?.error ?? { message: e.message } }));
  // As PAY.JP's guide has it: a token made with three_d_secure is finished by the server before
  // it is used (our SDK finished it in the browser already; tds_finish answers the same token).
  const charge = ({ token, three_d_secure: tds }) =>
    answer(
      (async () => {
        const t = await payjp.tokens.retrieve(token);
        if (t.card.three_d_secure_status) await payjp.tokens.tds_finish(token);
        return payjp.charges.create({ card: token, amount: 3980, currency: 'jpy', ...(tds ? { three_d_secure: true } : {}) });
      })(),
    );
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    log.push(`${req.method} ${req.url} ${body}`);
    const path = new URL(req.url, 'http://x').pathname;
    const json = (value) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (req.method === 'POST') {
      if (path === '/orders') {
        // A native form submission: urlencoded, the token in payjp-token.
        const token = new URLSearchParams(body).get('payjp-token');
        const c = await charge({ token });
        const state = c.error ? 'error' : 'ok';
        const page = `<!doctype html><meta charset="utf-8"><p id="result" data-state="${state}" data-token="${token}">${c.error ? 'error' : 'paid'}</p>`;
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      }
      if (path === '/api/charge') return json(await charge({ token: JSON.parse(body).token }));
      if (path === '/api/charge-form') return json(await charge({ token: /name="token"\r\n\r\n(tok_[0-9a-z]+)/.exec(body)?.[1] }));
      if (path === '/api/charge-3ds') return json(await charge({ token: JSON.parse(body).token, three_d_secure: true }));
      const finish = /^\/api\/charge\/(ch_[0-9a-z]+)\/finish$/.exec(path);
      if (finish) return json(await answer(payjp.charges.tds_finish(finish[1])));
      return res.writeHead(404).end();
    }
    const file = normalize(join(SITE, path));
    if (!file.startsWith(SITE)) return res.writeHead(403).end();
    const content = await readFile(file, 'utf8').catch(() => null);
    if (content === null) return res.writeHead(404).end();
    const type = extname(file) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; script-src 'self' ${paymentOrigin}; connect-src 'self'; frame-src ${paymentOrigin}; img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'`,
    }).end(content.replaceAll('{{PAYMENT}}', paymentOrigin));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function assertNoCardDigits(text, where) {
  for (const secret of [NUMBER, '4012 8888 8888 1881', NUMBER.slice(0, 8), CVC]) {
    assert.doesNotMatch(text, new RegExp(`(^|[^0-9a-z])${secret}([^0-9a-z]|$)`, 'i'), `card digits reached ${where}`);
  }
}

async function typeCard(session, fields, host = '#card') {
  const put = async (frame, input, text) => {
    await session.enterFrame(frame);
    await session.type(await session.waitForElement(input), text);
    await session.top();
  };
  if (fields === 'split') {
    await put('#number-form iframe.payjp-frame', '.payjp-number', NUMBER);
    await put('#expiry-form iframe.payjp-frame', '.payjp-expiry', '1230');
    await put('#cvc-form iframe.payjp-frame', '.payjp-cvc', CVC);
  } else {
    for (const [input, text] of [['.payjp-number', NUMBER], ['.payjp-expiry', '1230'], ['.payjp-cvc', CVC]]) await put(`${host} iframe.payjp-frame`, input, text);
  }
}

/** The test issuer's challenge, in whatever frame the session is in: the code, then Authenticate. */
async function authenticate(session) {
  await session.type(await session.waitForElement('#code'), '123456');
  await session.click(await session.find('button[value="verified"]'));
}

before(async () => {
  devserver = await startDevserver(['--allow-origin', 'http://127.0.0.1:*', '--rate', '100']);
  site = await serveSite(devserver.apiBase.replace(/\/v1$/, ''), devserver.apiBase);
});
after(async () => {
  site?.close();
  await devserver?.stop();
});

eachBrowser((live) => {
  let session;
  before(() => {
    session = live.s;
  });

  for (const p of PAGES) {
    test(p.name, async () => {
      await controlDevserver(devserver, '/__control/reset', {});
      log.length = 0;
      await session.goto(`http://127.0.0.1:${site.address().port}/${p.page}`);
      await session.waitFor(() => document.body.dataset.merchant === 'true', { what: "the merchant's script" });
      await typeCard(session, p.fields, p.host);
      const page = await session.run(() => ({
        frames: document.querySelectorAll('iframe.payjp-frame').length,
        named: [...document.querySelectorAll('input')].filter((i) => /card|cvc|exp/i.test(i.name)).length,
      }));
      assert.equal(page.frames, p.fields === 'split' ? 3 : 1, 'one set of fields, however often the page set itself up');
      assert.equal(page.named, 0, 'no card input in the page');
      if (p.page === 'laravel.html') {
        await session.enterFrame('#card-element iframe.payjp-frame');
        const font = await session.run(() => getComputedStyle(document.querySelector('.payjp-number')).fontFamily);
        await session.top();
        assert.match(font, /メイリオ/, 'the Japanese font names reached the field');
      }
      const main = await session.window();
      const known = await session.windows();
      await session.click(await session.find('#pay'));
      if (p.challenge) {
        // A popup where the browser allows one; the dialog over the page otherwise.
        const inDialog = p.challenge === 'frame' || (await session.waitFor(() => !!document.querySelector('dialog.payjp-tds'), { timeout: 3000, what: 'a dialog' }).then(() => true, () => false));
        if (inDialog) {
          await session.enterFrame('dialog.payjp-tds iframe');
          await session.enterFrame('iframe.payjp-tds-frame');
          await authenticate(session);
          await session.top();
        } else {
          await session.switchToNewWindow(known);
          await authenticate(session);
          await session.switchTo(main);
        }
      }
      const result = await session.waitFor(() => {
        const r = document.getElementById('result');
        return r && ['ok', 'error'].includes(r.dataset.state) && { ...r.dataset, text: r.textContent };
      }, { timeout: 40_000, what: 'the result' });
      assert.equal(result.state, 'ok', result.text);
      assert.match(result.text, p.expect);
      assert.match(result.token, /^tok_[0-9a-z]+$/);
      assert.ok(log.some((l) => l.startsWith('POST ') && l.includes(result.token)), "the merchant's backend got the token");
      assertNoCardDigits(log.join('\n'), "the merchant's server");
      const token = await (await fetch(`${devserver.apiBase}/tokens/${result.token}`, { headers: { authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` } })).json();
      assert.equal(token.card.last4, NUMBER.slice(-4), 'the token is for the card typed');
      if (p.page === 'vue.html') {
        assert.equal(result.city, '渋谷区', 'the billing address went with the token');
        assert.equal(token.card.country, 'JP');
        assert.equal((await controlDevserver(devserver, `/__control/stats?key=${KEY}`)).last_tenant, 'ten_conformance', 'the tenant went with the token');
      }
      if (p.page === 'rails.html') {
        const post = log.find((l) => l.startsWith('POST /orders'));
        assert.match(post, /authenticity_token=rails-csrf-token/);
        assert.deepEqual([...new URLSearchParams(post.split(' ').slice(2).join(' ')).keys()].sort(), ['authenticity_token', 'order[name]', 'payjp-token']);
      }
    });
  }
});
