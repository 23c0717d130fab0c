// What bench/resources.mjs drives: one page, one Payjp instance, isolated (?frameOrigin=…) or
// direct. `cycles(n)` creates, mounts, waits for ready, unmounts and destroys a card element n
// times; `payments(n)` tokenizes the card typed into the mounted element n times.
import init, { Payjp } from '/pkg/index.js';

const params = new URLSearchParams(location.search);
const frameOrigin = params.get('frameOrigin');
if (!frameOrigin) await init();
const payjp = Payjp('pk_test_0123456789abcdef01234567', { apiBase: params.get('apiBase'), ...(frameOrigin ? { frameOrigin } : { isolation: 'none' }) });
const elements = payjp.elements();
const ready = (element) => new Promise((resolve) => element.on('ready', resolve));
let card = null;

window.bench = {
  async cycles(n) {
    for (let i = 0; i < n; i += 1) {
      const element = elements.create('card');
      const shown = ready(element);
      element.mount('#card');
      await shown;
      element.unmount();
      element.destroy();
    }
  },
  /** Mounts the element the payments use; the bench types the card into it. */
  async mount() {
    card = elements.create('card');
    const shown = ready(card);
    card.mount('#card');
    await shown;
  },
  async payments(n) {
    let tokens = 0;
    for (let i = 0; i < n; i += 1) {
      const r = await payjp.createToken(card);
      if (r.error) throw new Error(`payment ${i}: ${r.error.code}`);
      tokens += 1;
    }
    return tokens;
  },
};
document.body.dataset.ready = 'true';
