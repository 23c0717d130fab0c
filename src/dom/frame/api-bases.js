// Where the frame origin's pages may send cards and start 3-D Secure: PAY.JP's API, the frame
// origin's own `/v1`, and whatever its HTML names in `<meta name="payjp-api-base">` (the devserver
// names itself). The merchant page cannot add to them. No wasm here: tds-return.js uses it too,
// with the shops a 3-D Secure redirect may return to.

/** Where this frame page sends cards unless its own page names other API bases. */
const DEFAULT_API_BASES = ['https://api.pay.jp/v1'];

/** The API base this frame page names first (meta payjp-api-base), else PAY.JP's. */
export function defaultApiBase(window) {
  const named = window.document.querySelector('meta[name="payjp-api-base"]')?.content.split(/\s+/).find(Boolean);
  return (named ?? DEFAULT_API_BASES[0]).replace(/\/+$/, '');
}

/** The API bases this frame page may send cards to. */
export function allowedApiBases(window) {
  const named = [...window.document.querySelectorAll('meta[name="payjp-api-base"]')].flatMap((m) => m.content.split(/\s+/));
  return [...DEFAULT_API_BASES, `${window.location.origin}/v1`, ...named].filter(Boolean).map((b) => b.replace(/\/+$/, ''));
}

/**
 * Whether this page may send a buyer back to `origin`: one of the origins its
 * `<meta name="payjp-return-origin">` names, where `scheme://host:*` stands for any port of a
 * loopback host (as the devserver's `--allow-origin` does). No meta, no return anywhere.
 */
export function returnAllowed(origin, doc = document) {
  const named = [...doc.querySelectorAll('meta[name="payjp-return-origin"]')].flatMap((m) => m.content.split(/\s+/)).filter(Boolean);
  return named.some((pattern) => {
    if (pattern === origin) return true;
    const host = pattern.endsWith(':*') ? pattern.slice(0, -2) : null;
    return (
      host !== null &&
      /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])$/.test(host) &&
      origin.startsWith(`${host}:`) &&
      /^[0-9]+$/.test(origin.slice(host.length + 1))
    );
  });
}
