// Direct mode (`isolation: 'none'`, an explicit opt-in): the backend of a `Payjp` instance whose
// card inputs, badge and API client run in the merchant's page. It lives in core.js, beside the
// code it drives, so the page's host (index.js) carries none of it.
import { Payjp as createClient, _suggestEmail } from '../payjp_wasm.js';
import { renderBadge } from './badge.js';
import { isObject } from '../shared/dom.js';
import { renderChallenge } from './challenge.js';
import { challengeBook } from './challenges.js';
import { TAG } from './rendezvous.js';
import { onlyCardRefused, tokenFromValues } from './token.js';
import { ElementView, SharedBrand, loadFonts } from './view.js';

/**
 * @param {{ publicKey: string, apiBase: string, lang: 'ja'|'en', timeout?: number }} config
 *   checked by the page's `Payjp()`
 * @param {(s: object) => object[]} cardViews the views that make one card for an element
 */
export function directBackend(config, cardViews) {
  const apiBase = config.apiBase ?? 'https://api.pay.jp/v1';
  const client = createClient(config.publicKey, { locale: config.lang, apiBase, timeout: config.timeout });
  // 3-D Secure: the challenge returns to the page its redirect name points to, which says so to
  // the popup's opener or the frame's parent: this page. The popup of the subwindow workflow is
  // the one window (besides the dialog's frame, see challenge.js) a return may come from.
  const tds = challengeBook({ client, publicKey: config.publicKey, apiBase, storage: () => window.sessionStorage });
  let popup = null;
  window.addEventListener('message', (event) => {
    const d = event.data;
    if (popup && event.source === popup && isObject(d) && d.tag === TAG && d.kind === 'tds-return') tds.returned(null, 'subwindow');
  });
  const calls = { tdsStart: tds.start, tdsWait: tds.wait, tdsCancel: tds.cancel, tdsReturn: tds.redirected };
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
    createToken: async (s, data) => {
      const views = cardViews(s);
      // As in the controller frame: every problem in one answer.
      // The group's cardholderName element, if it has one: its name goes with the card.
      const name = s.group.members.find((m) => m.type === 'cardholderName' && m.container);
      if (name) views.push(name.view);
      for (const view of views) view.validateForSubmit();
      const values = [];
      for (const view of views) view.valuesInto(values);
      const result = await tokenFromValues(client, values, data);
      if (onlyCardRefused(result)) views.find((v) => v.summary.error)?.focus();
      return result;
    },
    retrieveAvailability: (tenant) => client.retrieveAvailability({ tenant }),
    checkConnection: () => client.checkConnection(),
    suggestEmail: (address) => ({ suggestion: _suggestEmail(address) }),
    // `w`: the popup the page opened for this challenge (with tdsStart).
    tds: async (t, d, w) => {
      if (t === 'tdsStart') popup = w ?? null;
      return calls[t](d);
    },
    // The challenge in the page's dialog; its return page reports back to this page.
    challenge: (dialog, { start, lang, onCancel }) => renderChallenge(dialog, { lang, start, onCancel, onReturn: () => tds.returned(null, 'iframe') }),
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
