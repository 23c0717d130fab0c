// An app as a bundler user writes it: import from the package name, no paths into it.
import init, { Payjp, validateCardNumber } from 'payjp-wasm';

const params = new URLSearchParams(location.search);
await init();
const payjp = Payjp('pk_test_0123456789abcdef01234567', { locale: 'en', apiBase: params.get('apiBase'), isolation: 'none' });
const card = payjp.elements().create('card');
card.mount('#card');
document.getElementById('pay').addEventListener('click', async () => {
  const r = await payjp.createToken(card);
  document.getElementById('out').textContent = r.error ? `error ${r.error.code}` : `token ${r.id}`;
});
document.body.dataset.valid = String(validateCardNumber('4242 4242 4242 4242').isValid);
document.body.dataset.ready = 'true';
