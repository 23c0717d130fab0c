// PAY.JP's official server libraries against the devserver, with only their API base changed:
// `payjp` for Node (3.1.2, npm) here, and `payjp` for Python (1.6.1, PyPI) in flow.py. Each runs
// what a merchant's backend does around 3-D Secure: a token's tds_finish then a charge, a charge
// with three_d_secure and its tds_finish after PAY.JP's server-driven redirect (back_url signed
// with the secret key), a customer's card through a 3-D Secure request, capture later, and the
// errors a backend handles. The buyer's browser is played over HTTP (tests/tds plays it in real
// browsers).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Payjp from 'payjp';
import { ROOT, startDevserver } from '../e2e/harness.mjs';

const PUBLIC = 'pk_test_0123456789abcdef01234567';
const SECRET = 'sk_test_0123456789abcdef01234567';

let server;
let payjp;

before(async () => {
  server = await startDevserver(['--rate', '100']);
  // The one change a merchant makes: the API base.
  payjp = Payjp(SECRET, { apibase: server.apiBase });
});
after(() => server?.stop());

/** What the SDK does in the buyer's browser: a token, with the public key. */
async function browserToken(threeDSecure, number = '4242424242424242') {
  const form = new URLSearchParams({ 'card[number]': number, 'card[cvc]': '123', 'card[exp_month]': '12', 'card[exp_year]': '2040' });
  if (threeDSecure) for (const [k, v] of Object.entries({ 'card[name]': 'TARO YAMADA', 'card[email]': 'taro@example.jp', three_d_secure: 'true' })) form.set(k, v);
  const r = await fetch(`${server.apiBase}/tokens`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${PUBLIC}:`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  return (await r.json()).id;
}

/** payjp-php-tds-sample's back_url: HS256 over {"url": …} with the secret key. */
function backUrl(url) {
  const b64 = (s) => Buffer.from(s).toString('base64url');
  const head = `${b64(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${b64(JSON.stringify({ url }))}`;
  return `${head}.${createHmac('sha256', SECRET).update(head).digest('base64url')}`;
}

/** The buyer's browser: the start page, the issuer's form, finish; resolves where it returns. */
async function challenge(id, back) {
  const start = await fetch(`${server.apiBase}/tds/${id}/start?${new URLSearchParams({ publickey: PUBLIC, ...back })}`, { redirect: 'manual' });
  assert.equal(start.status, 302, await start.text());
  const issuer = new URL(start.headers.get('location'));
  const chosen = await fetch(new URL(`/issuer/${id}`, issuer), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ s: issuer.searchParams.get('s'), code: '123456', choice: 'verified' }),
  });
  const finish = await fetch(chosen.headers.get('location'), { redirect: 'manual' });
  return finish.headers.get('location');
}

test('Node (payjp 3.1.2): token-level 3-D Secure, tds_finish, then the charge', async () => {
  const id = await browserToken(true);
  assert.equal((await payjp.tokens.retrieve(id)).card.three_d_secure_status, 'unverified');
  await assert.rejects(payjp.charges.create({ card: id, amount: 3980, currency: 'jpy' }), (e) => e.status === 400 && e.body.error.code === 'unverified_token');
  assert.equal(await challenge(id, { back: 'payjp-wasm' }), `${server.apiBase.replace(/\/v1$/, '')}/tds-return.html`);
  const token = await payjp.tokens.tds_finish(id);
  assert.equal(token.card.three_d_secure_status, 'verified');
  const charge = await payjp.charges.create({ card: id, amount: 3980, currency: 'jpy' });
  assert.equal(charge.object, 'charge');
  assert.equal(charge.paid, true);
  assert.equal(charge.card.three_d_secure_status, 'verified');
  await assert.rejects(payjp.charges.create({ card: id, amount: 3980, currency: 'jpy' }), (e) => e.status === 400 && e.body.error.code === 'token_already_used');
});

test('Node (payjp 3.1.2): charge-level 3-D Secure with a signed back_url, then tds_finish', async () => {
  const created = await payjp.charges.create({ card: await browserToken(false), amount: 5000, currency: 'jpy', three_d_secure: true });
  assert.deepEqual([created.paid, created.three_d_secure_status], [false, 'unverified']);
  await assert.rejects(payjp.charges.tds_finish(created.id), (e) => e.body.error.code === 'three_d_secure_incompleted');
  assert.equal(await challenge(created.id, { back_url: backUrl('https://shop.example/tds/callback?order=42') }), 'https://shop.example/tds/callback?order=42');
  const finished = await payjp.charges.tds_finish(created.id);
  assert.deepEqual([finished.paid, finished.captured, finished.three_d_secure_status], [true, true, 'verified']);
  assert.deepEqual(await payjp.charges.retrieve(created.id), finished);
});

test('Node (payjp 3.1.2): capture later, a saved card through a 3-D Secure request, a declined card', async () => {
  const authorized = await payjp.charges.create({ card: await browserToken(false), amount: 1200, currency: 'jpy', capture: false });
  assert.deepEqual([authorized.paid, authorized.captured], [true, false]);
  assert.equal((await payjp.charges.capture(authorized.id)).captured, true);
  const customer = await payjp.customers.create({ card: await browserToken(false, '3530111333300000'), email: 'taro@example.jp' });
  const request = await payjp.three_d_secure_requests.create({ resource_id: customer.default_card });
  assert.deepEqual([request.object, request.state, request.three_d_secure_status], ['three_d_secure_request', 'created', 'unverified']);
  await challenge(request.id, { back: 'payjp-wasm' });
  const done = await payjp.three_d_secure_requests.retrieve(request.id);
  assert.deepEqual([done.state, done.three_d_secure_status], ['finished', 'verified']);
  const charge = await payjp.charges.create({ customer: customer.id, amount: 700, currency: 'jpy' });
  assert.deepEqual([charge.paid, charge.card.brand, charge.customer], [true, 'JCB', customer.id]);
  await assert.rejects(payjp.charges.create({ card: await browserToken(false, '4000000000080319'), amount: 1000, currency: 'jpy' }), (e) => e.status === 402 && e.body.error.type === 'card_error');
});

test('Node (payjp 3.1.2): the library refuses a public key, and the devserver refuses one where a secret key belongs', async () => {
  assert.throws(() => Payjp(PUBLIC, { apibase: server.apiBase }), /public apikey/);
  const r = await fetch(`${server.apiBase}/charges`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${PUBLIC}:`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'amount=1000&currency=jpy',
  });
  assert.equal(r.status, 401);
});

