// The security badge: an accessible SVG mark of our own design with text saying card details go
// directly to PAY.JP, encrypted, and are never stored on this site. It is honest: it says TEST
// MODE with a test key, shows a warning instead of the claim on a page that is not a secure
// context, and opens its short explanation in place (no navigation, no network).
//
// Rendered inside a frame of the payment origin in isolated mode (the frame itself knows whether
// its page is a secure context), in the page in direct mode. `payjp.securityBadge()` checks the
// merchant's options in the page and mounts what this renders.
import { attrs, ensureSheet, uniqueId } from '../shared/dom.js';
import { svg } from './view.js';

const TEXTS = {
  ja: {
    claim: 'カード情報は暗号化されてPAY.JPへ直接送信され、このサイトには保存されません',
    insecure: 'この接続は安全ではありません。カード情報を入力しないでください',
    test: 'テストモード',
    more: '詳しく',
    details: [
      'カード番号・有効期限・セキュリティコードは、お使いのブラウザから暗号化通信（HTTPS）で決済代行会社PAY.JPへ直接送られます。',
      'このサイトが受け取るのは一度だけ使える「トークン」のみで、カード情報そのものを受け取ったり保存したりすることはありません。',
      'PAY.JPはカード業界のセキュリティ基準PCI DSSに準拠した環境でカード情報を扱います。',
    ],
  },
  en: {
    claim: 'Card details go directly to PAY.JP, encrypted, and are never stored on this site',
    insecure: 'This connection is not secure. Do not enter card details',
    test: 'TEST MODE',
    more: 'Learn more',
    details: [
      'Your card number, expiry date and security code travel from your browser straight to PAY.JP, the payment processor, over an encrypted (HTTPS) connection.',
      'This site only receives a one-time token. It never receives or stores the card details themselves.',
      "PAY.JP handles card data in an environment that complies with PCI DSS, the card industry's security standard.",
    ],
  },
};

const BADGE_CSS =
  '.payjp-badge{display:inline-flex;flex-direction:column;gap:.4em;font:inherit;font-size:12px;line-height:1.45;max-width:34em}' +
  '.payjp-badge button{display:flex;align-items:center;gap:.5em;text-align:left;font:inherit;cursor:pointer;border-radius:6px;padding:.45em .7em;border:1px solid #d5dbe3;background:#f7f9fb;color:#1f2933}' +
  '.payjp-badge.payjp-dark button{background:#1f2933;color:#f5f7fa;border-color:#3e4c59}' +
  '.payjp-badge.payjp-large{font-size:14px}' +
  '.payjp-badge .payjp-badge-mark{flex:0 0 auto;color:#1f7a4d}' +
  '.payjp-badge.payjp-insecure .payjp-badge-mark{color:#b42318}' +
  '.payjp-badge .payjp-badge-test{white-space:nowrap;font-weight:700;font-size:.8em;letter-spacing:.04em;padding:.1em .4em;border-radius:3px;background:#fde68a;color:#5b3a00}' +
  '.payjp-badge .payjp-badge-more{text-decoration:underline;white-space:nowrap}' +
  '.payjp-badge .payjp-badge-details{margin:0;padding:.6em .8em;border-radius:6px;background:#f7f9fb;color:#3e4c59}' +
  '.payjp-badge.payjp-dark .payjp-badge-details{background:#323f4b;color:#e4e7eb}' +
  '.payjp-badge .payjp-badge-details[hidden]{display:none}' +
  '.payjp-badge .payjp-badge-details p{margin:.2em 0}';

/** A padlock, or a warning triangle when the page is not secure, drawn with two paths. */
function mark(document, secure) {
  const root = svg(document, 'svg', { viewBox: '0 0 24 24', width: '20', height: '20', 'aria-hidden': 'true', focusable: 'false', class: 'payjp-badge-mark' });
  const shapes = secure
    ? [['M7 10V7a5 5 0 0 1 10 0v3', 'none'], ['M5 10h14v11H5z', 'currentColor']]
    : [['M12 2 1 21h22z', 'currentColor'], ['M12 9v6M12 17.5v.5', 'none']];
  for (const [d, fill] of shapes) {
    root.append(svg(document, 'path', { d, fill, stroke: fill === 'none' ? 'currentColor' : 'none', 'stroke-width': '2' }));
  }
  return root;
}

/**
 * The badge's root node.
 * @param {Document} document
 * @param {{ theme?: 'light'|'dark', size?: 'small'|'large', lang: 'ja'|'en', testMode: boolean,
 *   secure: boolean }} options checked by the page (`badgeOptions`)
 */
export function renderBadge(document, { theme, size, lang, testMode, secure }) {
  const t = TEXTS[lang];
  ensureSheet(document, 'badge', BADGE_CSS);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  const root = el('div', 'payjp-badge');
  root.classList.toggle('payjp-dark', theme === 'dark');
  root.classList.toggle('payjp-large', size === 'large');
  root.classList.toggle('payjp-insecure', !secure);
  const detailsId = uniqueId('payjp-badge-');
  const button = attrs(el('button'), { type: 'button', 'aria-expanded': 'false', 'aria-controls': detailsId });
  button.append(mark(document, secure), el('span', 'payjp-badge-text', secure ? t.claim : t.insecure));
  if (testMode) button.append(el('span', 'payjp-badge-test', t.test));
  button.append(el('span', 'payjp-badge-more', t.more));
  const details = attrs(el('div', 'payjp-badge-details'), { id: detailsId, role: 'region', 'aria-label': t.more });
  details.hidden = true;
  details.append(...t.details.map((line) => el('p', '', line)));
  button.addEventListener('click', () => {
    details.hidden = !details.hidden;
    button.setAttribute('aria-expanded', String(!details.hidden));
  });
  root.append(button, details);
  return root;
}
