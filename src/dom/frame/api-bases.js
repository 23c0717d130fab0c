// Where the frame origin's pages may send cards and start 3-D Secure: PAY.JP's API, the frame
// origin's own `/v1`, and whatever its HTML names in `<meta name="payjp-api-base">` (the devserver
// names itself). The merchant page cannot add to them. No wasm here: tds-return.js uses it too.

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
