// In-page measurements; results are read by bench/run.mjs through window.bench.
import init, { Payjp, validateCardNumber } from '/pkg/index.js';

await init();
const params = new URLSearchParams(location.search);
const apiBase = params.get('apiBase');

const NUMBERS = [
  '4242424242424242', '4242 4242 4242 4242', '４２４２４２４２４２４２４２４２', '5555555555554444',
  '378282246310005', '3852000002323', '4242424242424241', '4242', '6221260000000000', '1234abcd',
  '3530-1113-3330-0000', '',
];

function rate(fn, ms = 1000) {
  let calls = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i += 1) fn(NUMBERS[(calls + i) % NUMBERS.length]);
    calls += 100;
  }
  return calls / (ms / 1000);
}

function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}

/** Keystroke to formatted DOM: one input event per digit, timed around the synchronous handlers. */
function keystrokes(input, count) {
  const digits = '4242424242424242';
  const samples = [];
  for (let i = 0; i < count; i += 1) {
    const pos = i % 16;
    if (pos === 0) input.value = '';
    const start = performance.now();
    input.value += digits[pos];
    input.setSelectionRange(input.value.length, input.value.length);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: digits[pos] }));
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

window.bench = {
  validation() {
    return {
      ours: rate((n) => validateCardNumber(n)),
      cardValidator: rate((n) => window.peers.cardValidator.number(n)),
    };
  },
  keystrokes(count) {
    const payjp = Payjp('pk_test_0123456789abcdef01234567', { apiBase, isolation: 'none' });
    const card = payjp.elements().create('cardNumber');
    card.mount('#card');
    const ours = keystrokes(document.querySelector('#card input'), count);
    new window.peers.Cleave('#cleave', { creditCard: true });
    const cleave = keystrokes(document.getElementById('cleave'), count);
    return { ours, cleave };
  },
  async createTokenOverhead(count) {
    const key = 'pk_test_0123456789abcdef01234567';
    const body = 'card%5Bnumber%5D=4242424242424242&card%5Bcvc%5D=123&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2040';
    const sdk = [];
    const raw = [];
    for (let i = 0; i < count; i += 1) {
      // A fresh instance each time: the SDK's 2 s cool-down applies per instance.
      const payjp = Payjp(key, { apiBase, isolation: 'none' });
      const elements = payjp.elements();
      const card = elements.create('card');
      const host = document.createElement('div');
      document.body.append(host);
      card.mount(host);
      const [number, expiry, cvc] = host.querySelectorAll('input');
      for (const [el, v] of [[number, '4242424242424242'], [expiry, '1240'], [cvc, '123']]) {
        el.value = v;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      }
      let t = performance.now();
      const token = await payjp.createToken(card);
      sdk.push(performance.now() - t);
      if (token.error) throw new Error(token.error.message);
      t = performance.now();
      const response = await fetch(`${apiBase}/tokens`, {
        method: 'POST',
        body,
        headers: { Authorization: `Basic ${btoa(`${key}:`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      await response.text();
      raw.push(performance.now() - t);
      card.destroy();
      host.remove();
    }
    return { sdk: percentiles(sdk), raw: percentiles(raw) };
  },
};
document.body.dataset.ready = 'true';
