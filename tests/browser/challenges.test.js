// The 3-D Secure challenge book (src/dom/frame/challenges.js), which the controller frame and
// direct mode share, with a fake API client that records tds_finish calls: a table of how a
// challenge ends (returned, cancelled, timed out, replaced by another), and of redirect returns
// (this tab's state, another state, a replay, an old ?payjp_tds_token= link, another key or API,
// no storage). Each row says what must hold; what must never happen is a tds_finish that was not
// this tab's.
import { challengeBook, startUrl } from '/src/dom/frame/challenges.js';
import { returnAllowed } from '/src/dom/frame/api-bases.js';
import { CVC, EXPIRY, NUMBER, retrying } from '/src/dom/shared/dom.js';
import { EditKind, FieldKind } from '/src/dom/payjp_wasm.js';

const KEY = 'pk_test_0123456789abcdef01234567';
const API = 'https://api.example/v1';
const LAUNCHER = 'https://frames.example/tds-return.html';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}
const equal = (a, b, m = '') => assert(JSON.stringify(a) === JSON.stringify(b), `${m} expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);

/** A client whose tds_finish answers with `status` and records the ids it finished. */
function fakeClient(status = 'verified') {
  const finished = [];
  return {
    finished,
    // The core words the SDK's own errors; the book passes the code through.
    _error: (code) => ({ error: { type: 'client_error', code, message: `message for ${code}` } }),
    _finishThreeDSecure: async (id) => {
      finished.push(id);
      return { id, object: 'token', card: { three_d_secure_status: status } };
    },
  };
}

/** An in-memory Storage, or one that throws like a browser with storage blocked. */
function memory({ blocked = false } = {}) {
  const map = new Map();
  const guard = () => {
    if (blocked) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    getItem: (k) => (guard(), map.has(k) ? map.get(k) : null),
    setItem: (k, v) => (guard(), map.set(k, String(v))),
    removeItem: (k) => (guard(), map.delete(k)),
    map,
  };
}

function book({ status, storage = memory(), launcher = LAUNCHER, publicKey = KEY, apiBase = API, client = fakeClient(status) } = {}) {
  return { client, storage, tds: challengeBook({ client, publicKey, apiBase, lang: 'en', storage: () => storage, launcher }) };
}

const code = (r) => r?.error?.code ?? (r?.id ? `id:${r.id}` : String(r));

/** The state the controller put in the launcher's URL. */
const stateOf = (launch) => new URLSearchParams(new URL(launch).hash.slice(1)).get('state');

const TABLE = [
  ['the start URL is PAY.JP’s: publickey and a registered name, nothing else', () => {
    equal(startUrl(API, 'tok_1', KEY, 'payjp-wasm'), `${API}/tds/tok_1/start?publickey=${KEY}&back=payjp-wasm`);
    const { tds } = book();
    equal(tds.start({ challenge: 'tok_1', workflow: 'iframe', finish: true }).start, `${API}/tds/tok_1/start?publickey=${KEY}&back=payjp-wasm`);
    equal(tds.start({ challenge: 'tok_1', workflow: 'iframe', back: 'shop-app' }).start.endsWith('back=shop-app'), true);
    equal(tds.start({ challenge: 'tok_1', workflow: 'iframe', back: 'https://evil.example/' }).start.endsWith('back=payjp-wasm'), true, 'a URL is not a name');
  }],
  ['ids other than tok_, ch_ and tdsr_ start nothing', () => {
    const { tds } = book();
    for (const id of ['cus_1', 'tok_', '../tok_1', 'tok_1/start?x', '', 'javascript:alert(1)']) {
      equal(code(tds.start({ challenge: id, workflow: 'iframe' })), 'three_d_secure_aborted', id);
    }
  }],
  ['a token challenge that returns is finished once, with its status deciding', async () => {
    for (const [status, expected] of [['verified', 'id:tok_1'], ['attempted', 'id:tok_1'], ['failed', 'three_d_secure_failed'], ['aborted', 'three_d_secure_aborted']]) {
      const { tds, client } = book({ status });
      tds.start({ challenge: 'tok_1', workflow: 'iframe', finish: true });
      const waiting = tds.wait({ challenge: 'tok_1' });
      tds.returned('tok_1');
      tds.returned('tok_1');
      tds.cancel({ challenge: 'tok_1', outcome: 'aborted' });
      equal(code(await waiting), expected, status);
      equal(client.finished, ['tok_1'], `${status}: one tds_finish`);
    }
  }],
  ['a charge or request that returns is not finished here: the server does it', async () => {
    for (const id of ['ch_1', 'tdsr_1']) {
      const { tds, client } = book();
      tds.start({ challenge: id, workflow: 'iframe', finish: false });
      tds.returned(id);
      equal(await tds.wait({ challenge: id }), { id });
      equal(client.finished, [], id);
    }
  }],
  ['a return before the page waits still counts (an issuer that answers at once)', async () => {
    const { tds } = book();
    tds.start({ challenge: 'tok_1', workflow: 'subwindow', finish: true });
    tds.returned(null, 'subwindow');
    equal(code(await tds.wait({ challenge: 'tok_1' })), 'id:tok_1');
  }],
  ['a popup return counts only for an open subwindow challenge', async () => {
    const { tds, client } = book();
    tds.start({ challenge: 'tok_1', workflow: 'iframe', finish: true });
    tds.returned(null, 'subwindow');
    tds.cancel({ challenge: 'tok_1', outcome: 'aborted' });
    equal(code(await tds.wait({ challenge: 'tok_1' })), 'three_d_secure_aborted');
    equal(client.finished, []);
  }],
  ['cancel and timeout end it without tds_finish; a return after that changes nothing', async () => {
    for (const outcome of ['aborted', 'timeout']) {
      const { tds, client } = book();
      tds.start({ challenge: 'tok_1', workflow: 'iframe', finish: true });
      tds.cancel({ challenge: 'tok_1', outcome });
      tds.returned('tok_1');
      equal(code(await tds.wait({ challenge: 'tok_1' })), `three_d_secure_${outcome}`);
      equal(client.finished, [], outcome);
    }
  }],
  ['a return for another id, or for nothing open, finishes nothing', async () => {
    const { tds, client } = book();
    tds.returned('tok_9');
    tds.start({ challenge: 'tok_1', workflow: 'iframe', finish: true });
    tds.returned('tok_9');
    tds.cancel({ challenge: 'tok_1' });
    await tds.wait({ challenge: 'tok_1' });
    equal(client.finished, []);
  }],
  ['one challenge at a time: a new one cancels the first', async () => {
    const { tds } = book();
    tds.start({ challenge: 'tok_1', workflow: 'iframe', finish: true });
    const first = tds.wait({ challenge: 'tok_1' });
    tds.start({ challenge: 'tok_2', workflow: 'iframe', finish: true });
    equal(code(await first), 'three_d_secure_aborted');
    equal(code(await tds.wait({ challenge: 'tok_1' })), 'three_d_secure_aborted', 'gone');
  }],
  ['redirect: the launcher gets the start URL, a one-time state and the way back', () => {
    const { tds, storage } = book();
    const { launch } = tds.start({ challenge: 'tok_1', workflow: 'redirect', finish: true, returnUrl: 'https://shop.example/pay?x=1' });
    const url = new URL(launch);
    equal(url.origin + url.pathname, LAUNCHER);
    const p = new URLSearchParams(url.hash.slice(1));
    equal(p.get('launch'), `${API}/tds/tok_1/start?publickey=${KEY}&back=payjp-wasm`);
    equal(p.get('return'), 'https://shop.example/pay?x=1');
    assert(/^[0-9a-f]{32}$/.test(p.get('state')), p.get('state'));
    assert([...storage.map.values()][0].includes(p.get('state')), 'kept in this tab');
    const again = stateOf(book().tds.start({ challenge: 'tok_1', workflow: 'redirect', returnUrl: 'https://shop.example/' }).launch);
    assert(again !== p.get('state'), 'a new state every time');
  }],
  ['redirect: this tab’s state finishes once; a replay is unexpected', async () => {
    const { tds, client } = book();
    const state = stateOf(tds.start({ challenge: 'tok_1', workflow: 'redirect', finish: true, returnUrl: 'https://shop.example/' }).launch);
    equal(code(await tds.redirected({ state })), 'id:tok_1');
    equal(code(await tds.redirected({ state })), 'three_d_secure_unexpected_return', 'replayed');
    equal(client.finished, ['tok_1']);
  }],
  ['redirect: another state, an old ?payjp_tds_token= link or a bare load finish nothing, and the tab’s own return still works after', async () => {
    const { tds, client } = book();
    const state = stateOf(tds.start({ challenge: 'tok_1', workflow: 'redirect', finish: true, returnUrl: 'https://shop.example/' }).launch);
    equal(code(await tds.redirected({ state: '0'.repeat(32) })), 'three_d_secure_unexpected_return');
    equal(code(await tds.redirected({ state: null, legacy: true })), 'three_d_secure_unexpected_return');
    equal(await tds.redirected({ state: null, legacy: false }), null, 'not a return');
    equal(client.finished, []);
    equal(code(await tds.redirected({ state })), 'id:tok_1', 'the real return is not spoiled');
  }],
  ['redirect: a state kept for another key or API base is not ours', async () => {
    const storage = memory();
    const state = stateOf(book({ storage }).tds.start({ challenge: 'tok_1', workflow: 'redirect', finish: true, returnUrl: 'https://shop.example/' }).launch);
    for (const other of [{ publicKey: 'pk_test_ffffffffffffffffffffffff' }, { apiBase: 'https://other.example/v1' }]) {
      const { tds, client } = book({ storage, ...other });
      equal(code(await tds.redirected({ state })), 'three_d_secure_unexpected_return', JSON.stringify(other));
      equal(client.finished, []);
    }
  }],
  ['redirect: a record someone wrote with a bad id is not finished', async () => {
    const storage = memory();
    storage.setItem('payjp-wasm:tds-redirect', JSON.stringify({ id: '../charges/ch_1', finish: true, state: 'a'.repeat(32), publicKey: KEY, apiBase: API }));
    const { tds, client } = book({ storage });
    equal(code(await tds.redirected({ state: 'a'.repeat(32) })), 'three_d_secure_unexpected_return');
    equal(client.finished, []);
  }],
  ['redirect without storage: an error at once, no launch', async () => {
    const { tds } = book({ storage: memory({ blocked: true }) });
    equal(code(tds.start({ challenge: 'tok_1', workflow: 'redirect', finish: true, returnUrl: 'https://shop.example/' })), 'three_d_secure_unavailable');
    equal(await tds.redirected({ state: null }), null);
  }],
  ['direct mode (no launcher): the tab’s record is the binding, and a link with a state it did not make is unexpected', async () => {
    const { tds, client } = book({ launcher: null });
    const r = tds.start({ challenge: 'tok_1', workflow: 'redirect', finish: true, back: 'shop', returnUrl: 'https://shop.example/' });
    equal(r.start, `${API}/tds/tok_1/start?publickey=${KEY}&back=shop`);
    equal(code(await tds.redirected({ state: null })), 'id:tok_1');
    equal(await tds.redirected({ state: null }), null, 'once');
    equal(code(await tds.redirected({ state: 'b'.repeat(32) })), 'three_d_secure_unexpected_return');
    equal(client.finished, ['tok_1']);
  }],
  ['the element layer names field and edit kinds as the core exports them', async () => {
    equal([FieldKind.Number, FieldKind.Expiry, FieldKind.Cvc], [NUMBER, EXPIRY, CVC]);
    equal([EditKind.Insert, EditKind.DeleteBackward, EditKind.DeleteForward], [0, 1, 2]);
  }],
  ['the drop-in loads tds.js again after a failed load, with another URL, and once after a success', async () => {
    const asked = [];
    let fail = true;
    const load = retrying(async (n) => {
      asked.push(n);
      if (fail) throw new Error('offline');
      return { module: n };
    });
    const first = await Promise.allSettled([load(), load()]);
    equal(first.map((r) => r.status), ['rejected', 'rejected']);
    equal(asked, [0], 'one attempt shared by both callers');
    fail = false;
    equal(await load(), { module: 1 }, 'the next attempt asks again, with the next number');
    equal(await load(), { module: 1 }, 'a success is kept');
    equal(asked, [0, 1]);
  }],
  ['the launcher returns only to the shops its page names (payjp-return-origin)', async () => {
    const page = (content) => {
      const doc = document.implementation.createHTMLDocument('');
      if (content !== null) {
        const meta = doc.createElement('meta');
        meta.name = 'payjp-return-origin';
        meta.content = content;
        doc.head.append(meta);
      }
      return doc;
    };
    const named = page('https://shop.example http://localhost:* http://127.0.0.1:8080');
    for (const [origin, allowed] of [
      ['https://shop.example', true],
      ['http://shop.example', false],
      ['https://shop.example.evil.example', false],
      ['https://evil.example', false],
      ['http://localhost:3000', true],
      ['http://localhost:', false],
      ['http://localhost:3000.evil.example', false],
      ['http://localhostx:3000', false],
      ['http://127.0.0.1:8080', true],
      ['http://127.0.0.1:8081', false],
      ['null', false],
      ['', false],
    ]) {
      equal(returnAllowed(origin, named), allowed, origin);
    }
    equal(returnAllowed('https://shop.example', page(null)), false, 'no meta, no return');
    equal(returnAllowed('https://evil.example', page('https://evil.example:*')), false, 'a port wildcard is for loopback hosts only');
  }],
];

window.__results = [];
for (const [name, check] of TABLE) {
  try {
    await check();
    window.__results.push({ name, ok: true });
  } catch (e) {
    window.__results.push({ name, ok: false, error: `${e.message}\n${e.stack ?? ''}` });
  }
}
window.__done = true;
