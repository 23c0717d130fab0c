// Checkout UX and accessibility, end to end, in Chromium and Firefox (WebDriver), isolated and
// direct, against the demo checkout: what a buyer on a phone, with a keyboard only or with a
// screen reader meets. Each test is a behaviour (what the buyer can do or perceive), not a
// snapshot of markup:
// - one submit names every problem (card, name, e-mail) once, marks each field, focuses the
//   first, and sends nothing; each message is in one live region only (ja and en);
// - a paid checkout is confirmed and locked, and charges once however often it is submitted;
// - at 390 and 320 px the whole card number shows (expiry and CVC wrap under it);
// - the error line under an element looks alike in both modes;
// - a press on the card box's padding focuses the card input;
// - inputs are named by the page's labels (voice control), required, and the combined element
//   shows which input has the focus;
// - forced colours keep the pay button's and the 3-D Secure dialog's edges;
// - Enter in a card field starts 3-D Secure, and the focus comes back to the pay button;
// - axe-core finds no violation in the empty, error, 3-D Secure and paid states (the page and
//   every frame of ours);
// - a keyboard-only buyer pays, from the first field to the confirmation.
// Screenshots of those states, at 390 px and at desktop width, go to tests/ux/artifacts/.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, controlDevserver, startCheckoutDevserver } from '../e2e/harness.mjs';
import { KEYS, eachBrowser, startDriver } from '../webdriver.mjs';

const KEY = 'pk_test_0123456789abcdef01234567';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = join(ROOT, 'tests', 'ux', 'artifacts');
const CARD = '#card-element';

let server;

