// Misuses of the published API that `tsc --strict` must reject. Each line below carries
// `@ts-expect-error`: if a type loosens so that the line compiles, tsc fails this file.
import { validateCardNumber, validateExpiry, validateCvc, formatCardNumber, Payjp } from 'payjp-wasm';

export async function misuses(): Promise<void> {
  // @ts-expect-error: the input must be a string
  validateCardNumber(4242424242424242);
  // @ts-expect-error: only 'ja' and 'en'
  validateCardNumber('4242', 'fr');
  // @ts-expect-error: now needs year and month
  validateExpiry('12/30', 'ja', { year: 2026 });
  // @ts-expect-error: brands are PAY.JP's names
  validateCvc('123', 'AMEX');
  // @ts-expect-error: the caret is a number
  formatCardNumber('4242', '4');
  // @ts-expect-error: options are typed (a locale is a string; unknown ones fall back at run time)
  Payjp('pk_test_x', { frameOrigin: 'https://js.example.com', locale: 42 });
  // @ts-expect-error: timeout is a number of milliseconds
  Payjp('pk_test_x', { frameOrigin: 'https://js.example.com', timeout: '10s' });
  // @ts-expect-error: a frame origin, or isolation: 'none'; never direct mode by omission
  Payjp('pk_test_x');
  // @ts-expect-error: a frame origin, or isolation: 'none'; never direct mode by omission
  Payjp('pk_test_x', { locale: 'ja' });
  const r = validateCardNumber('4242');
  // @ts-expect-error: brand is a union, not any string
  const b: 'Maestro' = r.brand;
  // @ts-expect-error: error may be null
  const c: string = r.error.code;
  const payjp = Payjp('pk_test_x', { frameOrigin: 'https://js.example.com' });
  // @ts-expect-error: the address is a string
  await payjp.suggestEmail(null);
  // @ts-expect-error: there may be nothing to suggest
  const s: string = await payjp.suggestEmail('taro@gmial.com');
  const check = await payjp.checkConnection();
  // @ts-expect-error: latencyMs only exists when reachable
  const l: number = check.latencyMs;
  const elements = payjp.elements();
  // @ts-expect-error: element types are a closed set
  elements.create('cardnumber');
  // @ts-expect-error: label is text
  elements.create('cardholderName', { label: 1 });
  // @ts-expect-error: only allow-listed style properties
  elements.create('card', { style: { base: { background: 'red' } } });
  // @ts-expect-error: variants are base, complete, empty, invalid
  elements.create('card', { style: { hover: { color: 'red' } } });
  const card = elements.create('card');
  // @ts-expect-error: events are change, ready, focus and blur
  card.on('click', () => {});
  // @ts-expect-error: isolation is 'frame' or 'none'
  Payjp('pk_test_x', { frameOrigin: 'https://js.example.com', isolation: 'iframe' });
  // @ts-expect-error: the workflows are iframe, subwindow, redirect and auto
  Payjp('pk_test_x', { frameOrigin: 'https://js.example.com', threeDSecureWorkflow: 'popup' });
  // @ts-expect-error: direct mode's redirect workflow names the page it returns to
  Payjp('pk_test_x', { isolation: 'none', threeDSecureWorkflow: 'redirect' });
  // @ts-expect-error: a badge theme is light or dark
  payjp.securityBadge({ theme: 'blue' });
  // @ts-expect-error: createToken takes an element, not card data
  await payjp.createToken({ number: '4242424242424242' });
  const tokenResult = await payjp.createToken(card);
  // @ts-expect-error: the token's fields only exist once the error is ruled out
  void tokenResult.id.length;
  // @ts-expect-error: card data never goes to createToken: it comes from the elements
  await payjp.createToken(card, { card: { number: '4242424242424242' } });
  // @ts-expect-error: a tenant is a string
  await payjp.createToken(card, { tenant: 1 });
  // @ts-expect-error: openThreeDSecureIframe takes no options
  await payjp.openThreeDSecureIframe('ch_1', 1000);
  void [b, c, l, s];
}
