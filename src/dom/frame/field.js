// One card input: a real <input> with the right autocomplete, formatted as the buyer types
// (caret kept, separator deletes handled) by the Rust core, an open IME composition left alone,
// and focus, blur and "backspace in an empty field" reported to its owner.
//
// Takes the document it renders into, so the same code runs in the merchant's page and inside
// a frame document.
import { _edit, EditKind } from '../payjp_wasm.js';
import { NAME, attrs } from '../shared/dom.js';
import { core } from './core-state.js';

const LABELS = {
  ja: ['カード番号', '有効期限（月 / 年）', 'セキュリティコード', 'カード名義（ローマ字）'],
  en: ['Card number', 'Expiration date (MM / YY)', 'Security code', 'Name on card'],
};
const PLACEHOLDERS = {
  ja: ['1234 5678 9012 3456', '月 / 年', 'CVC', 'TARO YAMADA'],
  en: ['1234 5678 9012 3456', 'MM / YY', 'CVC', 'TARO YAMADA'],
};
// [autocomplete, class] per kind. No `name`: a card input is never a successful control of any
// form, so a merchant's form submission cannot carry it (autofill goes by `autocomplete`).
const INPUTS = [
  ['cc-number', 'payjp-number'],
  ['cc-exp', 'payjp-expiry'],
  ['cc-csc', 'payjp-cvc'],
  ['cc-name', 'payjp-name'],
];

export const label = (kind, lang) => LABELS[lang][kind];

const EDITS = { deleteContentBackward: EditKind.DeleteBackward, deleteContentForward: EditKind.DeleteForward };

export class Field {
  /**
   * @param {Document} document
   * @param {number} kind NUMBER, EXPIRY or CVC
   * @param {'ja'|'en'} lang
   * @param {(kind: number, signal: 'input'|'focus'|'blur'|'back') => void} signal
   * @param {() => { brand: string, submitting: boolean }} context what the element knows beside
   *   this field: the number's brand (the CVC's length depends on it), and whether it is submitting
   */
  constructor(document, kind, lang, signal, context) {
    const [autocomplete, cls] = INPUTS[kind];
    this.kind = kind;
    this.lang = lang;
    this.previous = '';
    this.composing = false;
    /** The buyer has left the field since it was last cleared. */
    this.blurred = false;
    /** What the core said of the value at the last check: `{ complete, empty, brand, error }`. */
    this.state = null;
    /** What that check was asked: `{ value, brand, blurred, submitting, lang }`. */
    this.checked = null;
    this.context = context;
    const input = (this.input = document.createElement('input'));
    input.className = `payjp-input ${cls}`;
    attrs(input, {
      type: 'text',
      inputmode: kind === NAME ? 'text' : 'numeric',
      autocomplete,
      autocorrect: 'off',
      autocapitalize: kind === NAME ? 'characters' : 'off',
      spellcheck: 'false',
      'aria-invalid': 'false',
      'aria-required': 'true',
      'aria-label': label(kind, lang),
      placeholder: PLACEHOLDERS[lang][kind],
    });
    const on = (type, handler) => input.addEventListener(type, handler);
    on('input', (e) => {
      if (this.composing) return; // never reformat while an IME composition is open
      this.reformat(EDITS[e.inputType] ?? EditKind.Insert);
      signal(kind, 'input');
    });
    on('compositionstart', () => {
      this.composing = true;
    });
    on('compositionend', () => {
      this.composing = false;
      this.reformat(EditKind.Insert);
      signal(kind, 'input');
    });
    on('focus', () => signal(kind, 'focus'));
    on('blur', () => {
      if (input.value) this.blurred = true;
      signal(kind, 'blur');
    });
    on('keydown', (e) => {
      if (e.key === 'Backspace' && !input.value) signal(kind, 'back');
    });
  }

  /** Formats the value after an edit, keeping the caret after the same digit, and keeps what the
   * core says of the result: one call into the core per keystroke. */
  reformat(edit) {
    if (!core.loaded) return;
    const input = this.input;
    const current = input.value;
    const { brand, submitting } = this.context();
    const { value, caret, state } = _edit(this.kind, this.previous, current, input.selectionStart ?? current.length, edit, brand, this.blurred, submitting, this.lang);
    this.state = state;
    this.checked = { value, brand, blurred: this.blurred, submitting, lang: this.lang };
    if (value !== current) {
      input.value = value;
      if (input.ownerDocument.activeElement === input) input.setSelectionRange(caret, caret);
    }
    this.previous = value;
  }

  /** The name and the default placeholder in `lang` (a placeholder the merchant set stays). The
   * merchant's `name` for the element leads: alone for an element of one input, before the
   * input's own name in the combined element. */
  setLang(lang, name, alone) {
    const input = this.input;
    if (input.placeholder === PLACEHOLDERS[this.lang][this.kind]) input.placeholder = PLACEHOLDERS[lang][this.kind];
    const own = label(this.kind, lang);
    input.setAttribute('aria-label', !name || own.includes(name) ? own : alone ? name : `${name} ${own}`);
    this.lang = lang;
  }

  get value() {
    return this.input.value;
  }

  clear() {
    this.input.value = '';
    this.previous = '';
    this.blurred = false;
    this.checked = null;
  }

  focus() {
    this.input.focus();
  }

  /** Focuses with the caret at the end (moving back from the next field). */
  focusAtEnd() {
    this.input.focus();
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
  }
}
