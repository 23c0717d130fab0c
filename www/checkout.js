// Demo merchant checkout. The card fields are payjp-wasm elements; this page only ever sees the
// token, which it posts to its own server (/charge). Runs under a strict CSP: no inline code,
// text set with textContent only.
import init, { Payjp } from '/pkg/index.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'ja';
const split = params.get('split') === '1';
// Isolated (the default): the card fields are frames served by the payment origin, so this page
// never holds card data. ?isolation=none renders them directly in this page instead.
const direct = params.get('isolation') === 'none';
// 3-D Secure is on by default (the box can turn it off; ?tds=0 starts with it off). The
// workflow: ?tds_workflow=iframe (default), subwindow, redirect or auto.
const workflow = ['subwindow', 'redirect', 'auto'].includes(params.get('tds_workflow')) ? params.get('tds_workflow') : 'iframe';
// ?name=element: the name on the card is the SDK's cardholderName element (in the secure frame,
// with a romaji suggestion for a name typed in kana) instead of this page's own input.
const nameInElement = params.get('name') === 'element' || params.get('name') === 'card';

const TEXT = {
  ja: {
    summary: 'ご注文内容', item1: '有機煎茶 100g × 2', shipping: '送料', total: '合計（税込）',
    title: 'お支払い', name: 'カード名義（ローマ字）', email: 'メールアドレス', card: 'カード情報',
    splitOn: '番号・期限・コードを分けて入力', splitOff: '1行で入力', number: 'カード番号',
    expiry: '有効期限', cvc: 'セキュリティコード', pay: '¥3,980 を支払う', paying: '処理中…',
    note: 'テストモードです。4242 4242 4242 4242 など PAY.JP のテストカードを使えます。',
    paid: (c) => `お支払いが完了しました（${c.card.brand} •••• ${c.card.last4}、注文番号 ${c.id}）。`,
    tds: '3Dセキュアで本人認証する',
    problems: '入力内容を確認してください', paidButton: 'お支払い済み',
    chargeFailed: 'カード会社により決済が承認されませんでした。別のカードをお試しください。',
    chargeError: 'お支払いを完了できませんでした。もう一度お試しください。',
    chargeUnreachable: 'ショップのサーバーに接続できず、ご注文が完了したか確認できませんでした。接続を確認して、もう一度「支払う」を押してください（二重に請求されることはありません）。',
    didYouMean: (a) => `もしかして ${a} ですか？（タップで修正）`,
  },
  en: {
    summary: 'Your order', item1: 'Organic sencha 100 g × 2', shipping: 'Shipping', total: 'Total (tax incl.)',
    title: 'Payment', name: 'Name on card', email: 'Email', card: 'Card',
    splitOn: 'Enter number, expiry and code separately', splitOff: 'Enter on one line', number: 'Card number',
    expiry: 'Expiry', cvc: 'Security code', pay: 'Pay ¥3,980', paying: 'Processing…',
    note: 'Test mode. Use a PAY.JP test card such as 4242 4242 4242 4242.',
    paid: (c) => `Payment complete (${c.card.brand} •••• ${c.card.last4}, order ${c.id}).`,
    tds: 'Verify the card with 3-D Secure',
    problems: 'Please check the following', paidButton: 'Paid',
    chargeFailed: 'The card issuer did not approve the payment. Please try another card.',
    chargeError: 'The payment could not be completed. Please try again.',
    chargeUnreachable: 'Could not reach the shop, so we cannot tell whether your order went through. Check your connection and press Pay again: you will not be charged twice.',
    didYouMean: (a) => `Did you mean ${a}? (tap to correct)`,
  },
};
const t = TEXT[lang];

const $ = (id) => document.getElementById(id);
document.documentElement.lang = lang;
for (const el of document.querySelectorAll('[data-i18n]')) {
  const text = t[el.dataset.i18n];
  if (typeof text === 'string') el.textContent = text;
}
$(`lang-${lang}`).setAttribute('aria-current', 'true');
const keep = (changes) => {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) (v === null ? next.delete(k) : next.set(k, v));
  return `?${next}`;
};
$('lang-ja').href = keep({ lang: 'ja' });
$('lang-en').href = keep({ lang: 'en' });
$('split-toggle').href = keep({ split: split ? null : '1' });
$('split-toggle').textContent = split ? t.splitOff : t.splitOn;

