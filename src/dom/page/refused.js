// The drop-in script's answer when isolation cannot be had (it found no frame origin): fail
// closed. Elements show a localized notice instead of inputs and emit `loaderror`; every call
// resolves `{ error }`. Nothing can be typed, so nothing can leak. Only payjp.js carries this.
import { ensureHostSheet } from './frames.js';

const REFUSED = {
  ja: 'カード入力欄を表示できません（ページの設定に誤りがあります）。',
  en: 'The card fields cannot be shown: this page has a configuration error.',
};

/** The backend of a `Payjp` instance that refuses. */
export function refusedBackend(lang) {
  const error = () => ({ type: 'client_error', code: 'frame_origin_missing', message: REFUSED[lang], status: null, param: null, apiMessage: null });
  const result = () => Promise.resolve({ error: error() });
  return {
    frame: null,
    group: () => ({
      view: (document, type, group, options, emit) => {
        ensureHostSheet(document);
        const root = document.createElement('div');
        root.className = `payjp-element payjp-refused payjp-type-${type}`;
        root.setAttribute('role', 'alert');
        root.textContent = REFUSED[lang];
        const noop = () => {};
        const remove = () => root.remove();
        return {
          document, root, errorRegion: '', summary: null,
          open: () => setTimeout(() => emit('loaderror', { error: error() })),
          applyOptions: noop, focus: noop, blur: noop, clear: noop, remove, teardown: remove,
        };
      },
    }),
    createToken: result,
    retrieveAvailability: result,
    checkConnection: () => Promise.resolve({ reachable: false, reason: 'network' }),
    suggestEmail: result,
    // Nothing was started here, so a return has nothing to finish.
    tds: (t) => (t === 'tdsReturn' ? Promise.resolve(null) : result()),
    badge: () => ({ root: '', remove() {} }),
  };
}
