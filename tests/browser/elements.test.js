// The card elements and the security badge, tested inside a real page in Chromium and Firefox
// (tests/browser/run.mjs drives both): rendering, formatting as typed, events, validation before
// any request, styles and misuse. The page imports the built package (/pkg/index.js), the same
// file merchants get.
import init, { Payjp } from '/pkg/index.js';

const KEY = 'pk_test_0123456789abcdef01234567';
const tests = [];
const test = (name, fn) => tests.push([name, fn]);

function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function equal(actual, expected, message = '') {
  if (actual !== expected) throw new Error(`${message} expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
/** Runs `fn`, which must throw an instance of `type` whose message contains `text`. */
function throws(fn, type, text) {
  try {
    fn();
  } catch (e) {
    assert(e instanceof type, `expected a ${type.name}, got ${e}`);
    assert(e.message.includes(text), `expected the message to mention "${text}": ${e.message}`);
    return;
  }
  throw new Error(`expected a ${type.name} mentioning "${text}"; nothing was thrown`);
}
async function rejects(promise, text) {
  try {
    await promise;
  } catch (e) {
    assert(e.message.includes(text), `expected the rejection to mention "${text}": ${e.message}`);
    return;
  }
  throw new Error(`expected a rejection mentioning "${text}"`);
}

// Direct mode (the inputs in this page), for the element behaviour itself. Nothing in these tests
// reaches the network: validation stops every request first, and the API base is a closed
// loopback port.
const instance = (locale) => Payjp(KEY, { locale, apiBase: 'http://127.0.0.1:9/v1', isolation: 'none' });

let nextContainer = 0;
/** A fresh container in the page, with a unique id. */
function container() {
  const el = document.createElement('div');
  el.id = `c${nextContainer++}`;
  document.body.append(el);
  return el;
}
const inputs = (root) => [...root.querySelectorAll('input')];

/** Types `text` as one edit ending with the caret at its end, as the browser reports it. */
function typeInto(input, text, inputType = 'insertText', caret = text.length) {
  input.focus();
  input.value = text;
  input.setSelectionRange(caret, caret);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType }));
}

function record(element, event) {
  const log = [];
  element.on(event, (detail) => log.push(detail));
  return log;
}
const tick = () => new Promise((r) => setTimeout(r, 0));

test('the card element renders accessible inputs and fires ready', async () => {
  const card = instance('ja').elements().create('card');
  const root = container();
  const ready = record(card, 'ready');
  card.mount(`#${root.id}`);
  equal(ready.length, 0, 'ready waits for the next task');
  await tick();
  equal(ready.length, 1, 'ready fires once after mount');
  equal(ready[0].elementType, 'card');
  const fields = inputs(root);
  // The attribute, not the property: Firefox's `autocomplete` property reads "" for cc-csc.
  equal(fields.map((i) => i.getAttribute('autocomplete')).join(' '), 'cc-number cc-exp cc-csc');
  for (const input of fields) {
    equal(input.getAttribute('inputmode'), 'numeric');
    assert(input.getAttribute('aria-label'), 'every input has an aria-label');
    equal(input.getAttribute('aria-required'), 'true');
    // Described by the error region only while it shows that input's error.
    equal(input.getAttribute('aria-describedby'), null);
  }
  fields[0].value = '4242';
  fields[0].dispatchEvent(new InputEvent('input', { inputType: 'insertText' }));
  fields[0].dispatchEvent(new FocusEvent('blur'));
  const region = document.getElementById(fields[0].getAttribute('aria-describedby'));
  assert(region, 'aria-describedby points at the error region');
  equal(region.getAttribute('aria-live'), 'polite');
  equal(fields[1].getAttribute('aria-describedby'), null, "the expiry is not described by the number's error");
  equal(fields[0].getAttribute('aria-label'), 'カード番号');
  const en = instance('en').elements().create('cardNumber');
  const rootEn = container();
  en.mount(rootEn);
  equal(inputs(rootEn)[0].getAttribute('aria-label'), 'Card number');
});

