// 3-D Secure: the buyer's challenge at the issuer, in one of three workflows (payjp.js v2's):
// - `iframe` (default): an accessible modal <dialog> in the page. It sits in the top layer, so it
//   works above a page's own open dialog; focus is trapped while it is open and returned after.
// - `subwindow`: a popup, opened inside the buyer's click (see `reserveWindow`); if the browser
//   blocks it, the iframe dialog is used instead, with a console warning.
// - `redirect`: the page goes to the issuer and comes back to `back` with `payjp_tds_token`;
//   `payjp.handleThreeDSecureRedirect()` on the return page finishes the token.
//
// The issuer's finish page posts `{ type: 'payjp:three-d-secure', token, outcome }` to the window
// that opened it, with our page's exact origin. We accept it only from the frame or popup we
// opened and from the API's origin; what counts in the end is the token's status after
// `tds_finish`, which the server decides.
import { attrs, ensureSheet, uniqueId } from '../shared/dom.js';

export const WORKFLOWS = ['iframe', 'subwindow', 'redirect'];
export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
export const REDIRECT_PARAM = 'payjp_tds_token';

const TEXT = {
  ja: {
    title: '本人認証（3Dセキュア）',
    close: '本人認証を中止する',
    frame: 'カード発行会社の本人認証画面',
  },
  en: {
    title: 'Verify your card (3-D Secure)',
    close: 'Cancel card verification',
    frame: "Your card issuer's verification page",
  },
};

const DIALOG_CSS =
  'dialog.payjp-tds{box-sizing:border-box;width:min(28rem,calc(100vw - 1rem));height:min(40rem,calc(100dvh - 1rem));max-width:none;max-height:none;padding:0;border:0;border-radius:12px;overflow:hidden;background:#fff;color:#1f2933;font:14px/1.4 system-ui,sans-serif}' +
  'dialog.payjp-tds::backdrop{background:rgba(15,23,42,.55)}' +
  '.payjp-tds-box{display:flex;flex-direction:column;height:100%}' +
  '.payjp-tds-head{display:flex;align-items:center;justify-content:space-between;gap:.5rem;padding:.6rem .8rem;border-bottom:1px solid #e4e7eb}' +
  '.payjp-tds-head h2{margin:0;font-size:1rem}' +
  '.payjp-tds-close{font:inherit;font-size:1.3rem;line-height:1;width:2.2rem;height:2.2rem;border:0;border-radius:6px;background:transparent;color:inherit;cursor:pointer}' +
  '.payjp-tds-close:focus-visible{outline:2px solid #2563eb}' +
  '.payjp-tds-frame{flex:1 1 auto;width:100%;border:0}';

/** The issuer's challenge for `id`, coming back to `back`. */
export function startUrl(apiBase, id, publicKey, back) {
  const params = new URLSearchParams({ publickey: publicKey, back });
  return `${apiBase}/tds/${encodeURIComponent(id)}/start?${params}`;
}

/**
 * Opens a blank popup now, inside the buyer's click, for the `subwindow` workflow; the
 * challenge is loaded into it once the token exists. Null when the browser blocked it.
 */
export function reserveWindow(window) {
  try {
    return window.open('about:blank', 'payjp-three-d-secure', 'popup,width=480,height=640');
  } catch {
    return null;
  }
}

/**
 * Runs the challenge for `id` and resolves how it ended: 'finished' (the issuer said it is done;
 * the caller then asks the server), 'aborted' or 'timeout'. The frames turn that into the token
 * or a localized `{ error }` (src/dom/frame/token.js).
 * @param {{ window: Window, lang: 'ja'|'en', apiBase: string, publicKey: string,
 *   workflow: string, timeoutMs: number, popup?: Window | null, returnFocus?: Element | null }} options
 *   `returnFocus`: what had the focus when the buyer asked to pay (it gets it back).
 */
