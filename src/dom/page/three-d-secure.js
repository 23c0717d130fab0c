// tds.js: the buyer's 3-D Secure challenge at the issuer, in one of three workflows (payjp.js
// v2's). The page's side loads it when a challenge starts (about 1 KB; the token request runs
// meanwhile), so pages that are not paying do not carry it.
// - `iframe` (default): an accessible modal <dialog> in the page. It sits in the top layer, so it
//   works above a page's own open dialog; focus is trapped while it is open and returned after.
//   What it shows (heading, close button, the issuer's page) comes from the backend: a frame of
//   the payment origin in isolated mode, the core in direct mode (src/dom/frame/challenge.js).
// - `subwindow`: a popup, opened inside the buyer's click (see `reserveWindow`); if the browser
//   blocks it, the iframe dialog is used instead, with a console warning.
// - `redirect`: the page goes to the issuer and comes back to `back` with `payjp_tds_token`;
//   `payjp.handleThreeDSecureRedirect()` on the return page finishes the token.
//
// The issuer's finish page posts `{ type: 'payjp:three-d-secure', token, outcome }` to the window
// that embeds or opened it, with that window's exact origin; only a message from the frame or
// popup we opened and from the API's origin counts. What counts in the end is the token's status
// after `tds_finish`, which the server decides.
import { attrs, ensureSheet, isObject } from '../shared/dom.js';

/** The dialog's name for assistive technology; its heading is inside. */
const TITLE = { ja: '本人認証（3Dセキュア）', en: 'Verify your card (3-D Secure)' };

const DIALOG_CSS =
  'dialog.payjp-tds{box-sizing:border-box;width:min(28rem,calc(100vw - 1rem));height:min(40rem,calc(100dvh - 1rem));max-width:none;max-height:none;padding:0;border:0;border-radius:12px;overflow:hidden;background:#fff}' +
  'dialog.payjp-tds::backdrop{background:rgba(15,23,42,.55)}' +
  'dialog.payjp-tds>iframe{display:block;width:100%;height:100%;border:0}';

/**
 * Runs the challenge for `id` and resolves how it ended: 'finished' (the issuer said it is done;
 * the caller then asks the server), 'aborted' or 'timeout'. The frames turn that into the token
 * or a localized `{ error }` (src/dom/frame/token.js).
 * @param {{ window: Window, lang: 'ja'|'en', apiBase: string, publicKey: string,
 *   workflow: string, timeoutMs: number, popup?: Window | null, returnFocus?: Element | null,
 *   content: (dialog: HTMLDialogElement, onOutcome: (o: string) => void) => { stop(): void } }} options
 *   `returnFocus`: what had the focus when the buyer asked to pay (it gets it back); `content`:
 *   what the dialog shows, from the backend.
 */
export function challenge(id, { window, lang, apiBase, publicKey, workflow, timeoutMs, popup, returnFocus, content }) {
  const back = window.location.href.split('#')[0];
  const url = `${apiBase}/tds/${encodeURIComponent(id)}/start?${new URLSearchParams({ publickey: publicKey, back })}`;
  if (workflow === 'redirect') {
    window.location.assign(url);
    return new Promise(() => {}); // the page is leaving
  }
  if (workflow === 'subwindow' && !popup) {
    console.warn('payjp-wasm: the 3-D Secure window was blocked; using a dialog. Call createToken in the click handler itself.');
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

    if (workflow === 'subwindow') {
      const apiOrigin = new URL(apiBase).origin;
      const onMessage = (event) => {
        const d = event.data;
        if (event.origin !== apiOrigin || event.source !== popup || !isObject(d) || d.type !== 'payjp:three-d-secure' || d.token !== id) return;
        finish(d.outcome === 'aborted' ? 'aborted' : 'finished');
      };
      window.addEventListener('message', onMessage);
      popup.location.href = url;
      const poll = setInterval(() => popup.closed && finish('aborted'), 300);
      cleanups.push(() => {
        window.removeEventListener('message', onMessage);
        clearInterval(poll);
        if (!popup.closed) popup.close();
      });
      return;
    }
    let shown;
    const dialog = openDialog(window.document, lang, returnFocus ?? window.document.activeElement, (d) => (shown = content(d, finish)), () => finish('aborted'));
    cleanups.push(() => {
      shown.stop();
      dialog.close();
    });
  });
}

/**
 * The modal dialog the challenge shows in, filled by `fill(dialog)` before it opens (so that its
 * content takes the first focus). `onCancel` runs on Escape pressed on the dialog.
 */
function openDialog(document, lang, returnFocus, fill, onCancel) {
  ensureSheet(document, 'three-d-secure-dialog', DIALOG_CSS);
  const dialog = attrs(document.createElement('dialog'), { class: 'payjp-tds', 'aria-label': TITLE[lang] });
  document.body.append(dialog);
  fill(dialog);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault(); // we close it ourselves, once, through onCancel
    onCancel();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    returnFocusTo(document, returnFocus);
  });
  dialog.showModal();
  return dialog;
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
