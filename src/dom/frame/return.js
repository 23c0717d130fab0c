// tds-return.js: www/tds-return.html on the frame origin, the page a 3-D Secure challenge returns
// to (the redirect URL registered as `payjp-wasm`), and the redirect workflow's launcher. No wasm,
// no card data, nothing a page could use: it only says "the buyer is back", and the server says
// how the challenge went.
//
// - `#launch=START&state=S&return=URL` (the redirect workflow, from the controller via the page):
//   keeps `S` and the return URL in a first-party cookie of this origin (path: this page only,
//   30 minutes), then goes to START, PAY.JP's start page on an API base this frame origin allows.
//   The return URL must be on the origin the buyer came from (the referrer, which the SDK sends as
//   an origin whatever the page's policy) and that origin must be one this page names as a shop
//   (`<meta name="payjp-return-origin">`, which the frame origin's server writes from the same
//   allow-list as `frame-ancestors`), so neither a stranger's page nor a cookie planted by a
//   neighbour (cookies ignore ports, and a sibling subdomain can set them) can make it send a
//   buyer, or a 3-D Secure popup whose opener is the shop, anywhere else. On https the cookie is
//   `__Host-` prefixed, which no other host can set. A cookie,
//   not sessionStorage: Firefox loses a sessionStorage write made by a page that replaces itself
//   at once after a navigation from a click (tests/tds in Firefox show it). One launch per
//   browser: a second checkout launched meanwhile takes the place of the first, whose return then
//   reads as unexpected and finishes nothing.
// - Back in a browser that launched: to the return URL with `#payjp_tds=S`, once (the cookie is
//   deleted); the controller there compares S with the one it kept in that tab
//   (src/dom/frame/challenges.js).
// - Back in a frame (the iframe workflow, inside the challenge frame or direct mode's dialog) or a
//   popup (the subwindow workflow): a note to the window that embeds or opened it, and, for a
//   popup, to that page's frames of this origin (the controller among them). Whoever hears it
//   checks where it came from.
import { allowedApiBases, returnAllowed } from './api-bases.js';
import { TAG } from './rendezvous.js';

const HTTPS = window.location.protocol === 'https:';
/** The launch cookie's name: `__Host-` on https (set by this host only, path /, secure). */
const KEPT = HTTPS ? '__Host-payjp_tds_launch' : 'payjp_tds_launch';

/** Writes (or, with `value` null, deletes) the launch cookie. */
function keep(value) {
  const scope = HTTPS ? '; path=/; secure' : `; path=${window.location.pathname}`;
  const life = value === null ? '; max-age=0' : '; max-age=1800';
  document.cookie = `${KEPT}=${value ?? ''}${scope}; samesite=lax${life}`;
}

const status = document.getElementById('status');
const say = (ja, en) => {
  if (status) status.textContent = `${ja} / ${en}`;
};

function launch(params) {
  let start;
  let back;
  try {
    start = new URL(params.get('launch'));
    back = new URL(params.get('return'));
  } catch {
    return false;
  }
  const state = params.get('state') ?? '';
  const base = start.href.slice(0, start.href.indexOf('/tds/'));
  const from = document.referrer ? new URL(document.referrer).origin : '';
  const ok =
    window.top === window &&
    allowedApiBases(window).includes(base) &&
    /\/tds\/[^/]+\/start$/.test(start.pathname) &&
    /^[0-9a-f]{32}$/.test(state) &&
    (back.protocol === 'https:' || back.protocol === 'http:') &&
    back.origin === from &&
    returnAllowed(back.origin);
  if (!ok) return false;
  keep(`${state}.${encodeURIComponent(back.href)}`);
  window.location.replace(start.href);
  return true;
}

function returned() {
  const note = { tag: TAG, kind: 'tds-return' };
  const opener = window.opener;
  const parent = window.parent !== window ? window.parent : null;
  const post = (w, origin) => {
    try {
      w.postMessage(note, origin);
    } catch {
      // Gone meanwhile.
    }
  };
  // In a frame: the challenge frame or direct mode's dialog embeds us; nothing else to do.
  if (parent) {
    post(parent, '*');
    return say('本人認証が終わりました。', 'Verification finished.');
  }
  // In a popup: its opener, and that page's frames of this origin (the controller is one).
  if (opener) {
    post(opener, '*');
    try {
      for (let i = 0; i < opener.frames.length; i += 1) post(opener.frames[i], window.location.origin);
    } catch {
      // The opener navigated away.
    }
  }
  // A tab that launched a redirect (even one that has an opener of its own): back to the shop.
  const kept = /^([0-9a-f]{32})\.(.+)$/.exec(document.cookie.split('; ').find((c) => c.startsWith(`${KEPT}=`))?.slice(KEPT.length + 1) ?? '');
  let url = null;
  try {
    url = kept ? new URL(decodeURIComponent(kept[2])) : null;
  } catch {
    // Not a URL: not ours.
  }
  if (kept) keep(null);
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && returnAllowed(url.origin)) {
    url.hash = new URLSearchParams({ payjp_tds: kept[1] }).toString();
    return window.location.replace(url.href);
  }
  if (opener) say('本人認証が終わりました。', 'Verification finished.');
  else say('このページは閉じてかまいません。', 'You can close this page.');
}

const params = new URLSearchParams(window.location.hash.slice(1));
if (!params.has('launch')) returned();
else if (!launch(params)) say('このリンクは使えません。', 'This link cannot be used.');
