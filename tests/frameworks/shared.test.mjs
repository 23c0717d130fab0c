// The bindings' shared rules (src/dom/bindings/shared.js), as tables: what the provider accepts as
// `payjp`, which option changes become an `update()` and with what, and the placeholder's size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { optionsUpdate, placeholder, resolvePayjp } from '../../src/dom/bindings/shared.js';

const instance = { elements() {}, createToken() {} };

test('the provider takes an instance, a promise of one, a function making one, or null', async () => {
  for (const [value, expected] of [
    [instance, instance],
    [Promise.resolve(instance), instance],
    [() => instance, instance],
    [async () => instance, instance],
    [null, null],
    [undefined, null],
    [Promise.resolve(null), null],
  ]) {
    assert.equal(await resolvePayjp(value, '<Elements>'), expected);
  }
  for (const misuse of ['pk_test_0123456789abcdef01234567', {}, { elements() {} }, 42, () => 'pk_test_x', Promise.resolve({})]) {
    await assert.rejects(resolvePayjp(misuse, '<Elements>'), (e) => e instanceof TypeError && /^<Elements>: expected payjp to be a Payjp instance, a promise of one, a function returning one, or null\.$/.test(e.message));
  }
  // A function that throws (Payjp() refusing a secret key, say) rejects with its error.
  await assert.rejects(resolvePayjp(() => { throw new TypeError('Payjp: a secret key'); }, '<Elements>'), /a secret key/);
});

test('an option change is one update() with what changed; no change, no update', () => {
  const style = { base: { color: '#333', fontSize: '16px' } };
  for (const [before, after, expected] of [
    [undefined, undefined, null],
    [{}, {}, null],
    [{ style }, { style: { base: { fontSize: '16px', color: '#333' } } }, null], // the same, keys in another order
    [{ disabled: false }, { disabled: true }, { disabled: true }],
    [{ disabled: true }, {}, { disabled: false }], // taken away: back to the default
    [{ hideIcon: true, showError: false }, {}, { hideIcon: false, showError: true }],
    [{ style }, {}, { style: {} }],
    [{ placeholder: 'a' }, { placeholder: 'b' }, { placeholder: 'b' }],
    [{ placeholder: 'a' }, {}, {}], // no default to go back to: nothing to send, but not "no change"
    [{ cardholderName: true }, { cardholderName: false }, null], // create's alone: the component makes it anew
    [{ label: 'Card' }, { label: 'Card', cardholderName: true }, null],
  ]) {
    assert.deepEqual(optionsUpdate(before, after), expected, JSON.stringify([before, after]));
  }
});

test("the placeholder has the element's classes and the height of its rows", () => {
  for (const [type, options, height] of [
    ['card', undefined, '1.5em'],
    ['card', { cardholderName: true }, '3.6em'],
    ['cardNumber', { cardholderName: true }, '1.5em'],
    ['cardExpiry', {}, '1.5em'],
    ['cardholderName', {}, '1.5em'],
  ]) {
    assert.deepEqual(placeholder(type, options), { className: `payjp-element payjp-placeholder payjp-type-${type}`, height });
  }
});
