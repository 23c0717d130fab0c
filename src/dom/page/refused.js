// The drop-in script's answer when isolation cannot be had (it found no frame origin): fail
// closed. Elements show a localized notice instead of inputs and emit `loaderror`; every call
// resolves `{ error }`. Nothing can be typed, so nothing can leak. Only payjp.js carries this.
import { ensureHostSheet } from './frames.js';

const REFUSED = {
  ja: 'このページではカード入力欄を表示できません（設定に誤りがあります）。お手数ですが、ショップにお問い合わせください。',
  en: 'The card fields cannot be shown on this page because of a configuration error. Please contact the shop.',
};

/** The backend of a `Payjp` instance that refuses. */
export function refusedBackend(lang) {
  const error = () => ({ type: 'client_error', code: 'frame_origin_missing', message: REFUSED[lang], status: null, param: null, apiMessage: null });
  const result = () => Promise.resolve({ error: error() });
  return {
    group: () => ({
      view: (document, type, group, options, emit) => {
        ensureHostSheet(document);
        const root = document.createElement('div');
        root.className = `payjp-element payjp-refused payjp-type-${type}`;
        root.setAttribute('role', 'alert');
        root.textContent = REFUSED[lang];
        const noop = () => {};
        return {
          document, root, errorRegion: document.createTextNode(''), summary: null,
          open: () => setTimeout(() => emit('loaderror', { error: error() })),
          applyOptions: noop, focus: noop, blur: noop, clear: noop,
          remove: () => root.remove(), teardown: () => root.remove(),
        };
      },
    }),
    createToken: result,
    retrieveAvailability: result,
    checkConnection: () => Promise.resolve({ reachable: false, reason: 'network' }),
    finishThreeDSecure: result,
    badge: (document) => {
      const root = document.createElement('span');
      return { root, remove: () => root.remove() };
    },
  };
}
