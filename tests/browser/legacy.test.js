// The element layer where `document.adoptedStyleSheets` does not exist: styles go into an empty
// <style> element through the CSSOM instead, and a merchant's style still applies. Also: card
// inputs are never controls of a form, whatever the browser.
import init, { Payjp } from '/pkg/index.js';

const results = (window.__results = []);
const test = async (name, fn) => {
  try {
    await fn();
    results.push({ name, ok: true });
  } catch (e) {
    results.push({ name, ok: false, error: `${e.message}\n${e.stack ?? ''}` });
  }
};
const equal = (a, b, m = '') => {
  if (a !== b) throw new Error(`${m} expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
};

await init();
const payjp = Payjp('pk_test_0123456789abcdef01234567', { isolation: 'none', apiBase: 'http://127.0.0.1:9/v1' });

await test('without adoptedStyleSheets the fields render and take the merchant style', async () => {
  equal('adoptedStyleSheets' in document, false, 'the page really lacks them');
  const root = document.createElement('div');
  document.body.append(root);
  const card = payjp.elements().create('card', { style: { base: { color: 'rgb(1, 2, 3)', fontSize: '19px' } } });
  card.mount(root);
  const number = root.querySelector('.payjp-number');
  equal(getComputedStyle(number).color, 'rgb(1, 2, 3)');
  equal(getComputedStyle(number).fontSize, '19px');
  equal(getComputedStyle(root.querySelector('.payjp-element')).display, 'flex', 'the layout sheet applies too');
  card.update({ style: { base: { color: 'rgb(4, 5, 6)' } } });
  equal(getComputedStyle(number).color, 'rgb(4, 5, 6)', 'update() replaces it');
  const sheets = document.querySelectorAll('style').length;
  card.destroy();
  equal(document.querySelectorAll('style').length, sheets - 1, 'destroy() removes its sheet');
});

await test('card inputs in a merchant form are never submitted with it', async () => {
  const form = document.createElement('form');
  const name = Object.assign(document.createElement('input'), { name: 'order', value: 'sencha' });
  const root = document.createElement('div');
  form.append(name, root);
  document.body.append(form);
  const card = payjp.elements().create('card');
  card.mount(root);
  const [number, expiry, cvc] = root.querySelectorAll('input');
  for (const [input, value] of [[number, '4242424242424242'], [expiry, '1230'], [cvc, '123']]) {
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  }
  equal([...new FormData(form).keys()].join(','), 'order', 'only the merchant field is a control of the form');
  for (const input of [number, expiry, cvc]) equal(input.name, '', 'no name');
  card.destroy();
});

window.__done = true;