test('full-width digits are formatted and focus moves on when a field is complete', async () => {
  const card = instance('ja').elements().create('card');
  const root = container();
  card.mount(root);
  const changes = record(card, 'change');
  const [number, expiry, cvc] = inputs(root);
  typeInto(number, '４２４２４２４２４２４２４２４２');
  equal(number.value, '4242 4242 4242 4242');
  equal(document.activeElement, expiry, 'focus moved on to the expiry');
  typeInto(expiry, '1230');
  equal(expiry.value, '12 / 30');
  equal(document.activeElement, cvc, 'focus moved on to the CVC');
  typeInto(cvc, '１２３');
  equal(cvc.value, '123');
  const last = changes.at(-1);
  equal(last.elementType, 'card');
  equal(last.complete, true);
  equal(last.empty, false);
  equal(last.brand, 'Visa');
  equal(last.error, null);
  equal(root.querySelector('.payjp-icon').dataset.brand, 'Visa');
  card.clear();
  assert(inputs(root).every((i) => i.value === ''), 'clear() empties every field');
  equal(changes.at(-1).empty, true);
});

test('errors wait for blur, show at once when typed to the end, and are localized', async () => {
  const el = instance('en').elements().create('cardNumber');
  const root = container();
  el.mount(root);
  const changes = record(el, 'change');
  const [input] = inputs(root);
  typeInto(input, '4242 42');
  equal(input.getAttribute('aria-invalid'), 'false', 'no error on the first keystrokes');
  input.blur();
  equal(input.getAttribute('aria-invalid'), 'true');
  const { error } = changes.at(-1);
  equal(error.type, 'validation_error');
  // payjp.js v2's code for any unfinished field; the finer one in `detail`.
  equal(error.code, 'incomplete_error');
  equal(error.detail, 'incomplete_number');
  equal(error.message, 'Your card number is incomplete.');
  typeInto(input, '4242424242424241');
  equal(changes.at(-1).error.code, 'invalid_number', 'a complete but wrong number shows at once');
  const region = document.getElementById(input.getAttribute('aria-describedby'));
  equal(region.textContent, 'Your card number is invalid.');
});

test('backspace across a separator deletes the digit before it', async () => {
  const el = instance('ja').elements().create('cardNumber');
  const root = container();
  el.mount(root);
  const [input] = inputs(root);
  typeInto(input, '42424242');
  equal(input.value, '4242 4242');
  // The browser removed the space before the caret: "4242|4242".
  typeInto(input, '42424242', 'deleteContentBackward', 4);
  equal(input.value, '4244 242');
  equal(input.selectionStart, 3);
});

test('an open IME composition is not reformatted until it ends', async () => {
  const el = instance('ja').elements().create('cardNumber');
  const root = container();
  el.mount(root);
  const [input] = inputs(root);
  input.focus();
  input.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
  typeInto(input, '４２４２４', 'insertCompositionText');
  equal(input.value, '４２４２４', 'untouched while composing');
  input.dispatchEvent(new CompositionEvent('compositionend', { data: '４２４２４' }));
  equal(input.value, '4242 4');
});

test('createToken validates every field first, focuses the invalid one and sends nothing', async () => {
  const p = instance('ja');
  const elements = p.elements();
  const roots = [container(), container(), container()];
  const number = elements.create('cardNumber');
  const cvc = elements.create('cardCvc');
  number.mount(roots[0]);
  elements.create('cardExpiry').mount(roots[1]);
  cvc.mount(roots[2]);
  typeInto(inputs(roots[0])[0], '378282246310005');
  typeInto(inputs(roots[1])[0], '1230');
  typeInto(inputs(roots[2])[0], '123');
  // American Express needs 4 digits: the split CVC learned the brand from its sibling.
  let r = await p.createToken(cvc);
  equal(r.error.type, 'validation_error');
  equal(r.error.code, 'incomplete_error');
  equal(r.error.detail, 'incomplete_cvc');
  equal(document.activeElement, inputs(roots[2])[0], 'the invalid field gets focus');
  // A kanji name is refused before any request, with the romaji explanation.
  typeInto(inputs(roots[2])[0], '1234');
  r = await p.createToken(cvc, { card: { name: '山田太郎' } });
  equal(r.error.code, 'invalid_card_name');
  assert(r.error.message.includes('ローマ字'), r.error.message);
  r = await p.createToken(number, { card: { email: 'not an address' } });
  equal(r.error.code, 'invalid_email');
});

