// The cardholderName element, end to end in Chromium and Firefox (WebDriver), isolated and
// direct, on the demo checkout with `?name=element`: a buyer who types their name in kana
// (hiragana, katakana, half-width katakana, through a real IME composition in Chromium and
// composition events in Firefox) is offered its passport romaji, takes it with one tap, and
// pays with 3-D Secure; the token carries that name. Kanji gets an explanation and no guess;
// full-width Latin is accepted as it is.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { controlDevserver, startCheckoutDevserver } from '../e2e/harness.mjs';
import { eachBrowser } from '../webdriver.mjs';

const SECRET = 'sk_test_0123456789abcdef01234567';
let server;

before(async () => {
  server = await startCheckoutDevserver();
});
after(() => server?.stop());

/** The charge as the shop's server sees it (PAY.JP's server API, with the secret key). */
async function charge(id) {
  const r = await fetch(`${server.apiBase}/charges/${id}`, { headers: { authorization: `Basic ${Buffer.from(`${SECRET}:`).toString('base64')}` } });
  return r.json();
}

eachBrowser((live, s) => {
  const { browser } = live;
  beforeEach(async () => {
    await controlDevserver(server, '/__control/reset', {});
    await s.top();
  });

  for (const isolated of [true, false]) {
    const mode = isolated ? 'isolated' : 'direct';

    async function open(lang) {
      await s.goto(`${server.merchant}/?${isolated ? '' : 'isolation=none&'}lang=${lang}&name=element`);
      await s.waitFor(() => document.body.dataset.ready === 'true', { what: 'the checkout' });
      await s.waitFor(() => document.querySelector('#name-element .payjp-input, #name-element iframe.payjp-frame[style*=height]'), { what: 'the name element' });
    }

    /** Runs `fn` in the name element's frame (isolated) or the page. */
    async function inName(fn, ...args) {
      if (isolated) await s.enterFrame('#name-element iframe.payjp-frame');
      try {
        return await s.run(fn, ...args);
      } finally {
        if (isolated) await s.top();
      }
    }

    async function typeIn(where, selector, text) {
      if (isolated) await s.enterFrame(`${where} iframe.payjp-frame`);
      await s.type(await s.waitForElement(isolated ? selector : `${where} ${selector}`), text);
      await s.top();
    }

    const nameState = () => inName(() => {
      const b = document.querySelector('.payjp-suggest');
      return { value: document.querySelector('.payjp-name').value, suggestion: b.hidden ? null : b.textContent, invalid: document.querySelector('.payjp-name').getAttribute('aria-invalid') };
    });

    async function clearName() {
      await inName(() => {
        const i = document.querySelector('.payjp-name');
        i.value = '';
        i.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward' }));
      });
    }

    test(`[${mode}] kana gets a one-tap romaji suggestion; the buyer takes it and pays with 3-D Secure under that name`, async () => {
      await open('ja');
      for (const [typed, romaji] of [['やまだ たろう', 'YAMADA TARO'], ['ヤマダ タロウ', 'YAMADA TARO'], ['ﾔﾏﾀﾞ ﾀﾛｳ', 'YAMADA TARO'], ['さいとう しんいち', 'SAITO SHINICHI'], ['なんば じゅんぺい', 'NAMBA JUMPEI']]) {
        await clearName();
        await typeIn('#name-element', '.payjp-name', typed);
        const state = await nameState();
        assert.equal(state.value, typed);
        assert.equal(state.suggestion, `ローマ字「${romaji}」にする`, typed);
      }
      await clearName();
      await typeIn('#name-element', '.payjp-name', 'やまだ たろう');
      if (isolated) await s.enterFrame('#name-element iframe.payjp-frame');
      await s.click(await s.find(isolated ? '.payjp-suggest' : '#name-element .payjp-suggest'));
      await s.top();
      assert.deepEqual(await nameState(), { value: 'YAMADA TARO', suggestion: null, invalid: 'false' });
      await typeIn('#card-element', '.payjp-number', '4242424242424242');
      await typeIn('#card-element', '.payjp-expiry', '1230');
      await typeIn('#card-element', '.payjp-cvc', '123');
      await s.run(() => {
        document.getElementById('email').value = 'taro@example.jp';
      });
      await s.click(await s.find('#pay'));
      await s.waitForElement('dialog.payjp-tds');
      if (isolated) await s.enterFrame('dialog.payjp-tds iframe');
      await s.enterFrame('iframe.payjp-tds-frame');
      await s.type(await s.waitForElement('#code'), '123456');
      await s.click(await s.find('button[value="verified"]'));
      await s.top();
      const text = await s.waitFor(() => document.getElementById('result').className === 'ok' && document.getElementById('result').textContent, { timeout: 30_000, what: 'the payment' });
      const id = /ch_[0-9a-f]+/.exec(text)[0];
      assert.equal((await charge(id)).card.name, 'YAMADA TARO', "the token carries the buyer's name in romaji");
    });

    test(`[${mode}] kanji is explained, not guessed; full-width Latin is taken as it is; a missing name is named with the other problems`, async () => {
      await open('en');
      await typeIn('#name-element', '.payjp-name', '山田太郎');
      await s.click(await s.find('#email'));
      const kanji = await nameState();
      assert.equal(kanji.suggestion, null, 'no guess for kanji');
      assert.equal(kanji.invalid, 'true');
      const line = await s.waitFor(() => document.querySelector('#name-element .payjp-error')?.textContent, { what: 'the explanation' });
      assert.match(line, /romaji/);
      await clearName();
      await typeIn('#name-element', '.payjp-name', 'ＴＡＲＯ　ＹＡＭＡＤＡ');
      await s.click(await s.find('#email'));
      assert.deepEqual(await nameState(), { value: 'ＴＡＲＯ　ＹＡＭＡＤＡ', suggestion: null, invalid: 'false' });
      // Empty, with 3-D Secure on: the summary names it beside the card's problems, and the
      // name element takes the focus (first in the form).
      await clearName();
      await s.click(await s.find('#pay'));
      const problems = await s.waitFor(() => !document.getElementById('problems').hidden && [...document.querySelectorAll('#problems-list a')].map((a) => a.getAttribute('href')), { what: 'the problems' });
      assert.equal(problems[0], '#name-element');
      const focused = await inName(() => document.hasFocus() && document.activeElement.classList.contains('payjp-name'));
      assert.equal(focused, true, 'the name element has the focus');
    });

    test(`[${mode}] in the combined element: the name is its fourth input, after the CVC, with the same suggestion`, async () => {
      await s.goto(`${server.merchant}/?${isolated ? '' : 'isolation=none&'}lang=en&name=card&tds=0`);
      await s.waitFor(() => document.body.dataset.ready === 'true', { what: 'the checkout' });
      await s.waitFor(() => document.querySelector('#card-element .payjp-input, #card-element iframe.payjp-frame[style*=height]'), { what: 'the card' });
      if (isolated) await s.enterFrame('#card-element iframe.payjp-frame');
      const at = (sel) => s.waitForElement(isolated ? sel : `#card-element ${sel}`);
      await s.type(await at('.payjp-number'), '4242424242424242');
      await s.keys('1230', '123', 'やまだ たろう');
      const typed = await s.run(() => [...document.querySelectorAll('.payjp-input')].map((i) => i.value));
      assert.deepEqual(typed.slice(-4), ['4242 4242 4242 4242', '12 / 30', '123', 'やまだ たろう'], 'focus moved on to the name after the CVC');
      await s.click(await at('.payjp-suggest'));
      assert.equal(await s.run(() => document.querySelector('.payjp-name').value), 'YAMADA TARO');
      await s.top();
      await s.run(() => {
        document.getElementById('email').value = 'taro@example.jp';
      });
      await s.click(await s.find('#pay'));
      const text = await s.waitFor(() => document.getElementById('result').className === 'ok' && document.getElementById('result').textContent, { timeout: 30_000, what: 'the payment' });
      assert.equal((await charge(/ch_[0-9a-f]+/.exec(text)[0])).card.name, 'YAMADA TARO');
    });

    test(`[${mode}] through an IME: nothing is suggested while composing, the suggestion comes with the committed text`, async () => {
      await open('ja');
      if (isolated) await s.enterFrame('#name-element iframe.payjp-frame');
      await s.click(await s.find(isolated ? '.payjp-name' : '#name-element .payjp-name'));
      await s.top();
      if (browser === 'chromium') {
        // A real composition, as a Japanese IME makes it (DevTools' Input domain).
        const cdp = (cmd, params) => s.call('POST', '/goog/cdp/execute', { cmd, params });
        for (const [text, at] of [['y', 1], ['や', 1], ['やま', 2], ['やまだ', 3]]) await cdp('Input.imeSetComposition', { text, selectionStart: at, selectionEnd: at });
        const composing = await nameState();
        assert.deepEqual([composing.value, composing.suggestion], ['やまだ', null], 'while composing');
        await cdp('Input.insertText', { text: 'やまだ' });
      } else {
        // Firefox: the events an IME sends, in order.
        await inName(() => {
          const i = document.querySelector('.payjp-name');
          i.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
          for (const text of ['y', 'や', 'やま', 'やまだ']) {
            i.value = text;
            i.dispatchEvent(new CompositionEvent('compositionupdate', { data: text }));
            i.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: text, isComposing: true }));
          }
        });
        const composing = await nameState();
        assert.deepEqual([composing.value, composing.suggestion], ['やまだ', null], 'while composing');
        await inName(() => document.querySelector('.payjp-name').dispatchEvent(new CompositionEvent('compositionend', { data: 'やまだ' })));
      }
      const committed = await nameState();
      assert.equal(committed.value, 'やまだ');
      assert.equal(committed.suggestion, 'ローマ字「YAMADA」にする');
    });
  }
});