// Isolated elements need nothing loaded into this page; direct mode runs the core here.
if (direct) await init();
const config = await (await fetch('/demo-config.json')).json();
const payjp = Payjp(config.publicKey, {
  locale: lang,
  apiBase: config.apiBase,
  frameOrigin: new URL(config.apiBase).origin,
  isolation: direct ? 'none' : 'frame',
  threeDSecureWorkflow: workflow,
  // Direct mode's redirect workflow returns to a page of ours registered under a name
  // (devserver --tds-redirect NAME=URL); isolated mode returns through the frame origin.
  ...(params.get('tds_redirect') ? { threeDSecureRedirect: params.get('tds_redirect') } : {}),
  // For tests: ?tds_timeout=MS shortens the 10-minute limit.
  ...(Number(params.get('tds_timeout')) > 0 ? { threeDSecureTimeout: Number(params.get('tds_timeout')) } : {}),
});
$('tds').checked = params.get('tds') !== '0';
const elements = payjp.elements();
const style = {
  base: { fontSize: '16px', color: '#1f2933', '::placeholder': { color: '#9aa5b1' } },
  invalid: { color: '#b42318' },
};

let tokenElement;
if (split) {
  $('card-element').hidden = true;
  $('split-fields').hidden = false;
  const number = elements.create('cardNumber', { style });
  number.mount('#number-element');
  elements.create('cardExpiry', { style }).mount('#expiry-element');
  elements.create('cardCvc', { style }).mount('#cvc-element');
  tokenElement = number;
} else {
  // ?name=card: the name is the combined element's fourth input.
  const card = elements.create('card', { style, cardholderName: params.get('name') === 'card' });
  card.mount('#card-element');
  tokenElement = card;
}
let nameElement = null;
if (params.get('name') === 'card') {
  $('name').hidden = true;
  document.querySelector('label[for="name"]').hidden = true;
} else if (nameInElement) {
  $('name').hidden = true;
  $('name-element').hidden = false;
  document.querySelector('label[for="name"]').htmlFor = 'name-element';
  nameElement = elements.create('cardholderName', { style });
  nameElement.mount('#name-element');
}
for (const type of ['card', 'cardNumber', 'cardExpiry', 'cardCvc', 'cardholderName']) {
  elements.getElement(type)?.on('loaderror', (e) => show('error', e.error.message));
}
payjp.securityBadge({ locale: lang }).mount('#badge');

const result = $('result');
const pay = $('pay');
/** An outcome that belongs to no field: paid, declined, network, 3-D Secure. */
function show(kind, text) {
  result.className = kind;
  result.textContent = text;
}

// Problems with what the buyer typed are shown where they are: the card's by the SDK under its
// element, the name's and the e-mail's here under their inputs, and all of them listed in a
// summary above the form, each a link to its field. They are not repeated in the status line,
// so a screen reader hears each once. The SDK reports every problem of one submit in
// `error.errors`, each with PAY.JP's parameter name.
const OWN = { 'card[name]': nameInElement ? null : 'name', 'card[email]': 'email', 'card[phone]': 'email' };
function markOwn(id, message) {
  const input = $(id);
  input.setAttribute('aria-invalid', String(!!message));
  $(`${id}-error`).textContent = message ?? '';
}
for (const id of ['name', 'email']) $(id).addEventListener('input', () => markOwn(id, null));

