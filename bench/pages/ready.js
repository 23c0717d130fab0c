// Time from navigation start until the card element's `ready` event.
import init, { Payjp } from '/pkg/index.js';

await init();
const params = new URLSearchParams(location.search);
// With ?frameOrigin=… the element is isolated: ready fires once its frame has loaded and rendered.
const frameOrigin = params.get('frameOrigin');
const payjp = Payjp('pk_test_0123456789abcdef01234567', { apiBase: params.get('apiBase'), ...(frameOrigin ? { frameOrigin } : { isolation: 'none' }) });
const card = payjp.elements().create('card');
card.on('ready', () => { window.readyAt = performance.now(); });
card.mount('#card');
