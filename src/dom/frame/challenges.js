// The 3-D Secure challenges of one API client, on PAY.JP's protocol, shared by the controller frame
// (isolated mode) and direct mode's backend. A challenge starts at
// `{apiBase}/tds/{id}/start?publickey=…&back=NAME`, where NAME is a redirect URL registered for the
// merchant's account; for `payjp-wasm`, that is the frame origin's tds-return.html, which tells us
// (never the merchant page) that the buyer came back. Then a token's challenge is finished here
// with `tds_finish` and the public key, and the token's status decides; a charge's or a 3-D Secure
// request's is finished by the merchant's server, so we only say that it returned.
//
// One challenge is open at a time: starting another cancels the first. It ends once: returned,
// cancelled (the buyer closed it) or timed out, whichever comes first.
//
// The redirect workflow leaves the page, so what it needs to finish is kept in sessionStorage of
// the window that started it (the controller frame's, partitioned under the merchant's site; or
// the page's in direct mode) with a one-time random state. The way back must bring the same state
// to the same browser tab: a return that does not (a link someone sent, an old
// `?payjp_tds_token=…`) resolves `three_d_secure_unexpected_return` and finishes nothing.
import { isObject, randomId } from '../shared/dom.js';

/** The sessionStorage key of a redirect under way. */
const PENDING = 'payjp-wasm:tds-redirect';
/** The id of a token, charge or 3-D Secure request, as PAY.JP makes them. */
export const CHALLENGE_ID = /^(tok|ch|tdsr)_[0-9A-Za-z]+$/;
/** A redirect URL's registered name. */
const NAME = /^[A-Za-z0-9_-]{1,64}$/;


/** PAY.JP's start page for `id`, returning to the redirect URL registered as `back`. */
export function startUrl(apiBase, id, publicKey, back) {
  return `${apiBase}/tds/${encodeURIComponent(id)}/start?${new URLSearchParams({ publickey: publicKey, back })}`;
}

/**
 * The challenges of `client` (the wasm API client) for `publicKey` at `apiBase`.
 * @param {{ client: object, publicKey: string, apiBase: string, storage: () => Storage,
 *   launcher?: string }} o `storage`: where a redirect is remembered; `launcher`: the frame origin's
 *   tds-return.html (isolated mode), where the redirect workflow starts and ends.
 */
export function challengeBook({ client, publicKey, apiBase, storage, launcher }) {
  /** `{ error }` for a challenge that ended without a verified card, worded by the core. */
  const ended = (which) => client._error(`three_d_secure_${which}`);
  /** id → { finish, workflow, done, resolve, settled } */
  const open = new Map();
  const settle = (c, result) => {
    if (c.settled) return;
    c.settled = true;
    c.resolve(result);
  };
  /** After a return: the token when `finish` (tds_finish, then its status), else `{ id }`. */
  async function finished(id, finish) {
    if (!finish) return { id };
    const token = await client._finishThreeDSecure(id);
    if (!token || token.error) return token;
    const status = token.card?.three_d_secure_status;
    if (status === 'verified' || status === 'attempted') return token;
    return ended(status === 'aborted' ? 'aborted' : 'failed');
  }

  return {
    /**
     * `{ challenge, workflow, finish, back, returnUrl }` → `{ start }` (the URL to open), for a
     * redirect `{ launch }` (where the page goes), or `{ error }`.
     */
    start(d) {
      const id = String(d.challenge);
      const back = typeof d.back === 'string' && NAME.test(d.back) ? d.back : 'payjp-wasm';
      if (!CHALLENGE_ID.test(id)) return ended('aborted');
      for (const c of open.values()) settle(c, ended('aborted'));
      open.clear();
      const start = startUrl(apiBase, id, publicKey, back);
      const finish = d.finish === true;
      if (d.workflow === 'redirect') {
        const state = randomId();
        try {
          storage().setItem(PENDING, JSON.stringify({ id, finish, state, publicKey, apiBase }));
        } catch {
          return ended('unavailable');
        }
        if (!launcher) return { start };
        const url = new URL(launcher);
        url.hash = new URLSearchParams({ launch: start, state, return: String(d.returnUrl) }).toString();
        return { launch: url.href };
      }
      let resolve;
      const done = new Promise((r) => (resolve = r));
      open.set(id, { id, finish, workflow: d.workflow, done, resolve, settled: false });
      return { start };
    },
    /** Resolves how the challenge `challenge` ended. */
    wait(d) {
      const c = open.get(String(d.challenge));
      if (!c) return Promise.resolve(ended('aborted'));
      return c.done.finally(() => open.get(c.id) === c && open.delete(c.id));
    },
    /** The buyer closed it (`aborted`), or time ran out (`timeout`). */
    cancel(d) {
      const c = open.get(String(d.challenge));
      if (c) settle(c, ended(d.outcome === 'timeout' ? 'timeout' : 'aborted'));
      return {};
    },
    /**
     * The buyer came back from the challenge `id` (or from whichever `workflow` challenge is
     * open, when the return cannot say which: a popup's).
     */
    returned(id, workflow) {
      const c = id ? open.get(id) : [...open.values()].find((x) => x.workflow === workflow);
      if (c && !c.settled) settle(c, finished(c.id, c.finish));
    },
    /**
     * The page is back from a redirect: `{ state, legacy }` from its URL. Null when there is
     * nothing to finish; the result when the state is this tab's; else an unexpected return.
     */
    async redirected(d) {
      let pending = null;
      try {
        pending = JSON.parse(storage().getItem(PENDING) ?? 'null');
      } catch {
        // No storage: nothing can be ours.
      }
      const ours = isObject(pending) && pending.publicKey === publicKey && pending.apiBase === apiBase && CHALLENGE_ID.test(pending.id);
      // Isolated mode comes back with the state in the URL; direct mode's return page is the
      // merchant's own, so the record in this tab is the binding.
      const matches = ours && (launcher ? typeof d.state === 'string' && d.state === pending.state : true);
      if (matches) {
        storage().removeItem(PENDING);
        return finished(pending.id, pending.finish === true);
      }
      return d.state || d.legacy ? ended('unexpected_return') : null;
    },
  };
}
