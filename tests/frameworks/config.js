// The test apps' settings, from the page's query string (read on the client only): the public key,
// the payment origin serving the frames (isolated mode) or `isolation=none` (direct mode), and
// whether to ask for 3-D Secure. `makePayjp` is what both apps hand their provider: a function,
// so the Payjp instance is made on the client, never on the server.
import init, { Payjp } from 'payjp-wasm';

export function readConfig(search) {
  const q = new URLSearchParams(search);
  return {
    key: q.get('key') ?? 'pk_test_0123456789abcdef01234567',
    frameOrigin: q.get('frameOrigin'),
    apiBase: q.get('apiBase'),
    direct: q.get('isolation') === 'none',
    tds: q.get('tds') === '1',
    keepAlive: q.get('keepAlive') === '1',
    // The developer's mistake: the public key given where the Payjp instance belongs.
    misuse: q.get('misuse') === '1',
    // How the provider gets its instance: a function (the default), `instance` (made at once on
    // the client), `promise`, or `late` (null at first, the function a moment later).
    source: q.get('source') ?? 'function',
    // The split elements and the holder-name element instead of the combined one.
    split: q.get('split') === '1',
  };
}

export function makePayjp(config) {
  if (config.misuse) return config.key;
  return async () => {
    window.__app.payjpMade = (window.__app.payjpMade ?? 0) + 1;
    if (!config.direct) return Payjp(config.key, { frameOrigin: config.frameOrigin, locale: 'en' });
    await init();
    return Payjp(config.key, { isolation: 'none', apiBase: config.apiBase, locale: 'en' });
  };
}

/** The provider's `payjp` as `config.source` says; `later` hands over the function for `late`. */
export function payjpSource(config, later) {
  const make = makePayjp(config);
  if (config.misuse || typeof window === 'undefined') return make;
  switch (config.source) {
    case 'instance': return Payjp(config.key, { frameOrigin: config.frameOrigin, locale: 'en' });
    case 'promise': return make();
    case 'late':
      setTimeout(() => later(make), 300);
      return null;
    default: return make;
  }
}

/** The placeholder the number field shows: the test toggles it with `disabled`. */
export const numberPlaceholder = (disabled) => (disabled ? 'Disabled' : 'Card number');

/** What a createToken result shows as: `token tok_… verified`, or `error <code>`. */
export const describe = (r) => (r.error ? `error ${r.error.code}` : `token ${r.id} ${r.card.three_d_secure_status ?? 'none'} ${r.card.name}`);

export const CARD_DETAILS = { name: 'TARO YAMADA', email: 'taro@example.jp' };
