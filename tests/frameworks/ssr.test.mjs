// Server rendering in Node, as Next.js and Nuxt do it: payjp-wasm/react with react-dom/server and
// payjp-wasm/vue with vue/server-renderer, imported and rendered where there is no browser. No
// code of the package may touch `window`, `document` or another browser global (each access is
// recorded with its stack, and the package's own frames are looked for); the markup holds each
// element's placeholder; the function that makes the Payjp instance is never called. The React
// entry says "use client", so a Next.js server component may import it.
// Run with --preserve-symlinks (the Makefile does): node_modules/payjp-wasm links to pkg/, and
// its imports of react and vue must resolve from here, as from a registry install.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const GLOBALS = ['window', 'document', 'navigator', 'location', 'self', 'history', 'localStorage', 'sessionStorage', 'HTMLElement', 'customElements'];
const touched = [];
for (const name of GLOBALS) {
  if (name in globalThis && name !== 'navigator') throw new Error(`${name} is defined in this Node`);
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      touched.push({ name, stack: new Error().stack });
      return undefined;
    },
  });
}
/** The accesses made from the package's own files. */
const ours = () => touched.filter((t) => /node_modules\/payjp-wasm\//.test(t.stack)).map((t) => `${t.name}\n${t.stack}`);

/** The flex of each field box in the server's placeholder for `type`, or null when it is not there. */
function boxesOf(html, type) {
  const m = new RegExp(`payjp-placeholder payjp-type-${type}" aria-hidden="true"(?: style="")?><div style="display:flex;flex-wrap:wrap;gap:.6em;?">((?:<div style="flex:[^;"]*;height:1.5em;?"></div>)+)</div></div>`).exec(html);
  return m && [...m[1].matchAll(/flex:([^;"]*)/g)].map((b) => b[1]);
}
const CARD_WITH_NAME = ['0 0 32px', '99 1 11em', '1 0 5.2em', '1 0 3.6em', '1 1 100%'];

const never = () => {
  throw new Error('the Payjp factory ran on the server');
};

test('React: importing and rendering every element on the server touches no browser global', async () => {
  const { createElement: h } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const bindings = await import('payjp-wasm/react');
  const { Elements, CardElement, CardNumberElement, CardExpiryElement, CardCvcElement, CardholderNameElement } = bindings;
  for (const payjp of [never, null, new Promise(() => {})]) {
    const html = renderToString(
      h(Elements, { payjp, options: { locale: 'ja' } },
        h(CardElement, { id: 'card', className: 'box', options: { cardholderName: true } }),
        h(CardNumberElement, { id: 'number' }), h(CardExpiryElement, {}), h(CardCvcElement, {}), h(CardholderNameElement, {})),
    );
    assert.match(html, /<div id="card" class="box"><div class="payjp-element payjp-placeholder payjp-type-card"/);
    assert.deepEqual(boxesOf(html, 'card'), CARD_WITH_NAME);
    assert.deepEqual(boxesOf(html, 'cardNumber'), ['0 0 32px', '99 1 11em']);
    for (const type of ['cardExpiry', 'cardCvc', 'cardholderName']) assert.deepEqual(boxesOf(html, type), ['1 1 auto'], type);
  }
  const { readFileSync } = await import('node:fs');
  assert.match(readFileSync(new URL('node_modules/payjp-wasm/react.js', import.meta.url), 'utf8'), /^"use client";\n/);
  // The hooks outside the provider are misuse: they say what was expected.
  const Probe = () => bindings.usePayjp();
  assert.throws(() => renderToString(h(Probe)), /usePayjp: expected a component inside <Elements>/);
  assert.deepEqual(ours(), []);
});

test('Vue: importing and rendering every element on the server touches no browser global', async () => {
  const { createSSRApp, h } = await import('vue');
  const { renderToString } = await import('vue/server-renderer');
  const bindings = await import('payjp-wasm/vue');
  const { Elements, CardElement, CardNumberElement, CardExpiryElement, CardCvcElement, CardholderNameElement } = bindings;
  for (const payjp of [never, null, new Promise(() => {})]) {
    const app = createSSRApp({
      render: () => h(Elements, { payjp, options: { locale: 'ja' } }, () => [
        h(CardElement, { id: 'card', class: 'box', options: { cardholderName: true } }),
        h(CardNumberElement, { id: 'number' }), h(CardExpiryElement), h(CardCvcElement), h(CardholderNameElement),
      ]),
    });
    const html = await renderToString(app);
    assert.match(html, /<div id="card" class="box"><div class="payjp-element payjp-placeholder payjp-type-card"/);
    assert.deepEqual(boxesOf(html, 'card'), CARD_WITH_NAME);
    assert.deepEqual(boxesOf(html, 'cardNumber'), ['0 0 32px', '99 1 11em']);
    for (const type of ['cardExpiry', 'cardCvc', 'cardholderName']) assert.deepEqual(boxesOf(html, type), ['1 1 auto'], type);
  }
  // The plugin registers the components by name.
  const named = createSSRApp({ template: '' });
  named.use(bindings.PayjpPlugin);
  for (const name of ['PayjpElements', 'CardElement', 'CardNumberElement', 'CardExpiryElement', 'CardCvcElement', 'CardholderNameElement']) {
    assert.ok(named.component(name), `${name} registered`);
  }
  const errors = [];
  const outside = createSSRApp({ setup: () => bindings.useElements(), render: () => null });
  outside.config.errorHandler = (e) => errors.push(e.message);
  await renderToString(outside).catch((e) => errors.push(e.message));
  assert.match(errors.join(), /useElements: expected a component inside <Elements>/);
  assert.deepEqual(ours(), []);
});

test("the README's Next.js example is the file tsc --strict compiles (types/next-example.tsx)", async () => {
  const { readFileSync } = await import('node:fs');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('types/next-example.tsx', import.meta.url), 'utf8');
  assert.ok(readme.includes('```tsx\n' + example + '```'), 'README.md holds types/next-example.tsx verbatim');
});
