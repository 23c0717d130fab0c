// The 3-D Secure challenge as the buyer sees it in a dialog: a heading, a close button and the
// issuer's page in a frame. In isolated mode it renders inside a frame of the payment origin
// (mode `tds`), so the page's side carries none of it; in direct mode the core renders it into
// the page's dialog. Either way, the issuer's page reports back to the window that embeds it, and
// only a message from that frame and from the API's origin counts.
import { attrs, ensureSheet, isObject, uniqueId } from '../shared/dom.js';

const TEXT = {
  ja: { title: '本人認証（3Dセキュア）', close: '本人認証を中止する', frame: 'カード発行会社の本人認証画面' },
  en: { title: 'Verify your card (3-D Secure)', close: 'Cancel card verification', frame: "Your card issuer's verification page" },
};

const CSS =
  '.payjp-tds-box{display:flex;flex-direction:column;height:100%;background:#fff;color:#1f2933;font:14px/1.4 system-ui,sans-serif}' +
  '.payjp-tds-head{display:flex;align-items:center;justify-content:space-between;gap:.5rem;padding:.6rem .8rem;border-bottom:1px solid #e4e7eb}' +
  '.payjp-tds-head h2{margin:0;font-size:1rem}' +
  '.payjp-tds-close{font:inherit;font-size:1.3rem;line-height:1;width:2.2rem;height:2.2rem;border:0;border-radius:6px;background:transparent;color:inherit;cursor:pointer}' +
  '.payjp-tds-close:focus-visible{outline:2px solid #2563eb}' +
  '.payjp-tds-frame{flex:1 1 auto;width:100%;border:0}';

/** The issuer's challenge for `id`, reporting back to `back`. */
export function startUrl(apiBase, id, publicKey, back) {
  const params = new URLSearchParams({ publickey: publicKey, back });
  return `${apiBase}/tds/${encodeURIComponent(id)}/start?${params}`;
}

/**
 * Renders the challenge into `parent` and calls `onOutcome('finished' | 'aborted')` once: when
 * the issuer's page reports back, or the buyer presses × or Escape. Returns a function that
 * stops listening.
 * @param {Element} parent
 * @param {{ lang: 'ja'|'en', id: string, apiBase: string, publicKey: string, back: string,
 *   onOutcome: (outcome: string) => void }} options
 */
export function renderChallenge(parent, { lang, id, apiBase, publicKey, back, onOutcome }) {
  const document = parent.ownerDocument;
  const window = document.defaultView;
  ensureSheet(document, 'three-d-secure', CSS);
  const t = TEXT[lang];
  const box = document.createElement('div');
  box.className = 'payjp-tds-box';
  const head = document.createElement('div');
  head.className = 'payjp-tds-head';
  const heading = attrs(document.createElement('h2'), { id: uniqueId('payjp-tds-title-') });
  heading.textContent = t.title;
  const close = attrs(document.createElement('button'), { type: 'button', class: 'payjp-tds-close', 'aria-label': t.close });
  close.textContent = '×';
  head.append(heading, close);
  const frame = attrs(document.createElement('iframe'), { class: 'payjp-tds-frame', title: t.frame });
  frame.src = startUrl(apiBase, id, publicKey, back);
  box.append(head, frame);
  parent.append(box);

  let done = false;
  const end = (outcome) => {
    if (done) return;
    done = true;
    stop();
    onOutcome(outcome);
  };
  const apiOrigin = new URL(apiBase).origin;
  const onMessage = (event) => {
    const d = event.data;
    if (event.origin !== apiOrigin || event.source !== frame.contentWindow) return;
    if (!isObject(d) || d.type !== 'payjp:three-d-secure' || d.token !== id) return;
    end(d.outcome === 'aborted' ? 'aborted' : 'finished');
  };
  const onKey = (e) => e.key === 'Escape' && end('aborted');
  window.addEventListener('message', onMessage);
  document.addEventListener('keydown', onKey);
  close.addEventListener('click', () => end('aborted'));
  const stop = () => {
    window.removeEventListener('message', onMessage);
    document.removeEventListener('keydown', onKey);
  };
  return { heading, close, stop };
}