test('a split CVC re-checks its length when the number changes brand', async () => {
  const elements = instance('en').elements();
  const roots = [container(), container()];
  elements.create('cardNumber').mount(roots[0]);
  const cvc = elements.create('cardCvc');
  cvc.mount(roots[1]);
  const changes = record(cvc, 'change');
  typeInto(inputs(roots[1])[0], '1234');
  equal(changes.at(-1).complete, true, '4 digits may be valid while the brand is unknown');
  typeInto(inputs(roots[0])[0], '4242');
  equal(changes.at(-1).complete, false, 'a Visa CVC has 3 digits');
  equal(changes.at(-1).error.code, 'invalid_cvc');
});

test('misuse throws or rejects with messages that name what was expected', async () => {
  const p = instance('ja');
  const elements = p.elements();
  throws(() => elements.create('cardnumber'), TypeError, "'card', 'cardNumber', 'cardExpiry', 'cardCvc' or 'cardholderName'");
  const card = elements.create('card');
  throws(() => card.mount('#does-not-exist'), Error, 'no element matches');
  throws(() => card.mount('##'), TypeError, 'not a valid CSS selector');
  throws(() => card.mount(42), TypeError, 'expected a CSS selector string or an HTMLElement');
  const root = container();
  card.mount(root);
  // A field the group already shows cannot be created twice; mounting where it is does nothing,
  // mounting elsewhere is a mistake.
  throws(() => elements.create('cardNumber'), Error, "already has a mounted 'cardNumber' field");
  card.mount(root);
  equal(root.querySelectorAll('.payjp-element').length, 1, 'mount() again in the same place is a no-op');
  throws(() => card.mount(container()), Error, 'already mounted elsewhere');
  throws(() => card.on('click', () => {}), TypeError, "'change', 'ready', 'focus', 'blur' or 'loaderror'");
  throws(() => card.on('change', 'handler'), TypeError, 'handler to be a function');
  throws(() => p.elements().create('cardNumber', { style: { base: { background: 'red' } } }), TypeError, "'background' is not allowed; expected one of color");
  throws(() => p.elements().create('cardNumber', { disabled: 'yes' }), TypeError, 'disabled to be a boolean');
  throws(() => p.elements().create('cardNumber', 'big'), TypeError, 'expected options to be an object');
  await rejects(p.createToken(1), 'expected an element');
  const theirs = instance('ja').elements().create('card');
  await rejects(p.createToken(theirs), 'another Payjp instance');
  await rejects(p.createToken(card, 'card'), 'expected data to be an object');
  await rejects(p.createToken(card, { card: { name: 42 } }), 'data.card.name to be a string');
  await rejects(p.createToken(card, { card: { number: '4242424242424242' } }), 'data.card.number is not taken');
  await rejects(p.createToken(card, { tenant: 7 }), 'data.tenant to be a string');
  await rejects(p.createToken(card, {}, { timeout: -1 }), 'options.timeout to be a positive number');
  card.unmount();
  await rejects(p.createToken(card), 'not mounted');
  card.destroy();
  throws(() => card.mount(root), Error, 'was destroyed');
  const split = p.elements();
  const lone = split.create('cardNumber');
  lone.mount(container());
  await rejects(p.createToken(lone), "split elements need cardNumber, cardExpiry and cardCvc mounted from one elements() group; 'cardExpiry' is missing");
  throws(() => Payjp('sk_test_0123456789abcdef01234567'), Error, 'Secret keys must never be used in a browser');
  throws(() => Payjp(KEY, { apiBase: 'http://api.example.com/v1' }), Error, 'https');
});

