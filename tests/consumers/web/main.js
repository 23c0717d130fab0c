// A page without a bundler: the package's ./web entry, straight from where it is served.
import init, { Payjp } from '/node_modules/payjp-wasm/web.js';

const params = new URLSearchParams(location.search);
await init();
const payjp = Payjp('pk_test_0123456789abcdef01234567', { locale: 'en', apiBase: params.get('apiBase'), isolation: 'none' });
const card = payjp.elements().create('card');
card.mount('#card');
document.getElementById('pay').addEventListener('click', async () => {
  const r = await payjp.createToken(card);
  document.getElementById('out').textContent = r.error ? `error ${r.error.code}` : `token ${r.id}`;
});
document.body.dataset.ready = 'true';