before(async () => {
  server = await startCheckoutDevserver();
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(() => server?.stop());

const stats = () => controlDevserver(server, `/__control/stats?key=${KEY}`);
const charges = async () => (await (await fetch(`${server.merchant}/__log`)).json()).filter((e) => e.uri === '/charge').length;

/** Live regions (alert, status, aria-live) of this document whose text holds `message`. */
function liveRegionsWith(message) {
  return [...document.querySelectorAll('[role=alert],[role=status],[aria-live]')]
    .filter((e) => e.getAttribute('aria-live') !== 'off' && !e.closest('[aria-hidden=true]') && e.textContent.includes(message)).length;
}

/** The card frame's height as its frame reported it, and the placeholder's: the height the page
 * gave it at mount, before the frame was ready (1.5em, or 3.6em when the box is narrower than
 * 23.6em and expiry and CVC will wrap). */
function frameHeights() {
  const frame = document.querySelector('#card-element iframe');
  const { width, height: reported } = frame.getBoundingClientRect();
  const em = parseFloat(getComputedStyle(frame.parentElement).fontSize);
  return { reported, placeholder: (width < 23.6 * em ? 3.6 : 1.5) * em };
}

eachBrowser((live, s) => {
  const { browser } = live;
  beforeEach(async () => {
    await controlDevserver(server, '/__control/reset', {});
    await s.size(1280, 900);
    await s.top();
  });

  for (const isolated of [true, false]) {
    const mode = isolated ? 'isolated' : 'direct';
    const q = isolated ? '' : 'isolation=none&';

    async function open(query = '', session = s) {
      await session.goto(`${server.merchant}/?${q}${query}`);
      await session.waitFor(() => document.body.dataset.ready === 'true', { what: 'the checkout' });
      // Every card element rendered (isolated: its frame is ready).
      await session.waitFor(() => [...document.querySelectorAll('.field')].filter((f) => f.offsetParent).every((f) => f.querySelector('.payjp-input, iframe.payjp-frame[style*=height]')), { what: 'the card fields' });
    }

    /** Runs `fn` where the inputs of the element in `where` live: its frame, or the page. */
    async function inCard(fn, args = [], where = CARD, session = s) {
      if (isolated) await session.enterFrame(`${where} iframe.payjp-frame`);
      try {
        return await session.run(fn, ...args);
      } finally {
        if (isolated) await session.top();
      }
    }

    async function type(selector, text, where = CARD, session = s) {
      if (isolated) await session.enterFrame(`${where} iframe.payjp-frame`);
      await session.type(await session.waitForElement(`${isolated ? '' : `${where} `}${selector}`), text);
      await session.top();
    }

    async function focusInput(selector, where = CARD) {
      if (isolated) await s.enterFrame(`${where} iframe.payjp-frame`);
      await s.click(await s.waitForElement(`${isolated ? '' : `${where} `}${selector}`));
      await s.top();
    }

    async function fill({ number = '4242424242424242', expiry = '1230', cvc = '123', name = 'TARO YAMADA', email = 'taro@example.jp' } = {}, session = s) {
      if (number) await type('.payjp-number', number, CARD, session);
      if (expiry) await type('.payjp-expiry', expiry, CARD, session);
      if (cvc) await type('.payjp-cvc', cvc, CARD, session);
      await session.run((n, e) => {
        document.getElementById('name').value = n;
        document.getElementById('email').value = e;
      }, name, email);
    }

    const result = (session = s) =>
      session.waitFor(() => {
        const r = document.getElementById('result');
        return ['ok', 'error'].includes(r.className) && { ok: r.className === 'ok', text: r.textContent };
      }, { timeout: 30_000, what: 'the result' });

    /** The buyer cancels the challenge with its close button (Escape is the tds suite's). */
    async function closeChallenge() {
      if (isolated) await s.enterFrame('dialog.payjp-tds iframe');
      await s.click(await s.waitForElement('.payjp-tds-close'));
      await s.top();
    }

    async function shoot(name) {
      writeFileSync(join(ARTIFACTS, `${browser}-${mode}-${name}.png`), await s.screenshot());
    }

    /**
     * axe-core on the page and on every frame of ours in it; resolves with the violations. In a
     * frame, the rules about a whole page (one main landmark, a level-one heading, all content
     * in landmarks) are off: a frame's content sits inside the page's form, as axe itself
     * treats frames when it runs from the top.
     */
    async function axe() {
      const run = async (frame) => {
        await s.run(AXE);
        const rules = frame ? { 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false }, region: { enabled: false } } : {};
        return s.run(`return axe.run(document, { iframes: false, resultTypes: ['violations'], rules: arguments[0] })
          .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`, rules);
      };
      const found = (await run(false)).map((v) => `page ${v}`);
      if (isolated) {
        const frames = await s.run(() => [...document.querySelectorAll('iframe.payjp-frame, iframe.payjp-badge-frame, dialog.payjp-tds > iframe')].map((f, i) => {
          f.dataset.axe = String(i);
          return i;
        }));
        for (const i of frames) {
          await s.enterFrame(`iframe[data-axe="${i}"]`);
          found.push(...(await run(true)).map((v) => `frame ${i} ${v}`));
          await s.top();
        }
      }
      return found;
    }

    test(`[${mode}] one submit names every problem once, marks each field, focuses the first, and sends nothing (ja and en)`, async () => {
      for (const lang of ['ja', 'en']) {
        await open(`lang=${lang}`);
        await fill({ expiry: '', cvc: '', name: 'T', email: 'taro@' });
        await s.click(await s.find('#pay'));
        const problems = await s.waitFor(() => !document.getElementById('problems').hidden && [...document.querySelectorAll('#problems-list a')].map((a) => a.textContent), { what: 'the problems' });
        assert.equal(problems.length, 4, `${lang}: name, e-mail, expiry and CVC: ${problems}`);
        for (const p of problems) assert.equal(/[\u3040-\u30ff\u4e00-\u9fff]/.test(p), lang === 'ja', `${lang}: ${p}`);
        const page = await s.run(() => ({
          active: document.activeElement.id,
          result: document.getElementById('result').textContent,
          name: [document.getElementById('name').getAttribute('aria-invalid'), document.getElementById('name-error').textContent],
          email: [document.getElementById('email').getAttribute('aria-invalid'), document.getElementById('email-error').textContent],
          cardLine: document.querySelector('#card-element .payjp-error').textContent,
        }));
        assert.equal(page.active, 'name', `${lang}: the first problem in the form's order has the focus`);
        assert.equal(page.result, '', `${lang}: the status line repeats nothing`);
        assert.deepEqual(page.name, ['true', problems[0]]);
        assert.deepEqual(page.email, ['true', problems[1]]);
        assert.equal(page.cardLine, problems[2], `${lang}: the card's first problem shows under it`);
        // Every message is in one live region at most, across the page and the card's frame.
        for (const message of problems) {
          const inPage = await s.run(liveRegionsWith, message);
          const inFrame = isolated ? await inCard(liveRegionsWith, [message]) : 0;
          assert.ok(inPage + inFrame <= 1, `${lang}: "${message}" is announced by ${inPage + inFrame} live regions`);
        }
        // The combined element: only the input whose error shows is described by it.
        const described = await inCard(() => [...document.querySelectorAll('.payjp-input')].map((i) => [i.getAttribute('aria-invalid'), i.getAttribute('aria-describedby') !== null]));
        assert.deepEqual(described, [['false', false], ['true', true], ['true', false]], `${lang}: number, expiry, CVC`);
        if (lang === 'en') await shoot('errors-desktop');
      }
      assert.equal((await stats()).token_requests, 0, 'nothing was sent');
    });

    test(`[${mode}] with only the card at fault, the card field at fault takes the focus; fixing a field clears its mark`, async () => {
      await open('lang=en');
      await fill({ cvc: '' });
      await s.click(await s.find('#pay'));
      await s.waitFor(() => !document.getElementById('problems').hidden, { what: 'the problems' });
      // The controller sends the focus beside the answer: it may land a moment after the summary
      // (seconds, on a machine running other browsers at once).
      let focused = '';
      for (let i = 0; i < 100 && !/payjp-cvc/.test(focused); i++) {
        focused = String(await inCard(() => document.hasFocus() && document.activeElement.className));
        if (!/payjp-cvc/.test(focused)) await new Promise((r) => setTimeout(r, 100));
      }
      const top = await s.run(() => `${document.hasFocus()} ${document.activeElement.tagName}#${document.activeElement.id}`);
      assert.match(focused, /payjp-cvc/, `the page: focus ${top}`);
      await s.run(() => {
        document.getElementById('name').value = '';
      });
      await s.click(await s.find('#name'));
      await s.keys('T');
      assert.equal(await s.run(() => document.getElementById('name').getAttribute('aria-invalid')), 'false');
    });

    test(`[${mode}] a paid checkout is confirmed and locked, and a second submit charges nothing`, async () => {
      await open('lang=en&tds=0');
      await fill();
      await s.click(await s.find('#pay'));
      const r = await result();
      assert.ok(r.ok, r.text);
      const after = await s.run(() => ({
        disabled: document.getElementById('pay').disabled,
        label: document.getElementById('pay').textContent,
        active: document.activeElement.id,
        inputs: ['name', 'email', 'tds'].map((id) => document.getElementById(id).disabled),
      }));
      assert.deepEqual(after, { disabled: true, label: 'Paid', active: 'result', inputs: [true, true, true] });
      assert.equal(await inCard(() => document.querySelector('.payjp-number').disabled), true, 'the card is locked');
      await shoot('paid-desktop');
      // However the form is submitted again, nothing more is charged.
      await s.run(() => {
        const pay = document.getElementById('pay');
        pay.disabled = false;
        pay.click();
        document.getElementById('pay-form').requestSubmit();
      });
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await charges(), 1, 'one charge request');
      assert.equal((await stats()).tokens_created, 1, 'one token');
    });

    test(`[${mode}] at 390 and 320 px the whole card number shows, with expiry and CVC under it`, async () => {
      for (const width of [390, 320]) {
        // Firefox keeps a window at least 500 px wide: there the page itself is narrowed to the
        // phone's width (the demo's phone layout is a container query on the page's width).
        await s.size(width, 900);
        await open('lang=en');
        // Phones' scrollbars overlay the page; a desktop browser's would take 15 px of it.
        const viewport = await s.run((w) => {
          if (window.innerWidth > w) document.documentElement.style.width = `${w}px`;
          document.documentElement.style.scrollbarWidth = 'none';
          return document.body.clientWidth;
        }, width);
        assert.ok(viewport <= width, `${browser} went down to ${viewport} px`);
        await fill({ number: '4242424242424242', expiry: '', cvc: '' });
        const layout = await inCard(() => {
          const [n, e, c] = [...document.querySelectorAll('.payjp-input')];
          const [rn, re, rc] = [n, e, c].map((i) => i.getBoundingClientRect());
          return { overflow: n.scrollWidth - n.clientWidth, numberWidth: rn.width, wrapped: re.top >= rn.bottom && rc.top >= rn.bottom };
        });
        assert.ok(layout.overflow <= 0, `${width}px: the number overflows by ${layout.overflow}px (its input is ${layout.numberWidth}px)`);
        assert.ok(layout.wrapped, `${width}px: expiry and CVC wrap under the number`);
        if (isolated) {
          // The box had this size before its frame said how tall it is: no shift as it loads.
          const heights = await s.run(frameHeights);
          assert.ok(Math.abs(heights.reported - heights.placeholder) <= 2, `${width}px: ${JSON.stringify(heights)}`);
        }
        if (width === 390) {
          await shoot('filled-390');
          await fill({ number: '', expiry: '', cvc: '', name: 'T', email: 'taro@' });
          await s.click(await s.find('#pay'));
          await s.waitFor(() => !document.getElementById('problems').hidden, { what: 'the problems' });
          await shoot('errors-390');
          // And a buyer on the phone pays.
          await fill({ number: '' }); // the number is there already
          await s.run(() => document.getElementById('tds').click());
          await s.click(await s.find('#pay'));
          const r = await result();
          assert.ok(r.ok, r.text);
        }
      }
    });

    test(`[${mode}] the error line under an element is red and smaller than the text`, async () => {
      await open('lang=en');
      await type('.payjp-number', '4242');
      await type('.payjp-expiry', '1');
      await s.click(await s.find('#name'));
      const line = await s.waitFor(() => {
        const e = document.querySelector('#card-element .payjp-error');
        const style = getComputedStyle(e);
        return e.textContent && { color: style.color, size: parseFloat(style.fontSize), body: parseFloat(getComputedStyle(document.body).fontSize), display: style.display };
      }, { what: 'the error line' });
      assert.equal(line.color, 'rgb(180, 35, 24)');
      assert.ok(line.size < line.body, JSON.stringify(line));
      assert.equal(line.display, 'block');
    });

    test(`[${mode}] a press on the card box's padding focuses the card input`, async () => {
      await open('lang=en');
      const box = await s.find(`${CARD} .payjp-element`);
      const { height } = await s.rect(box);
      if (isolated) {
        const heights = await s.run(frameHeights);
        assert.ok(Math.abs(heights.reported - heights.placeholder) <= 2, `the placeholder's height: ${JSON.stringify(heights)}`);
      }
      assert.ok(height > 40, `the box is ${height}px tall`);
      for (const [x, y] of [[4, 4], [4, height - 4]]) {
        await s.click(await s.find('#name'));
        await s.clickAt(box, x, y);
        await new Promise((r) => setTimeout(r, 300));
        const active = await inCard(() => document.hasFocus() && document.activeElement.classList.contains('payjp-input'));
        assert.equal(active, true, `a press at ${x},${y} focused a card input`);
      }
    });

    // What the page's labels say, and the names the inputs get from them, per language.
    const LABELS = {
      en: { split: ['Card number', 'Expiry', 'Security code'], card: 'Card', names: ['Card number', 'Card Expiration date (MM / YY)', 'Card Security code'] },
      ja: { split: ['カード番号', '有効期限', 'セキュリティコード'], card: 'カード情報', names: ['カード情報 カード番号', 'カード情報 有効期限（月 / 年）', 'カード情報 セキュリティコード'] },
    };
    test(`[${mode}] inputs are named by the page's labels and required; the combined element shows which input has the focus (ja and en)`, async () => {
      for (const [lang, expected] of Object.entries(LABELS)) {
        await open(`lang=${lang}&split=1`);
        for (const [i, where] of ['#number-element', '#expiry-element', '#cvc-element'].entries()) {
          const input = await inCard((scope) => {
            const el = document.querySelector(`${scope} .payjp-input`);
            return [el.getAttribute('aria-label'), el.getAttribute('aria-required')];
          }, [isolated ? 'body' : where], where);
          // The name holds the page's label (it is the label, or the input's own name already
          // holds it: 有効期限（月 / 年）).
          assert.ok(input[0].includes(expected.split[i]) && input[1] === 'true', `${lang} ${where}: ${input}`);
          if (isolated) assert.equal(await s.run((w) => document.querySelector(`${w} iframe`).title, where), expected.split[i], `${lang} ${where}: the frame's title`);
        }
        await open(`lang=${lang}`);
        const combined = await inCard(() => ({
          group: [document.querySelector('.payjp-element').getAttribute('role'), document.querySelector('.payjp-element').getAttribute('aria-label')],
          names: [...document.querySelectorAll('.payjp-input')].map((i) => i.getAttribute('aria-label')),
        }));
        assert.deepEqual(combined.group, ['group', expected.card], lang);
        // Each name holds the visible label (WCAG 2.5.3, label in name).
        assert.deepEqual(combined.names, expected.names, lang);
      }
      await focusInput('.payjp-expiry');
      const marks = await inCard(() => [...document.querySelectorAll('.payjp-input')].map((i) => getComputedStyle(i).boxShadow !== 'none'));
      assert.deepEqual(marks, [false, true, false], 'only the focused input is marked');
    });

    test(`[${mode}] Enter in a card field starts 3-D Secure, and after the challenge the focus is on the pay button`, async () => {
      await open('lang=en');
      await fill();
      await type('.payjp-cvc', KEYS.Enter);
      await s.waitForElement('dialog.payjp-tds');
      await closeChallenge();
      const r = await result();
      assert.equal(r.ok, false);
      const active = await s.waitFor(() => !document.getElementById('pay').disabled && document.activeElement.tagName, { what: 'the pay button back' });
      if (isolated) assert.equal(await s.run(() => document.activeElement.id), 'pay', 'not the body of a frame');
      else assert.notEqual(active, 'BODY');
    });

    test(`[${mode}] axe-core finds no violation: empty, errors, 3-D Secure, paid (ja: empty and errors too)`, async () => {
      await open('lang=ja');
      assert.deepEqual(await axe(), [], 'ja, empty');
      await s.click(await s.find('#pay'));
      await s.waitFor(() => !document.getElementById('problems').hidden, { what: 'the problems' });
      assert.deepEqual(await axe(), [], 'ja, errors');
      await open('lang=en');
      assert.deepEqual(await axe(), [], 'empty');
      await s.click(await s.find('#pay'));
      await s.waitFor(() => !document.getElementById('problems').hidden, { what: 'the problems' });
      assert.deepEqual(await axe(), [], 'errors');
      await fill();
      await s.click(await s.find('#pay'));
      await s.waitForElement('dialog.payjp-tds');
      await new Promise((r) => setTimeout(r, 1000));
      await shoot('three-d-secure-desktop');
      assert.deepEqual(await axe(), [], '3-D Secure');
      await closeChallenge();
      await result();
      await s.run(() => document.getElementById('tds').click());
      await s.waitFor(() => !document.getElementById('pay').disabled);
      await new Promise((r) => setTimeout(r, 2100)); // the token client's cool-down
      await s.click(await s.find('#pay'));
      assert.ok((await result()).ok);
      assert.deepEqual(await axe(), [], 'paid');
    });

    for (const tds of [false, true]) {
      test(`[${mode}] keyboard only: from the first field to the confirmation${tds ? ', through a 3-D Secure challenge' : ''}`, async () => {
        const press = (...keys) => s.keysToFocus(...keys);
        const focus = () => s.run(() => document.activeElement.id || document.activeElement.tagName);
        await open(`lang=en&tds=${tds ? 1 : 0}`);
        await s.run(() => document.activeElement?.blur());
        for (let i = 0; i < 6 && (await focus()) !== 'name'; i++) await press(KEYS.Tab);
        assert.equal(await focus(), 'name', 'Tab reaches the name');
        await press('TARO YAMADA', KEYS.Tab, 'taro@example.jp', KEYS.Tab);
        assert.equal(await focus(), 'split-toggle');
        await press(KEYS.Tab);
        // As a buyer does, type once the caret is in the number (focus crossing into another
        // site's frame takes a moment, and a key pressed meanwhile goes nowhere).
        for (let i = 0; i < 50 && !(await inCard(() => document.hasFocus() && document.activeElement.classList.contains('payjp-number'))); i++) {
          await new Promise((r) => setTimeout(r, 100));
        }
        await press('4242424242424242', '1230', '123');
        const typed = await inCard(() => [...document.querySelectorAll('.payjp-input')].map((i) => i.value));
        assert.deepEqual(typed, ['4242 4242 4242 4242', '12 / 30', '123'], 'the number moves on to expiry and CVC by itself');
        await press(KEYS.Tab);
        assert.equal(await focus(), 'tds');
        await press(KEYS.Tab);
        assert.equal(await focus(), 'pay');
        await press(KEYS.Enter);
        if (tds) {
          // The dialog takes the focus; Tab finds the issuer's code input and its button.
          await s.waitForElement('dialog.payjp-tds');
          const issuerFocus = async () => {
            await s.enterFrame('dialog.payjp-tds iframe');
            if (isolated) await s.enterFrame('iframe.payjp-tds-frame');
            const id = await s.run(() => document.hasFocus() && document.activeElement.id).catch(() => false);
            await s.top();
            return id;
          };
          if (!isolated) await s.waitFor(() => document.querySelector('iframe.payjp-tds-frame'), { what: 'the issuer' });
          // The issuer's page loaded (slowly, on a machine running other browsers) before Tab.
          await s.enterFrame('dialog.payjp-tds iframe');
          if (isolated) await s.enterFrame('iframe.payjp-tds-frame');
          await s.waitForElement('#code');
          await s.top();
          let found = false;
          for (let i = 0; i < 12 && !found; i++) {
            await new Promise((r) => setTimeout(r, 300));
            found = (await issuerFocus()) === 'code';
            if (!found) await press(KEYS.Tab);
          }
          assert.ok(found, 'Tab reaches the one-time code');
          await press('123456', KEYS.Enter);
        }
        const r = await result();
        assert.ok(r.ok, r.text);
        assert.equal(await focus(), 'result', 'the confirmation has the focus');
      });
    }
  }

  test('forced colours: the pay button and the 3-D Secure dialog keep their edges (isolated and direct)', async () => {
    // A driver of its own: geckodriver runs one session at a time.
    const forcedDriver = await startDriver(browser);
    const forced = await forcedDriver.session({ forcedColors: true });
    try {
      for (const q of ['', 'isolation=none&']) {
        await forced.goto(`${server.merchant}/?${q}lang=en`);
        await forced.waitFor(() => document.body.dataset.ready === 'true', { what: 'the checkout' });
        assert.equal(await forced.run(() => matchMedia('(forced-colors: active)').matches), true);
        const edge = (selector) => forced.run((sel) => {
          const style = getComputedStyle(document.querySelector(sel));
          return style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 2;
        }, selector);
        assert.equal(await edge('#pay'), true, `${q} the pay button`);
        await forced.run(() => {
          document.getElementById('name').value = 'TARO YAMADA';
          document.getElementById('email').value = 'taro@example.jp';
        });
        const put = async (sel, text) => {
          if (!q) await forced.enterFrame('#card-element iframe.payjp-frame');
          await forced.type(await forced.waitForElement(sel), text);
          await forced.top();
        };
        await put('.payjp-number', '4242424242424242');
        await put('.payjp-expiry', '1230');
        await put('.payjp-cvc', '123');
        await forced.click(await forced.find('#pay'));
        await forced.waitForElement('dialog.payjp-tds');
        assert.equal(await edge('dialog.payjp-tds'), true, `${q} the dialog`);
        // (The next page load leaves the challenge.)
      }
    } finally {
      await forced.close();
      await forcedDriver.stop();
    }
  });
});