test('styles go through an adopted stylesheet; unsafe values are refused', async () => {
  const p = instance('ja');
  const style = {
    base: { color: 'rgb(1, 2, 3)', fontSize: '17px', '::placeholder': { color: '#999' } },
    invalid: { color: 'rgb(200, 0, 0)' },
  };
  const before = document.adoptedStyleSheets.length;
  const el = p.elements().create('cardNumber', { style });
  const root = container();
  el.mount(root);
  const [input] = inputs(root);
  equal(getComputedStyle(input).color, 'rgb(1, 2, 3)');
  equal(getComputedStyle(input).fontSize, '17px');
  equal(input.getAttribute('style'), null, 'no style attribute is written');
  equal(document.querySelectorAll('style').length, 0, 'no <style> element is added');
  el.update({ style: { base: { color: 'rgb(4, 5, 6)' } } });
  equal(getComputedStyle(input).color, 'rgb(4, 5, 6)', 'update() replaces the element sheet');
  for (const bad of ['red;}body{display:none', 'url(https://x)', 'var(--x)', 'red\\;', '']) {
    throws(() => p.elements().create('cardNumber', { style: { base: { color: bad } } }), TypeError, 'not a plain CSS value');
  }
  throws(() => p.elements().create('cardNumber', { style: { hover: {} } }), TypeError, "unknown variant 'hover'");
  // Variant names are own properties of the allow-list, never inherited ones.
  for (const inherited of ['constructor', 'toString', 'hasOwnProperty']) {
    throws(() => p.elements().create('cardNumber', { style: { [inherited]: { color: 'red' } } }), TypeError, `unknown variant '${inherited}'`);
  }
  throws(() => p.elements().create('cardNumber', { style: JSON.parse('{"__proto__": {"color": "red"}}') }), TypeError, "unknown variant '__proto__'");
  throws(() => p.elements().create('cardNumber', { style: { base: { ':focus': { ':hover': {} } } } }), TypeError, 'cannot be nested');
  const sheets = document.adoptedStyleSheets.length;
  el.destroy();
  equal(inputs(root).length, 0, 'destroy removes the inputs');
  equal(document.adoptedStyleSheets.length, sheets - 1, 'destroy removes the element sheet');
  assert(sheets > before, 'the element sheet was adopted');
});

test('placeholder, disabled and hideIcon apply, and update() changes them', async () => {
  const el = instance('ja').elements().create('card', { placeholder: { number: 'Number', cvc: 'Code' }, disabled: true, hideIcon: true });
  const root = container();
  el.mount(root);
  const [number, expiry, cvc] = inputs(root);
  equal(number.placeholder, 'Number');
  equal(expiry.placeholder, '月 / 年', 'the default stays where none is given');
  equal(cvc.placeholder, 'Code');
  assert(number.disabled && expiry.disabled && cvc.disabled, 'disabled applies to every field');
  const icon = root.querySelector('.payjp-icon');
  equal(getComputedStyle(icon).display, 'none');
  el.update({ hideIcon: false, disabled: false });
  assert(getComputedStyle(icon).display !== 'none', 'update() shows the icon again');
  assert(!number.disabled, 'update() enables the fields');
});

test('focus, blur and clicking a label for the container reach the field', async () => {
  const el = instance('en').elements().create('card');
  const root = container();
  const label = document.createElement('label');
  label.htmlFor = root.id;
  label.textContent = 'Card';
  document.body.append(label);
  el.mount(root);
  const events = [];
  el.on('focus', () => events.push('focus')).on('blur', () => events.push('blur'));
  label.click();
  equal(document.activeElement, inputs(root)[0], 'the label focuses the number field');
  el.blur();
  assert(!root.contains(document.activeElement), 'blur() leaves the element');
  el.focus();
  equal(document.activeElement, inputs(root)[0]);
  equal(events.join(','), 'focus,blur,focus');
  el.unmount();
  label.click();
  assert(!root.contains(document.activeElement), 'an unmounted element no longer listens to the label');
});

test('a handler that throws does not break the element, and off() removes handlers', async () => {
  const el = instance('en').elements().create('cardNumber');
  const root = container();
  el.mount(root);
  const seen = [];
  const onError = (e) => e.preventDefault();
  window.addEventListener('error', onError);
  el.on('change', () => {
    throw new Error('merchant bug');
  });
  const handler = (e) => seen.push(e.brand);
  el.on('change', handler);
  typeInto(inputs(root)[0], '4242');
  equal(seen.join(), 'Visa', 'later handlers still run');
  el.off('change', handler);
  typeInto(inputs(root)[0], '');
  equal(seen.length, 1, 'off() removed the handler');
  await tick();
  window.removeEventListener('error', onError);
});

