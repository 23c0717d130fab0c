// Every payjp.js v2 method and option, as a table, run against both ways of loading the SDK: the
// module (import { Payjp } from 'payjp-wasm') and the drop-in payjp.js loaded from the payment
// origin, as pages load PAY.JP's. Each row states the v2 behaviour it checks; the README's
// compatibility table lists the same rows.
import { Payjp as ModulePayjp } from '/pkg/index.js';

const KEY = 'pk_test_0123456789abcdef01234567';
const FRAME_ORIGIN = new URLSearchParams(location.search).get('frameOrigin');
const API_BASE = new URLSearchParams(location.search).get('apiBase');

function assert(condition, message) {
  if (!condition) throw new Error(message);
}
const equal = (a, b, m = '') => assert(a === b, `${m} expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
async function fails(fn, type, text) {
  try {
    await fn();
  } catch (e) {
    assert(e instanceof type, `expected a ${type.name}, got ${e}`);
    assert(e.message.includes(text), `expected the message to mention "${text}": ${e.message}`);
    return;
  }
  throw new Error(`expected a ${type.name} mentioning "${text}"`);
}
const once = (element, event) => new Promise((resolve) => element.on(event, resolve));
const within = (p, ms, what) => Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);
let n = 0;
function container() {
  const el = document.createElement('div');
  el.id = `v2-${n++}`;
  document.body.append(el);
  return el;
}
const warnings = [];
const warn = console.warn;
console.warn = (...args) => {
  warnings.push(args.join(' '));
  warn.apply(console, args);
};

/** `[v2 behaviour, check(Payjp, make)]`: `make(options)` builds an instance as each entry does. */
const TABLE = [
  ['Payjp(publicKey) returns the instance; getPublicKey() returns the key', (P, make) => {
    equal(make().getPublicKey(), KEY);
  }],
  ['Payjp(publicKey, { locale }) takes ja, en and tags such as ja-JP and en-US', (P, make) => {
    for (const locale of ['ja', 'en', 'ja-JP', 'en-US']) make({ locale });
  }],
  ['an unknown locale falls back to Japanese with a console warning, never a dead page', (P, make) => {
    const before = warnings.length;
    make({ locale: 'fr-FR' });
    assert(warnings.slice(before).some((w) => w.includes('fr-FR')), 'a warning names the locale');
  }],
  ["Payjp(publicKey, { threeDSecureWorkflow }) takes 'iframe', 'subwindow' and 'redirect' (and our 'auto')", (P, make) => {
    for (const threeDSecureWorkflow of ['iframe', 'subwindow', 'redirect', 'auto']) make({ threeDSecureWorkflow });
  }],
  ['a secret key throws at once, spaces around it or not', async (P) => {
    await fails(() => P(' sk_test_0123456789abcdef01234567 '), Error, 'Secret keys must never be used in a browser');
  }],
  ['elements(), elements({ locale }) and elements.update({ locale })', async (P, make) => {
    const elements = make().elements({ locale: 'en' });
    const card = elements.create('card');
    const root = container();
    card.mount(root);
    equal(root.querySelector('iframe').title, 'Secure card input', 'the element speaks the group locale');
    elements.update({ locale: 'ja' });
    equal(root.querySelector('iframe').title, 'カード情報の入力欄', 'update({ locale }) relabels it');
    card.destroy();
  }],
  ["elements.create(type) for 'card', 'cardNumber', 'cardExpiry' and 'cardCvc'; an unknown type throws", async (P, make) => {
    const elements = make().elements();
    for (const type of ['card', 'cardNumber', 'cardExpiry', 'cardCvc']) {
      const el = elements.create(type);
      for (const m of ['mount', 'unmount', 'destroy', 'focus', 'blur', 'clear', 'update', 'on', 'off', 'addEventListener', 'removeEventListener']) equal(typeof el[m], 'function', `${type}.${m}`);
      el.destroy();
    }
    await fails(() => elements.create('cardnumber'), TypeError, "'card', 'cardNumber', 'cardExpiry', 'cardCvc' or 'cardholderName'");
  }],
  ['elements.getElement(type) gives the element at once, or null', (P, make) => {
    const elements = make().elements();
    equal(elements.getElement('card'), null);
    const card = elements.create('card');
    equal(elements.getElement('card'), card);
    card.destroy();
  }],
  ['element.on and addEventListener both deliver ready; removeEventListener stops a handler', async (P, make) => {
    const card = make().elements().create('card');
    const seen = [];
    const handler = (e) => seen.push(`listener ${e.elementType}`);
    card.addEventListener('ready', handler);
    const ready = once(card, 'ready');
    card.mount(container());
    await within(ready, 15000, 'ready');
    equal(seen[0], 'listener card');
    card.removeEventListener('ready', handler);
    card.destroy();
  }],
  ['mount() in the same place again does nothing; a second element into a container replaces the first', (P, make) => {
    const elements = make().elements();
    const root = container();
    const card = elements.create('card');
    card.mount(root);
    card.mount(root);
    equal(root.querySelectorAll('iframe').length, 1);
    const again = make().elements().create('card');
    again.mount(root);
    equal(root.querySelectorAll('iframe').length, 1, 'one set of fields');
    again.destroy();
    card.destroy();
  }],
  ['a field can be created again after unmount()', (P, make) => {
    const elements = make().elements();
    const first = elements.create('cardNumber');
    first.mount(container());
    first.unmount();
    const second = elements.create('cardNumber');
    equal(elements.getElement('cardNumber'), second);
    second.destroy();
  }],
  ["style: base, complete, empty, invalid; :hover, :focus, ::placeholder, ::selection, :disabled, :-webkit-autofill; Japanese font names", (P, make) => {
    const fontFamily = "'ヒラギノ角ゴ ProN W3', メイリオ, 游ゴシック, sans-serif";
    const pseudo = { color: '#123456' };
    const style = { base: { fontFamily, ':hover': pseudo, ':focus': pseudo, '::placeholder': pseudo, '::selection': pseudo, ':disabled': pseudo, ':-webkit-autofill': pseudo }, complete: pseudo, empty: pseudo, invalid: pseudo };
    make().elements().create('card', { style }).destroy();
  }],
  ['style: url(), escapes, braces and unknown properties still throw', async (P, make) => {
    const elements = make().elements();
    for (const value of ['url(https://x)', 'red;}', 'a\\62 c', "'open", 'x(y)']) {
      await fails(() => elements.create('card', { style: { base: { fontFamily: value } } }), TypeError, 'not a plain CSS value');
    }
    await fails(() => elements.create('card', { style: { base: { padding: '1px' } } }), TypeError, "'padding' is not allowed");
  }],
  ['elements({ fonts }) (ours): web fonts from the frame origin or data: URLs; any other source throws', async (P, make) => {
    const payjp = make();
    payjp.elements({ fonts: [{ family: 'Noto Sans JP', src: `${FRAME_ORIGIN}/fonts/noto.woff2`, weight: '400' }, { family: 'Inline', src: 'data:font/woff2;base64,AAAA' }] });
    await fails(() => payjp.elements({ fonts: [{ family: 'Elsewhere', src: 'https://fonts.example.com/x.woff2' }] }), TypeError, 'options.fonts');
    await fails(() => payjp.elements({ fonts: [{ family: 'x{}', src: 'data:font/woff2;base64,AAAA' }] }), TypeError, 'options.fonts');
  }],
  ['element options: placeholder, disabled, hideIcon (and showError, ours)', (P, make) => {
    make().elements().create('cardNumber', { placeholder: '1234', disabled: true, hideIcon: true, showError: false }).destroy();
  }],
  ['createToken(element, data, options) returns a promise; data takes card.name, email, phone, address_*, country and tenant', async (P, make) => {
    const payjp = make();
    const card = payjp.elements().create('card');
    const ready = once(card, 'ready');
    card.mount(container());
    await within(ready, 15000, 'ready');
    const data = { card: { name: 'TARO YAMADA', email: 'taro@example.jp', phone: '09012345678', country: 'JP', address_state: '東京都', address_city: '渋谷区', address_line1: '1-1', address_line2: '', address_zip: '1500001' }, tenant: 'ten_1' };
    const r = await payjp.createToken(card, data, { timeout: 60000, windowFeatures: { width: 500 } });
    equal(r.error.type, 'validation_error', 'empty fields resolve { error } and send nothing');
    equal(r.error.code, 'incomplete_error', "payjp.js v2's code");
    card.destroy();
  }],
  ['createToken misuse rejects, naming what was expected', async (P, make) => {
    const payjp = make();
    await fails(() => payjp.createToken({ number: '4242' }), TypeError, 'expected an element');
  }],
  ['retrieveAvailability() and retrieveAvailability({ tenant })', async (P, make) => {
    const payjp = make();
    for (const r of [await payjp.retrieveAvailability(), await payjp.retrieveAvailability({ tenant: 'ten_1' })]) {
      assert(Array.isArray(r.card_types_supported), JSON.stringify(r));
    }
  }],
  ['openThreeDSecureIframe(id) and openThreeDSecureDialog(id, timeout | { timeout, windowFeatures }) exist; a bad id rejects', async (P, make) => {
    const payjp = make();
    await fails(() => payjp.openThreeDSecureIframe('nope'), TypeError, 'ch_');
    await fails(() => payjp.openThreeDSecureDialog('nope', 1000), TypeError, 'ch_');
    await fails(() => payjp.openThreeDSecureDialog('ch_1', { timeout: 'soon' }), TypeError, 'timeout');
  }],
  // Ours, beside v2 (payjp.js v2 has no such method): answered by the controller frame.
  ['suggestEmail(address): a slip in a common mail domain gets the corrected address, anything else null; a non-string rejects', async (P, make) => {
    const payjp = make();
    for (const [typed, suggestion] of [
      ['taro@docomo.ne.jo', 'taro@docomo.ne.jp'],
      [' Taro.Yamada@GMIAL.COM ', 'Taro.Yamada@gmail.com'],
      ['ｔａｒｏ＠ｅｚｗｅｂ．ｊｐ', 'taro@ezweb.ne.jp'],
      ['taro@yahoo.co', 'taro@yahoo.co.jp'],
      ['taro@i.softbank.jp', null],
      ['taro@ymail.com', null],
      ['taro@example.jp', null],
      ['taro', null],
      ['', null],
    ]) {
      equal(await payjp.suggestEmail(typed), suggestion, typed);
    }
    await fails(() => payjp.suggestEmail(undefined), TypeError, 'suggestEmail: expected the address to be a string');
  }],
];

/** Loads the drop-in from the payment origin, as pages load payjp.js from PAY.JP. */
function loadDropIn() {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${FRAME_ORIGIN}/pkg/payjp.js`;
    script.dataset.apiBase = API_BASE;
    script.onload = () => resolve(window.Payjp);
    script.onerror = reject;
    document.head.append(script);
  });
}

window.__results = [];
const entries = [
  ['module', ModulePayjp, (options) => ModulePayjp(KEY, { frameOrigin: FRAME_ORIGIN, apiBase: API_BASE, ...options })],
];
try {
  const DropIn = await loadDropIn();
  entries.push(['drop-in', DropIn, (options) => DropIn(KEY, options)]);
} catch (e) {
  window.__results.push({ name: 'the drop-in loads from the payment origin', ok: false, error: String(e) });
}
for (const [entry, P, make] of entries) {
  for (const [name, check] of TABLE) {
    try {
      await check(P, make);
      window.__results.push({ name: `${entry}: ${name}`, ok: true });
    } catch (e) {
      window.__results.push({ name: `${entry}: ${name}`, ok: false, error: `${e.message}\n${e.stack ?? ''}` });
    }
  }
}
window.__done = true;
