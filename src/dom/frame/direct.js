// Direct mode (`isolation: 'none'`, an explicit opt-in): the backend of a `Payjp` instance whose
// card inputs, badge and API client run in the merchant's page. It lives in core.js, beside the
// code it drives, so the page's host (index.js) carries none of it.
import { Payjp as createClient } from '../payjp_wasm.js';
import { renderBadge } from './badge.js';
import { renderChallenge } from './challenge.js';
import { threeDSecureResult, tokenFromValues } from './token.js';
import { ElementView, SharedBrand, loadFonts } from './view.js';

/**
 * @param {{ publicKey: string, apiBase: string, lang: 'ja'|'en', timeout?: number }} config
 *   checked by the page's `Payjp()`
 * @param {(s: object) => object[]} cardViews the views that make one card for an element
 */
export function directBackend(config, cardViews) {
  const apiBase = config.apiBase ?? 'https://api.pay.jp/v1';
  const client = createClient(config.publicKey, { locale: config.lang, apiBase, timeout: config.timeout });
  return {
    frame: null,
    group: ({ fonts }) => {
      loadFonts(document, fonts);
      const shared = new SharedBrand();
      return {
        view: (document, type, group, options, emit) => new ElementView(document, type, group.lang, shared, options, emit),
        // A split CVC re-checks its length when the number's brand changes.
        onChange: (s) => {
          if (s.type !== 'cardNumber') return;
          for (const m of s.group.members) if (m.type === 'cardCvc') m.view.render(true);
        },
      };
    },
    createToken: (s, data) => {
      const views = cardViews(s);
      for (const view of views) view.validateForSubmit();
      const invalid = views.find((v) => v.summary.error);
      if (invalid) {
        invalid.focus();
        return Promise.resolve({ error: invalid.summary.error });
      }
      const values = [];
      for (const view of views) view.valuesInto(values);
      return tokenFromValues(client, values, data, config.lang);
    },
    retrieveAvailability: (tenant) => client.retrieveAvailability({ tenant }),
    checkConnection: () => client.checkConnection(),
    threeDSecure: (id, outcome, finish) => threeDSecureResult(client, id, outcome, finish, config.lang),
    apiBase: () => apiBase,
    // The challenge in the page's dialog; the issuer reports back to this page.
    challenge: (dialog, options) => renderChallenge(dialog, { ...options, back: window.location.href.split('#')[0] }),
    badge: (document, options) => {
      const root = renderBadge(document, {
        ...options,
        lang: options.locale ?? config.lang,
        testMode: !config.publicKey.startsWith('pk_live_'),
        secure: window.isSecureContext,
      });
      return { root, remove: () => root.remove() };
    },
  };
}