test('split elements mounted without keeping their handles still make one card', async () => {
  const p = instance('en');
  const elements = p.elements();
  const roots = [container(), container(), container()];
  const number = elements.create('cardNumber');
  number.mount(roots[0]);
  elements.create('cardExpiry').mount(roots[1]);
  elements.create('cardCvc').mount(roots[2]);
  typeInto(inputs(roots[0])[0], '4242');
  const r = await p.createToken(number);
  equal(r.error.detail, 'incomplete_number', 'validation ran over all three fields');
  equal(inputs(roots[2])[0].getAttribute('aria-invalid'), 'true', 'the CVC was validated too');
  equal(elements.getElement('cardExpiry') !== null, true);
  equal(elements.getElement('card'), null);
});

test('the badge is honest: test mode, in-place explanation, options checked', async () => {
  const p = instance('ja');
  const root = container();
  p.securityBadge().mount(root);
  const text = root.textContent;
  assert(text.includes('PAY.JP'), text);
  assert(text.includes('テストモード'), `a test key says so: ${text}`);
  const button = root.querySelector('button');
  const details = root.querySelector('.payjp-badge-details');
  assert(details.hidden, 'the explanation starts closed');
  button.click();
  assert(!details.hidden, 'the explanation opens in place');
  equal(button.getAttribute('aria-expanded'), 'true');
  equal(location.hash, '', 'no navigation');
  const rootEn = container();
  instance('en').securityBadge({ theme: 'dark', size: 'large' }).mount(rootEn);
  assert(rootEn.textContent.includes('TEST MODE'));
  assert(rootEn.querySelector('.payjp-badge').classList.contains('payjp-dark'));
  throws(() => p.securityBadge({ theme: 'blue' }), TypeError, "theme to be 'light' or 'dark'");
});

test('the badge warns instead of claiming on a page that is not a secure context', async () => {
  // Loopback pages are secure contexts, so the unbundled badge module renders the insecure case.
  const { renderBadge } = await import('/src/dom/frame/badge.js');
  const root = container();
  root.append(renderBadge(document, { lang: 'en', testMode: false, secure: false }));
  const text = root.textContent;
  assert(text.includes('not secure'), text);
  assert(!text.includes('directly to PAY.JP'), `no claim on an insecure page: ${text}`);
  assert(!text.includes('TEST MODE'), 'a live key shows no test label');
  assert(root.querySelector('.payjp-badge').classList.contains('payjp-insecure'));
});

test('suggestEmail answers from the page\'s core in direct mode', async () => {
  const payjp = instance('en');
  equal(await payjp.suggestEmail('taro@docomo.ne.jo'), 'taro@docomo.ne.jp');
  equal(await payjp.suggestEmail('taro@au.com'), null);
  await rejects(payjp.suggestEmail(42), 'suggestEmail: expected the address to be a string');
});

test('ten mount and unmount cycles leave nothing behind', async () => {
  const el = instance('en').elements().create('card');
  const root = container();
  for (let i = 0; i < 10; i++) {
    el.mount(root);
    el.unmount();
  }
  equal(root.childElementCount, 0);
  el.mount(root);
  equal(root.querySelectorAll('.payjp-element').length, 1);
  el.destroy();
});

// --- isolated mode: the frames come from the devserver (the payment origin) ---------------------

const FRAME_ORIGIN = new URLSearchParams(location.search).get('frameOrigin');
const API_BASE = new URLSearchParams(location.search).get('apiBase');
const isolated = (locale = 'en', extra = {}) => Payjp(KEY, { locale, apiBase: API_BASE, frameOrigin: FRAME_ORIGIN, ...extra });

