// Time from navigation start until the card element's `ready` event.
import init, { Payjp } from '/pkg/index.js';

const params = new URLSearchParams(location.search);
// With ?frameOrigin=… the element is isolated: this page loads only the host (no wasm), and ready
// fires once the frame has loaded the core and rendered. Without it, direct mode loads the core here.
const frameOrigin = params.get('frameOrigin');
if (!frameOrigin) await init();
const payjp = Payjp('pk_test_0123456789abcdef01234567', { apiBase: params.get('apiBase'), ...(frameOrigin ? { frameOrigin } : { isolation: 'none' }) });
const card = payjp.elements().create('card');
card.on('ready', () => { window.readyAt = performance.now(); });
card.mount('#card');