export function challenge(id, { window, lang, apiBase, publicKey, workflow, timeoutMs, popup, returnFocus }) {
  const apiOrigin = new URL(apiBase).origin;
  const back = window.location.href.split('#')[0];
  const url = startUrl(apiBase, id, publicKey, back);
  if (workflow === 'redirect') {
    window.location.assign(url);
    return new Promise(() => {}); // the page is leaving
  }
  if (workflow === 'subwindow' && !popup) {
    console.warn('payjp-wasm: the browser blocked the 3-D Secure window; showing the challenge in a dialog instead. Call createToken directly in the click handler to keep the window.');
    workflow = 'iframe';
  }
  return new Promise((resolve) => {
    const cleanups = [];
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      for (const cleanup of cleanups.reverse()) cleanup();
      resolve(result);
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    cleanups.push(() => clearTimeout(timer));
    let source = null;
    const onMessage = (event) => {
      const d = event.data;
      if (event.origin !== apiOrigin || !source || event.source !== source) return;
      if (typeof d !== 'object' || d === null || d.type !== 'payjp:three-d-secure' || d.token !== id) return;
      finish(d.outcome === 'aborted' ? 'aborted' : 'finished');
    };
    window.addEventListener('message', onMessage);
    cleanups.push(() => window.removeEventListener('message', onMessage));

    if (workflow === 'subwindow') {
      popup.location.href = url;
      source = popup;
      const poll = setInterval(() => popup.closed && finish('aborted'), 300);
      cleanups.push(() => {
        clearInterval(poll);
        if (!popup.closed) popup.close();
      });
      return;
    }
    const { dialog, frame } = openDialog(window.document, lang, url, returnFocus ?? window.document.activeElement, () =>
      finish('aborted'));
    source = frame.contentWindow;
    cleanups.push(() => dialog.close());
  });
}

/** The modal dialog around the issuer's page. `onCancel` runs on Escape or the close button. */
function openDialog(document, lang, url, returnFocus, onCancel) {
  ensureSheet(document, 'three-d-secure', DIALOG_CSS);
  const t = TEXT[lang];
  const dialog = document.createElement('dialog');
  const headingId = uniqueId('payjp-tds-title-');
  attrs(dialog, { class: 'payjp-tds', 'aria-labelledby': headingId });
  const box = document.createElement('div');
  box.className = 'payjp-tds-box';
  const head = document.createElement('div');
  head.className = 'payjp-tds-head';
  const heading = attrs(document.createElement('h2'), { id: headingId });
  heading.textContent = t.title;
  const close = attrs(document.createElement('button'), { type: 'button', class: 'payjp-tds-close', 'aria-label': t.close });
  close.textContent = '×';
  head.append(heading, close);
  const frame = attrs(document.createElement('iframe'), { class: 'payjp-tds-frame', title: t.frame });
  frame.src = url;
  box.append(head, frame);
  dialog.append(box);
  document.body.append(dialog);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault(); // we close it ourselves, once, through onCancel
    onCancel();
  });
  close.addEventListener('click', () => onCancel());
  dialog.addEventListener('close', () => {
    dialog.remove();
    returnFocusTo(document, returnFocus);
  });
  // The dialog's own controls take the first focus (showModal focuses the close button): Escape
  // closes it from there. Inside the issuer's page, which is another origin, Escape is the
  // issuer's to handle; the close button always works.
  dialog.showModal();
  return { dialog, frame };
}

/**
 * Gives the focus back to what had it before the dialog. A pay button is often disabled while
 * the payment runs: then the focus goes back once it is enabled again (unless the buyer has
 * moved on).
 */
function returnFocusTo(document, element) {
  if (!element || typeof element.focus !== 'function' || element === document.body) return;
  const restore = () => {
    const active = document.activeElement;
    if (element.isConnected && (!active || active === document.body)) element.focus();
  };
  if (!element.disabled) return restore();
  const observer = new MutationObserver(() => {
    if (element.disabled) return;
    observer.disconnect();
    restore();
  });
  observer.observe(element, { attributes: true, attributeFilter: ['disabled'] });
  setTimeout(() => observer.disconnect(), 60_000);
}
