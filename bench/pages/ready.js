// Time from navigation start until the card element's `ready` event.
import init, { Payjp } from '/pkg/index.js';

await init();
const payjp = Payjp('pk_test_0123456789abcdef01234567', { apiBase: new URLSearchParams(location.search).get('apiBase') });
const card = payjp.elements().create('card');
card.on('ready', () => { window.readyAt = performance.now(); });
card.mount('#card');
