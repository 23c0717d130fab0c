// The 3-D Secure challenge as the buyer sees it in a dialog: a heading, a close button, the
// issuer's page in a frame, and a way to open it in a new window instead (an issuer may refuse to
// be framed; the buyer then still gets through, with the same token). In isolated mode it renders
// inside a frame of the payment origin (tds.html, mode `tds`), so the page's side carries none of
// it; in direct mode the core renders it into the page's dialog.
//
// The challenge returns to tds-return.html, which says so to the window that embeds it (or opened
// it): only a note from our issuer frame or our window counts, and, in isolated mode, only from
// the payment origin. It carries nothing; the server says how the challenge went.
import { attrs, ensureSheet, isObject, uniqueId } from '../shared/dom.js';
import { TAG } from './rendezvous.js';

const TEXT = {
  ja: {
    title: '本人認証（3Dセキュア）',
    close: '本人認証を中止する',
    frame: 'カード発行会社の本人認証画面',
    window: '表示されない場合は新しいウィンドウで開く',
    moved: '本人認証は新しいウィンドウで続けてください。終わると、この画面に戻ります。',
  },
  en: {
    title: 'Verify your card (3-D Secure)',
    close: 'Cancel card verification',
    frame: "Your card issuer's verification page",
    window: 'Not showing? Open it in a new window',
    moved: 'Continue the verification in the new window. This page carries on once it is done.',
  },
};

const CSS =
  '.payjp-tds-box{display:flex;flex-direction:column;height:100%;background:#fff;color:#1f2933;font:14px/1.4 system-ui,sans-serif}' +
  '.payjp-tds-head{display:flex;align-items:center;justify-content:space-between;gap:.5rem;padding:.6rem .8rem;border-bottom:1px solid #e4e7eb}' +
  '.payjp-tds-head h2{margin:0;font-size:1rem}' +
  '.payjp-tds-close{font:inherit;font-size:1.3rem;line-height:1;width:2.2rem;height:2.2rem;border:0;border-radius:6px;background:transparent;color:inherit;cursor:pointer}' +
  '.payjp-tds-close:focus-visible,.payjp-tds-window:focus-visible{outline:2px solid #2563eb}' +
  '.payjp-tds-window{font:inherit;font-size:.85rem;margin:.4rem .8rem;padding:.3rem .2rem;border:0;background:transparent;color:#1d4ed8;text-decoration:underline;cursor:pointer;align-self:flex-start}' +
  '.payjp-tds-moved{margin:1rem .8rem}' +
  '.payjp-tds-frame{flex:1 1 auto;width:100%;border:0}';

/**
 * Renders the challenge that starts at `start` into `parent`. Calls `onReturn()` once the issuer
 * is done (tds-return.html said so, from our frame or our window), `onCancel()` when the buyer
 * presses × or Escape. Returns `{ heading, close, stop() }`.
 * @param {Element} parent
 * @param {{ lang: 'ja'|'en', start: string, returnOrigin?: string, onReturn: () => void,
 *   onCancel: () => void }} options `returnOrigin`: the only origin a return may come from (the
 *   payment origin in isolated mode; direct mode's return page may be on any origin its redirect
 *   name points to).
 */
export function renderChallenge(parent, { lang, start, returnOrigin, onReturn, onCancel }) {
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
  frame.src = start;
  const fallback = attrs(document.createElement('button'), { type: 'button', class: 'payjp-tds-window' });
  fallback.textContent = t.window;
  box.append(head, fallback, frame);
  parent.append(box);

  let popup = null;
  fallback.addEventListener('click', () => {
    // Inside the buyer's click: the challenge starts again in a window of its own (a new session
    // at the issuer for the same id), and the frame goes.
    popup = window.open(start, 'payjp-three-d-secure', 'popup,width=480,height=640');
    if (!popup) return;
    const moved = attrs(document.createElement('p'), { class: 'payjp-tds-moved', role: 'status' });
    moved.textContent = t.moved;
    frame.replaceWith(moved);
    fallback.remove();
    close.focus();
  });

  let done = false;
  const end = (callback) => {
    if (done) return;
    done = true;
    stop();
    callback();
  };
  const onMessage = (event) => {
    const d = event.data;
    const ours = event.source === frame.contentWindow || (popup && event.source === popup);
    if (!ours || (returnOrigin && event.origin !== returnOrigin)) return;
    if (isObject(d) && d.tag === TAG && d.kind === 'tds-return') end(onReturn);
  };
  const onKey = (e) => e.key === 'Escape' && end(onCancel);
  window.addEventListener('message', onMessage);
  document.addEventListener('keydown', onKey);
  close.addEventListener('click', () => end(onCancel));
  const stop = () => {
    window.removeEventListener('message', onMessage);
    document.removeEventListener('keydown', onKey);
    if (popup && !popup.closed) popup.close();
  };
  return { heading, close, stop: () => end(() => {}) };
}