// Counts the page's live `message` listeners, to prove unmount and destroy remove theirs.
let messageListeners = 0;
const add = window.addEventListener;
const remove = window.removeEventListener;
const live = new Set();
window.addEventListener = function (type, listener, ...rest) {
  if (type === 'message' && !live.has(listener)) live.add(listener), (messageListeners += 1);
  return add.call(this, type, listener, ...rest);
};
window.removeEventListener = function (type, listener, ...rest) {
  if (type === 'message' && live.delete(listener)) messageListeners -= 1;
  return remove.call(this, type, listener, ...rest);
};

const once = (element, event) => new Promise((resolve) => element.on(event, resolve));
const within = (promise, ms, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);

test('isolated: the element is a frame of the payment origin the page cannot read', async () => {
  const el = isolated().elements().create('card');
  const root = container();
  const ready = once(el, 'ready');
  el.mount(root);
  await within(ready, 15000, 'ready');
  const frame = root.querySelector('iframe.payjp-frame');
  assert(frame, 'an iframe is mounted');
  equal(new URL(frame.src).origin, FRAME_ORIGIN);
  equal(frame.contentDocument, null, 'the page cannot read the frame');
  equal(inputs(root).length, 0, 'no input lives in the page');
  assert(frame.title, 'the frame has a title for assistive technology');
  assert(root.querySelector('.payjp-element').classList.contains('payjp-empty'), 'state classes are on the host');
  assert(parseFloat(frame.style.height) > 10, `the frame height follows its content (${frame.style.height})`);
  const focused = once(el, 'focus');
  el.focus();
  await within(focused, 5000, 'focus event');
  equal(document.activeElement, frame, 'focus() moved focus into the frame');
  el.destroy();
  equal(root.querySelector('iframe'), null, 'destroy removes the frame');
});

test('isolated: ten mount/unmount cycles leave no stray frames or listeners', async () => {
  const baseline = messageListeners;
  const frames = document.querySelectorAll('iframe').length;
  const elements = isolated().elements();
  const el = elements.create('cardNumber');
  const root = container();
  for (let i = 0; i < 10; i++) {
    el.mount(root);
    assert(messageListeners > baseline, 'mounted: the element listens for its frame');
    el.unmount();
  }
  equal(document.querySelectorAll('iframe').length, frames, 'no stray frames (field or controller)');
  equal(messageListeners, baseline, 'no stray message listeners');
  const ready = once(el, 'ready');
  el.mount(root);
  await within(ready, 15000, 'ready after remounting');
  el.destroy();
  equal(document.querySelectorAll('iframe').length, frames);
  equal(messageListeners, baseline);
});

test('isolated: a frame that fails to load emits loaderror with a clear message', async () => {
  const el = isolated('en', { frameUrl: `${FRAME_ORIGIN}/no-such-frame.html` }).elements().create('card');
  const failed = once(el, 'loaderror');
  el.mount(container());
  const e = await within(failed, 10000, 'loaderror');
  equal(e.elementType, 'card');
  equal(e.error.code, 'frame_load_failed');
  assert(e.error.message.includes('could not be loaded'), e.error.message);
  el.destroy();
});

test('isolated: createToken validates inside the frames and sends nothing for empty fields', async () => {
  const p = isolated('en');
  const elements = p.elements();
  const number = elements.create('cardNumber');
  const roots = [container(), container(), container()];
  const readies = [once(number, 'ready')];
  number.mount(roots[0]);
  for (const [i, type] of [[1, 'cardExpiry'], [2, 'cardCvc']]) {
    const el = elements.create(type);
    readies.push(once(el, 'ready'));
    el.mount(roots[i]);
  }
  await within(Promise.all(readies), 15000, 'three ready events');
  const changes = record(number, 'change');
  const r = await within(p.createToken(number), 15000, 'a createToken answer');
  equal(r.error.type, 'validation_error');
  equal(r.error.code, 'incomplete_error');
  equal(r.error.detail, 'incomplete_number');
  equal(changes.at(-1).error.detail, 'incomplete_number', 'the frame reported its error as a change event');
  equal(roots[0].querySelector('.payjp-error').textContent, 'Your card number is incomplete.', 'the page shows the error line');
  for (const type of ['cardNumber', 'cardExpiry', 'cardCvc']) elements.getElement(type).destroy();
});

