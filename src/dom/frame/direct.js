// Direct mode (`isolation: 'none'`, an explicit opt-in): the backend of a `Payjp` instance whose
// card inputs, badge and API client run in the merchant's page. It lives in core.js, beside the
// code it drives, so the page's host (index.js) carries none of it.
import { Payjp as createClient } from '../payjp_wasm.js';
import { renderBadge } from './badge.js';
import { threeDSecureResult, tokenFromValues } from './token.js';
import { ElementView, SharedBrand } from './view.js';

/**
 * @param {{ publicKey: string, apiBase: string, lang: 'ja'|'en', timeout?: number }} config
 *   checked by the page's `Payjp()`
 * @param {(s: object) => object[]} cardViews the views that make one card for an element
 */
export function directBackend(config, cardViews) {
  const client = createClient(config.publicKey, { locale: config.lang, apiBase: config.apiBase, timeout: config.timeout });
  return {
    group: () => {
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
    createToken: (s, options) => {
      const views = cardViews(s);
      for (const view of views) view.validateForSubmit();
      const invalid = views.find((v) => v.summary.error);
      if (invalid) {
        invalid.focus();
        return Promise.resolve({ error: invalid.summary.error });
      }
      const values = [];
      for (const view of views) view.valuesInto(values);
      return tokenFromValues(client, values, options, config.lang);
    },
    retrieveAvailability: () => client.retrieveAvailability(),
    checkConnection: () => client.checkConnection(),
    threeDSecure: (id, outcome, finish) => threeDSecureResult(client, id, outcome, finish, config.lang),
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