test('Python (payjp 1.6.1): the same backend, as PAY.JP docs write it', async () => {
  const python = join(ROOT, 'tests', 'official', '.venv', 'bin', 'python');
  assert.ok(existsSync(python), 'scripts/setup.sh installs tests/official/.venv');
  const { stdout } = await promisify(execFile)(python, [join(ROOT, 'tests', 'official', 'flow.py')], {
    env: { ...process.env, PAYJP_API_BASE: server.apiBase.replace(/\/v1$/, ''), PAYJP_PUBLIC_KEY: PUBLIC, PAYJP_SECRET_KEY: SECRET },
  });
  const seen = JSON.parse(stdout);
  assert.deepEqual(seen, {
    token_before: 'unverified',
    token_returned_to: `${server.apiBase.replace(/\/v1$/, '')}/tds-return.html`,
    token_after: 'verified',
    token_charge: { paid: true, captured: true, amount: 3980 },
    reuse: { class: 'InvalidRequestError', code: 'token_already_used', status: 400 },
    charge_before: { paid: false, status: 'unverified' },
    charge_returned_to: 'https://shop.example/tds/callback?order=42',
    charge_after: { paid: true, captured: true, status: 'verified' },
    authorized: { paid: true, captured: false },
    captured: true,
    request_before: { state: 'created', status: 'unverified' },
    request_after: { state: 'finished', status: 'verified' },
    customer_charge: { paid: true, brand: 'JCB' },
    declined: { class: 'CardError', status: 402 },
  });
});
