// tds.js: the buyer's 3-D Secure challenge at the issuer, in one of three workflows (payjp.js
// v2's). The page's side loads it when a challenge starts (the token request runs meanwhile), so
// pages that are not paying do not carry it. The challenge itself is on PAY.JP's protocol and is
// run by the backend (the controller frame in isolated mode, src/dom/frame/challenges.js): it
// gives the start URL, hears the return from the frame origin's tds-return.html, and finishes.
// This page only shows the challenge and says when the buyer gave up.
// - `iframe` (default): an accessible modal <dialog> in the page. It sits in the top layer, so it
//   works above a page's own open dialog; focus is trapped while it is open and returned after.
//   What it shows (heading, close button, the issuer's page, a new-window fallback) comes from the
//   backend: a frame of the payment origin in isolated mode, the core in direct mode
//   (src/dom/frame/challenge.js).
// - `subwindow`: a popup, opened inside the buyer's click (see `reserveWindow`); if the browser
//   blocks it, the iframe dialog is used instead, with a console warning.
// - `redirect`: the page leaves for the challenge (through the frame origin's launcher, which
//   keeps the way back) and comes back with a one-time state in its fragment;
//   `payjp.handleThreeDSecureRedirect()` there finishes.
import { attrs, ensureSheet } from '../shared/dom.js';

/** The dialog's name for assistive technology; its heading is inside. */
const TITLE = { ja: '本人認証（3Dセキュア）', en: 'Verify your card (3-D Secure)' };

const DIALOG_CSS =
  'dialog.payjp-tds{box-sizing:border-box;width:min(28rem,calc(100vw - 1rem));height:min(40rem,calc(100dvh - 1rem));max-width:none;max-height:none;padding:0;border:0;border-radius:12px;overflow:hidden;background:#fff}' +
  'dialog.payjp-tds::backdrop{background:rgba(15,23,42,.55)}' +
  'dialog.payjp-tds>iframe{display:block;width:100%;height:100%;border:0}' +
  // Forced colours drop the backdrop and the shadow: an outline keeps the dialog's edge.
  '@media (forced-colors:active){dialog.payjp-tds{border:2px solid CanvasText}}';

/**
 * Runs the challenge for `id` and resolves with what the backend says of it: the token (token
 * 3-D Secure, after tds_finish), `{ id }` (a charge's or a request's, which the merchant's server
 * finishes) or `{ error }` (cancelled, timed out, failed). A redirect never resolves: the page
 * leaves.
 * @param {{ window: Window, lang: 'ja'|'en', backend: object, workflow: string, timeoutMs: number,
 *   finish: boolean, back?: string, popup?: Window | null, returnFocus?: Element | null }} o
 *   `back`: the redirect name; `returnFocus`: what had the focus when the buyer asked to pay (it
 *   gets it back).
 */
export async function challenge(id, { window, lang, backend, workflow, timeoutMs, finish, back, popup, returnFocus }) {
  if (workflow === 'subwindow' && !popup) {
    console.warn('payjp-wasm: the 3-D Secure window was blocked; using a dialog. Call createToken in the click handler itself.');
    workflow = 'iframe';
  }
  const started = await backend.tds('tdsStart', { challenge: id, workflow, finish, back, returnUrl: window.location.href.split('#')[0] }, popup);
  if (!started.start && !started.launch) {
    popup?.close();
    return started;
  }
  if (workflow === 'redirect') {
    leave(window, started.launch ?? started.start);
    return new Promise(() => {});
  }
  const cancel = (outcome) => backend.tds('tdsCancel', { challenge: id, outcome });
  const timer = setTimeout(() => cancel('timeout'), timeoutMs);
  let close;
  if (workflow === 'subwindow') {
    popup.location.href = started.start;
    // The buyer closed it: cancelled. A return that came first has already ended the challenge.
    const poll = setInterval(() => popup.closed && cancel('aborted'), 300);
    close = () => {
      clearInterval(poll);
      popup.close();
    };
  } else {
    let shown;
    const dialog = openDialog(window.document, lang, returnFocus ?? window.document.activeElement, (d) => (shown = backend.challenge(d, { start: started.start, lang, onCancel: () => cancel('aborted') })), () => cancel('aborted'));
    close = () => {
      shown.stop();
      // Gone before the result is handed back: the dialog's own `close` event comes a task later.
      dialog.close();
      dialog.remove();
    };
  }
  const result = await backend.tds('tdsWait', { challenge: id });
  clearTimeout(timer);
  close();
  return result;
}

/**
 * Leaves for `url` through a link whose referrer policy sends this page's origin, whatever the
 * page's own policy: the frame origin's launcher only sends the buyer back to the origin they
 * came from.
 */
function leave(window, url) {
  const a = attrs(window.document.createElement('a'), { href: url, referrerpolicy: 'origin', hidden: '' });
  window.document.body.append(a);
  a.click();
  a.remove();
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
  // Enter in a card field (an iframe of the payment origin) submitted the form: focusing the
  // iframe again would land on its body, so the form's submit button takes the focus.
  if (element?.tagName === 'IFRAME') element = element.closest('form')?.querySelector('button:not([type=button]),[type=submit]') ?? element;
  if (!element || typeof element.focus !== 'function' || element === document.body) return;
  const restore = () => {
    const active = document.activeElement;
    // Nothing else took the focus meanwhile (Firefox gives it back to the iframe itself).
    if (element.isConnected && (!active || active === document.body || active.tagName === 'IFRAME')) element.focus();
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
