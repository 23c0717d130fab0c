// The bindings' shared rules (src/dom/bindings/shared.js), as tables: what the provider accepts as
// `payjp`, which option changes become an `update()` and with what, and the placeholder's size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { optionsKey, optionsUpdate, placeholder, resolvePayjp } from '../../src/dom/bindings/shared.js';

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
    [{}, { disabled: undefined }, null], // undefined is no option
    [{ style }, { style: { base: { fontSize: '16px', color: '#333' } } }, null], // the same, keys in another order
    [{ disabled: false }, { disabled: true }, { disabled: true }],
    [{ disabled: true }, {}, { disabled: false }], // taken away: back to the default
    [{ disabled: true }, { disabled: undefined }, { disabled: false }],
    [{ hideIcon: true, showError: false }, {}, { hideIcon: false, showError: true }],
    [{ style }, { style: undefined }, { style: {} }],
    [{ placeholder: 'a' }, { placeholder: 'b' }, { placeholder: 'b' }],
    [{ placeholder: { number: 'a' } }, { placeholder: { number: 'b' } }, { placeholder: { number: 'b' } }],
    [{ placeholder: 'a' }, {}, {}], // no default to go back to: an update that changes nothing
    [{ cardholderName: true }, { cardholderName: false }, null], // create's alone: the component makes it anew
    [{ label: 'Card' }, { label: 'Card', cardholderName: true }, null],
  ]) {
    assert.deepEqual(optionsUpdate(optionsKey(before), after), expected, JSON.stringify([before, after]));
  }
});

test("the placeholder has the element's classes and its fields as boxes that wrap as they do", () => {
  const row = { display: 'flex', flexWrap: 'wrap', gap: '.6em' };
  const box = (flex) => ({ flex, height: '1.5em' });
  const [icon, number, expiry, cvc, name, one] = ['0 0 32px', '99 1 11em', '1 0 5.2em', '1 0 3.6em', '1 1 100%', '1 1 auto'].map(box);
  for (const [type, options, boxes] of [
    ['card', undefined, [icon, number, expiry, cvc]],
    ['card', { hideIcon: true }, [number, expiry, cvc]],
    ['card', { cardholderName: true }, [icon, number, expiry, cvc, name]],
    ['cardNumber', { cardholderName: true }, [icon, number]],
    ['cardExpiry', {}, [one]],
    ['cardCvc', {}, [one]],
    ['cardholderName', {}, [one]],
  ]) {
    assert.deepEqual(placeholder(type, options), { className: `payjp-element payjp-placeholder payjp-type-${type}`, row, boxes }, `${type} ${JSON.stringify(options)}`);
  }
});
