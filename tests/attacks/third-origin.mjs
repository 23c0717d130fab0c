// Attacker 3 of ../shared/SECURITY.md: a page of another origin that holds a reference to the
// checkout's window (it opened it). `forgeAtCheckout` runs in that page (Playwright's
// `page.evaluate`, WebDriver's `execute`), with the checkout's window in `window.__w`. It posts the
// frames' whole vocabulary at the checkout and at every frame in it: the page's calls on ports of
// its own (`token`, `collect`, `suggestEmail`, 3-D Secure), UI commands, forged values, the
// frames' discovery messages (claims, binds, a controller, a challenge's return) and forged
// answers to the page. Resolves with every answer any port got, and how many frames it reached.
// tests/attacks runs it in Chromium and Firefox; tests/e2e in Chromium, with Playwright's checks.
export async function forgeAtCheckout() {
  const w = window.__w;
  const got = [];
  const port = () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => got.push(JSON.stringify(e.data));
    return channel.port2;
  };
  const nonce = 'f'.repeat(32);
  const peer = { tag: 'payjp-peer', instance: 'x', group: 'g1', key: 'pk_test_ffffffffffffffffffffffff', api: 'http://127.0.0.1:1/v1' };
  const commands = [
    { t: 'focus' }, { t: 'blur' }, { t: 'clear' }, { t: 'update', options: { disabled: true } },
    { t: 'brand', brand: 'American Express' }, { t: 'collect', id: 1 }, { t: 'token', id: 1, group: 'g1', options: {} },
    { t: 'field', type: 'card' }, { t: 'link' },
    { t: 'suggestEmail', id: 2, address: 'taro@gmial.com' }, { t: 'availability', id: 3 }, { t: 'connection', id: 4 },
    { t: 'tdsStart', id: 5 }, { t: 'tdsReturn', id: 6 }, { t: 'values', id: 1, error: null, values: { 0: '4000000000000002', 1: '12 / 30', 2: '123' } },
    { ...peer, kind: 'field', type: 'card' }, { ...peer, kind: 'controller' }, { ...peer, kind: 'bind' },
    { ...peer, kind: 'tds-return', challenge: 'x' }, { tag: 'payjp-peer', kind: 'tds-return' },
  ];
  const frames = [];
  for (let i = 0; i < w.frames.length; i += 1) {
    frames.push(w.frames[i]);
    for (let j = 0; j < w.frames[i].frames.length; j += 1) frames.push(w.frames[i].frames[j]);
  }
  for (const frame of frames) {
    frame.postMessage({ payjp: 'connect', nonce, options: {}, config: { publicKey: 'pk_test_ffffffffffffffffffffffff' } }, '*', [port()]);
    for (const command of commands) {
      frame.postMessage(command, '*');
      frame.postMessage(command, '*', [port()]);
      frame.postMessage({ payjp: 'connect', nonce, ...command }, '*', [port()]);
    }
  }
  // Posing as a frame towards the checkout's SDK.
  w.postMessage({ payjp: 'ready', nonce }, '*', [port()]);
  w.postMessage({ payjp: 'hello', nonce }, '*');
  w.postMessage({ t: 'change', summary: { complete: true, empty: false, brand: 'Visa', error: null } }, '*');
  w.postMessage({ t: 'token', id: 1, result: { id: 'tok_forged' } }, '*');
  w.postMessage({ t: 'result', id: 1, result: { id: 'tok_forged' } }, '*');
  await new Promise((r) => setTimeout(r, 1500));
  return { got, frames: frames.length };
}
