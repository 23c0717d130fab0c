// Validators demo: every field reacts as you type. Runs under a strict CSP: no inline code,
// DOM text set with textContent only.
import init, {
  validateCardNumber, validateExpiry, validateCvc, validateHolderName,
  validateEmail, validatePhone, formatCardNumber,
} from '/pkg/index.js';

await init();

const $ = (id) => document.getElementById(id);
let lang = 'ja';
let brand = 'unknown';

const labels = {
  ja: { valid: '有効', typing: '入力中…', brand: 'ブランド' },
  en: { valid: 'Valid', typing: 'Keep typing…', brand: 'Brand' },
};

function show(id, result, extra = '') {
  const input = $(id);
  const out = $(`${id}-out`);
  const t = labels[lang];
  input.setAttribute('aria-invalid', String(result.error !== null));
  out.className = result.isValid ? 'ok' : result.error ? 'error' : '';
  if (input.value === '') out.textContent = '';
  else if (result.error) out.textContent = `${result.error.message} (${result.error.code})`;
  else out.textContent = (result.isValid ? t.valid : t.typing) + extra;
}

const checks = {
  number() {
    const r = validateCardNumber($('number').value, lang);
    brand = r.brand;
    show('number', r, ` · ${labels[lang].brand}: ${r.brand}`);
  },
  expiry() {
    const r = validateExpiry($('expiry').value, lang);
    show('expiry', r, r.isValid ? ` · ${String(r.month).padStart(2, '0')}/${r.year}` : '');
  },
  cvc() { show('cvc', validateCvc($('cvc').value, brand, lang)); },
  name() {
    const r = validateHolderName($('name').value, lang);
    show('name', r, r.isValid ? ` · ${r.value}` : '');
  },
  email() { show('email', validateEmail($('email').value, lang)); },
  phone() {
    const r = validatePhone($('phone').value, lang);
    show('phone', r, r.isValid ? ` · ${r.value}` : '');
  },
};

// The card number formats as you type, keeping the caret after the same digit. Nothing is
// reformatted while an IME composition is open.
const number = $('number');
let composing = false;
number.addEventListener('compositionstart', () => { composing = true; });
number.addEventListener('compositionend', () => { composing = false; reformatNumber(); });
number.addEventListener('input', () => { if (!composing) reformatNumber(); });
function reformatNumber() {
  const { value, caret } = formatCardNumber(number.value, number.selectionStart ?? number.value.length);
  if (value !== number.value) {
    number.value = value;
    number.setSelectionRange(caret, caret);
  }
  checks.number();
  checks.cvc();
}

for (const id of ['expiry', 'cvc', 'name', 'email', 'phone']) {
  $(id).addEventListener('input', checks[id]);
}
for (const radio of document.querySelectorAll('input[name="lang"]')) {
  radio.addEventListener('change', () => {
    lang = radio.value;
    document.documentElement.lang = lang;
    Object.values(checks).forEach((check) => check());
  });
}
document.body.dataset.ready = 'true';