// A slip in a common mail domain (docomo.ne.jo, gmial.com) gets a one-tap correction when the
// buyer leaves the input: 3-D Secure's mail goes to this address. The SDK answers from its
// controller frame; this page loads nothing for it.
const suggest = $('email-suggest');
$('email').addEventListener('input', () => (suggest.hidden = true));
$('email').addEventListener('change', async () => {
  const typed = $('email').value;
  const suggestion = await payjp.suggestEmail(typed);
  if (!suggestion || $('email').value !== typed) return;
  suggest.dataset.value = suggestion;
  suggest.textContent = t.didYouMean(suggestion);
  suggest.hidden = false;
});
suggest.addEventListener('click', () => {
  $('email').value = suggest.dataset.value;
  suggest.hidden = true;
  markOwn('email', null);
  $('email').focus();
});
function showProblems(errors) {
  const list = $('problems-list');
  list.replaceChildren();
  markOwn('name', null);
  markOwn('email', null);
  // In the order of the form: name, e-mail, card.
  const rank = (e) => ['card[name]', 'card[email]', 'card[phone]'].indexOf(e.param) >>> 0;
  let first = null;
  for (const e of [...errors].sort((a, b) => rank(a) - rank(b))) {
    const own = OWN[e.param];
    if (own && $(own).getAttribute('aria-invalid') === 'true') continue;
    if (own) markOwn(own, e.message);
    const target = own ?? (e.param === 'card[name]' && nameElement ? 'nameElement' : 'card');
    const link = document.createElement('a');
    link.href = `#${own ?? (target === 'nameElement' ? 'name-element' : split ? 'number-element' : 'card-element')}`;
    link.textContent = e.message;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      focusField(target);
    });
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
    first ??= target;
  }
  $('problems').hidden = errors.length === 0;
  if (first) focusField(first);
}
function focusField(target) {
  if (target === 'card') tokenElement.focus();
  else if (target === 'nameElement') nameElement.focus();
  else $(target).focus();
}
// With 3-D Secure, the name and a contact are required.
const required = () => {
  for (const id of ['name', 'email']) $(id).setAttribute('aria-required', String($('tds').checked));
};
$('tds').addEventListener('change', required);
required();

// One order per checkout: the shop's server charges an order once, however often it is asked.
// The tab keeps it until it is paid, so a reload or the return from a 3-D Secure redirect is the
// same order, and a press after a lost answer cannot charge twice.
const order = keptOrder();
function keptOrder() {
  try {
    const kept = sessionStorage.getItem('checkout-order') ?? crypto.randomUUID();
    sessionStorage.setItem('checkout-order', kept);
    return kept;
  } catch {
    return crypto.randomUUID(); // storage blocked: one order per page load
  }
}
let paying = false;
let paid = false;
$('pay-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (paying || paid) return;
  paying = true;
  pay.disabled = true;
  pay.textContent = t.paying;
  show('', '');
  showProblems([]);
  try {
    const token = await payjp.createToken(tokenElement, {
      card: nameInElement ? { email: $('email').value } : { name: $('name').value, email: $('email').value },
      three_d_secure: $('tds').checked,
    });
    await charge(token);
  } finally {
    paying = false;
    if (!paid) {
      pay.disabled = false;
      pay.textContent = t.pay;
    }
  }
});
/** Sends only the token to our server and shows what happened: paid; declined by the issuer
 * (`card_error`); refused for another reason; or no answer, when the order may or may not have
 * been made (pressing again is safe: the server charges an order once). */
async function charge(token) {
  const problems = token.error?.type === 'validation_error' ? token.error.errors ?? [token.error] : [];
  showProblems(problems);
  if (token.error) {
    if (!problems.length) show('error', token.error.message);
    return;
  }
  let result;
  try {
    const response = await fetch('/charge', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: token.id, amount: 3980, order }),
    });
    result = await response.json();
  } catch {
    return show('error', t.chargeUnreachable);
  }
  if (result?.error?.type === 'card_error') return show('error', t.chargeFailed);
  if (result?.error || !result?.card) return show('error', t.chargeError);
  confirm(result);
}
/** Paid: the form is done with; the confirmation takes the focus. */
function confirm(charge) {
  paid = true;
  try {
    sessionStorage.removeItem('checkout-order');
  } catch {
    // Storage blocked: nothing was kept.
  }
  show('ok', t.paid(charge));
  pay.disabled = true;
  pay.textContent = t.paidButton;
  for (const id of ['name', 'email', 'tds']) $(id).disabled = true;
  suggest.hidden = true;
  for (const type of ['card', 'cardNumber', 'cardExpiry', 'cardCvc', 'cardholderName']) elements.getElement(type)?.update({ disabled: true });
  $('pay-form').classList.add('paid');
  result.focus();
}

// Back from the issuer in the redirect workflow: the SDK finishes the token this tab started (or
// says the return was not ours), and we charge it.
const returned = await payjp.handleThreeDSecureRedirect();
if (returned) await charge(returned);
document.body.dataset.ready = 'true';