test('isolated: a frame given options it cannot render says failed instead of hanging', async () => {
  // The SDK never sends such options (the page checks them first); a page script could.
  const hex = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const nonce = hex();
  const options = JSON.stringify({ rules: [['constructor', '', 'color', 'red']] });
  const frame = document.createElement('iframe');
  frame.src = `${FRAME_ORIGIN}/frame.html#${new URLSearchParams({ mode: 'field', type: 'card', instance: hex(), group: hex(), key: KEY, origin: location.origin, nonce, locale: 'en', options })}`;
  const heard = new Promise((resolve) => {
    const onMessage = (e) => {
      if (e.source !== frame.contentWindow || e.data?.payjp !== 'hello') return;
      window.removeEventListener('message', onMessage);
      const channel = new MessageChannel();
      channel.port1.onmessage = (m) => resolve(m.data);
      frame.contentWindow.postMessage({ payjp: 'connect', nonce, options: {} }, FRAME_ORIGIN, [channel.port2]);
    };
    window.addEventListener('message', onMessage);
  });
  document.body.append(frame);
  equal((await within(heard, 10000, 'an answer from the frame')).t, 'failed');
  frame.remove();
});

test('isolated: misconfiguration throws at once', async () => {
  throws(() => isolated('en', { frameOrigin: 'http://frames.example.com' }), Error, 'https');
  throws(() => isolated('en', { frameOrigin: 'https://frames.example.com/path' }), TypeError, 'scheme, host and port only');
  throws(() => isolated('en', { frameUrl: 'https://elsewhere.example/frame.html' }), Error, 'must be on frameOrigin');
  // A missing frame origin never falls back to direct mode: it throws, naming both ways out.
  throws(() => Payjp(KEY), TypeError, 'expected options.frameOrigin');
  throws(() => Payjp(KEY, { isolation: 'frame' }), TypeError, "pass isolation: 'none'");
  throws(() => Payjp(KEY, { apiBase: API_BASE }), TypeError, 'expected options.frameOrigin');
  throws(() => Payjp(KEY, { isolation: 'iframe' }), TypeError, "'frame' (the default) or 'none'");
  throws(() => Payjp(KEY, { threeDSecureWorkflow: 'popup' }), TypeError, "'iframe', 'subwindow', 'redirect' or 'auto'");
  throws(() => Payjp(KEY, { threeDSecureTimeout: -1 }), TypeError, 'positive number of milliseconds');
  throws(() => Payjp(KEY, { frameOrigin: FRAME_ORIGIN, threeDSecureRedirect: 'https://shop.example/back' }), TypeError, 'registered redirect name');
  throws(() => Payjp(KEY, { frameOrigin: FRAME_ORIGIN, threeDSecureRedirect: 7 }), TypeError, 'registered redirect name');
  // Direct mode has no frame origin to come back through: the redirect workflow must name the page.
  throws(() => Payjp(KEY, { isolation: 'none', threeDSecureWorkflow: 'redirect' }), TypeError, 'needs options.threeDSecureRedirect');
  throws(() => isolated('en', { timeout: 0 }), TypeError, 'positive number of milliseconds');
  throws(() => Payjp(' sk_test_0123456789abcdef01234567', { frameOrigin: FRAME_ORIGIN }), Error, 'Secret keys must never be used in a browser');
  const p = isolated();
  let rejected = false;
  await p.openThreeDSecureDialog('not an id').catch((e) => (rejected = e instanceof TypeError && e.message.includes('ch_')));
  assert(rejected, 'openThreeDSecureDialog rejects an id that is not one');
  const direct = isolated('en', { isolation: 'none' }).elements().create('card');
  const root = container();
  direct.mount(root);
  equal(inputs(root).length, 3, "isolation: 'none' renders the inputs in the page");
  direct.destroy();
});

window.__results = [];
try {
  await init();
} catch (e) {
  window.__results.push({ name: 'init', ok: false, error: String(e) });
}
for (const [name, fn] of tests) {
  try {
    await fn();
    window.__results.push({ name, ok: true });
  } catch (e) {
    window.__results.push({ name, ok: false, error: `${e.message}\n${e.stack ?? ''}` });
  }
}
window.__done = true;
