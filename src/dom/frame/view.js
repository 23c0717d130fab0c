// An element view: the fields of one element type in one container, with the brand icon, a live
// error region, state classes for styling, focus moving between the fields of the combined
// `card` element, and the summary its `change` events report. Validation and the rule for when
// an error shows are the Rust core's (`_edit`, as the buyer types and when something else
// changed); this file only renders.
//
// Takes the document it renders into, so it runs in the merchant's page (direct mode) and
// inside a frame document (isolated mode) alike.
import { _edit, EditKind } from '../payjp_wasm.js';
import { core } from './core-state.js';
import { Field, label } from './field.js';
import { CVC, NAME, NUMBER, TYPES, adopt, attrs, ensureSheet, uniqueId, unadopt } from '../shared/dom.js';
import { stylesheetText } from '../shared/style.js';

/** The elements' own layout, shared by every element in a document. */
export const ELEMENT_CSS =
  '.payjp-element{display:flex;flex-wrap:wrap;align-items:center;gap:.6em;box-sizing:border-box;min-width:0;font-family:inherit;cursor:text}' +
  '.payjp-element .payjp-input{flex:1 1 auto;min-width:0;width:100%;border:0;outline:0;padding:0;margin:0;background:transparent;font:inherit;color:inherit;line-height:1.5}' +
  // The combined element keeps the number whole: below about 24em, expiry and CVC wrap under it.
  '.payjp-element .payjp-number{flex:99 1 11em}' +
  '.payjp-element .payjp-expiry{flex:1 0 5.2em}' +
  '.payjp-element .payjp-cvc{flex:1 0 3.6em}' +
  '.payjp-element .payjp-name{flex:1 1 100%}' +
  // Which of the combined element's inputs has the focus.
  '.payjp-type-card .payjp-input:focus{box-shadow:0 2px 0 -0.5px currentColor}' +
  '@media (forced-colors:active){.payjp-type-card .payjp-input:focus{outline:1px solid Highlight}}' +
  '.payjp-element.payjp-type-cardExpiry .payjp-expiry,.payjp-element.payjp-type-cardCvc .payjp-cvc{flex:1 1 auto}' +
  '.payjp-element .payjp-icon{flex:0 0 auto;color:#8a94a6}' +
  '.payjp-element.payjp-hide-icon .payjp-icon{display:none}' +
  '.payjp-error{display:block;min-height:0;font-size:.85em;color:#b42318}' +
  '.payjp-suggest{flex:1 0 100%;font:inherit;font-size:.85em;text-align:start;padding:.3em .5em;border:1px solid currentColor;border-radius:4px;background:transparent;color:inherit;cursor:pointer}' +
  '.payjp-suggest[hidden]{display:none}' +
  '.payjp-error:empty{display:none}';


const SVG = 'http://www.w3.org/2000/svg';
// Fill colour and short label per brand: simple shapes of our own, no network logos.
const LOOKS = {
  Visa: ['#1a1f71', 'VISA'],
  MasterCard: ['#c2410c', 'MC'],
  JCB: ['#0b6e4f', 'JCB'],
  'American Express': ['#1d6fa5', 'AMEX'],
  'Diners Club': ['#3f4a5a', 'DC'],
  Discover: ['#b45309', 'DISC'],
};

export function svg(document, tag, pairs) {
  return attrs(document.createElementNS(SVG, tag), pairs);
}

function brandIcon(document) {
  const root = svg(document, 'svg', { class: 'payjp-icon', viewBox: '0 0 32 22', width: '32', height: '22', role: 'img', focusable: 'false' });
  const body = svg(document, 'rect', { x: '0.5', y: '0.5', width: '31', height: '21', rx: '3.5' });
  const stripe = svg(document, 'rect', { x: '3', y: '5', width: '6', height: '4.5', rx: '1', fill: '#fff', 'fill-opacity': '0.55' });
  const text = svg(document, 'text', {
    x: '29', y: '17', 'text-anchor': 'end', fill: '#fff', 'font-size': '7', 'font-weight': '700', 'font-family': 'system-ui, sans-serif',
  });
  root.append(body, stripe, text);
  return {
    root,
    /** Shows `brand`; `name` is what a screen reader hears. */
    set(brand, name) {
      const [fill, short] = LOOKS[brand] ?? ['#8a94a6', ''];
      attrs(body, { fill });
      text.textContent = short;
      attrs(root, { 'aria-label': name, 'data-brand': brand });
    },
  };
}

/** The state shared by the views of one elements() group: the brand the number field found. */
export class SharedBrand {
  brand = 'unknown';
}

const sameError = (a, b) => (a && a.code) === (b && b.code);

export class ElementView {
  /**
   * @param {Document} document
   * @param {string} type 'card', 'cardNumber', 'cardExpiry' or 'cardCvc'
   * @param {'ja'|'en'} lang
   * @param {SharedBrand} shared
   * @param {object} options checked options: { placeholders, disabled, hideIcon, rules }
   * @param {(event: 'change'|'focus'|'blur', summary?: object) => void} emit
   */
  constructor(document, type, lang, shared, options, emit) {
    ensureSheet(document, 'elements', ELEMENT_CSS);
    const id = uniqueId('payjp-');
    this.document = document;
    this.type = type;
    this.lang = lang;
    this.shared = shared;
    this.emit = emit;
    this.scope = `payjp-el-${id.slice(6)}`;
    this.submitting = false;
    this.last = null;
    this.sheet = null;
    /** Set while this view moves focus between its own fields, so no blur/focus pair is emitted. */
    this.movingFocus = false;
    const root = (this.root = document.createElement('div'));
    root.className = `payjp-element ${this.scope} payjp-empty payjp-type-${type}`;
    this.errorRegion = attrs(document.createElement('span'), { id: `${id}-error`, class: 'payjp-error', role: 'alert', 'aria-live': 'polite' });
    const signal = (kind, what) => this.onSignal(kind, what);
    const context = () => ({ brand: this.shared.brand, submitting: this.submitting });
    // The combined element may carry the cardholder's name as a fourth input.
    const kinds = type === 'card' && options.cardholderName ? [...TYPES.card, NAME] : TYPES[type];
    this.fields = kinds.map((kind) => new Field(document, kind, lang, signal, context));
    if (this.field(NUMBER)) {
      this.icon = brandIcon(document);
      root.append(this.icon.root);
    }
    root.append(...this.fields.map((f) => f.input));
    // The name element offers the romaji of a name typed in kana: one tap, and PAY.JP accepts it.
    if (this.field(NAME)) {
      this.suggest = attrs(document.createElement('button'), { type: 'button', class: 'payjp-suggest', hidden: '' });
      this.suggest.addEventListener('click', () => {
        const f = this.field(NAME);
        f.input.value = this.suggest.dataset.value;
        f.reformat(EditKind.Insert);
        this.render(true);
        f.focus();
      });
      root.append(this.suggest);
    }
    // A press on the box around the inputs (its padding, the icon) focuses a field, as a press on
    // a plain input's padding would.
    root.addEventListener('mousedown', (e) => {
      if (e.target.tagName === 'INPUT') return;
      e.preventDefault();
      this.focus();
    });
    this.applyOptions(options);
    this.render(false);
  }

  field(kind) {
    return this.fields.find((f) => f.kind === kind);
  }

  /** Placeholder, disabled, icon, style and locale; also what `update(options)` calls. */
  applyOptions({ placeholders = [], disabled, hideIcon, rules, locale, label: name }) {
    if (typeof name === 'string') this.label = name;
    if ((locale === 'ja' || locale === 'en') && locale !== this.lang) {
      this.lang = locale;
      if (this.last) this.render(true);
    }
    // The merchant's label (its <label for> the container, or the `label` option) leads each
    // input's name, so a buyer who says or sees "Expiry" finds the input by it.
    for (const f of this.fields) f.setLang(this.lang, this.label, this.fields.length === 1);
    if (this.label && this.fields.length > 1) attrs(this.root, { role: 'group', 'aria-label': this.label });
    for (const f of this.fields) {
      if (placeholders[f.kind] !== undefined) f.input.placeholder = placeholders[f.kind];
      if (disabled !== undefined) f.input.disabled = disabled;
    }
    if (hideIcon !== undefined) this.root.classList.toggle('payjp-hide-icon', hideIcon);
    if (disabled !== undefined) this.root.classList.toggle('payjp-disabled', disabled);
    if (rules) {
      if (this.sheet) unadopt(this.document, this.sheet);
      this.sheet = rules.length ? adopt(this.document, stylesheetText(this.scope, rules)) : null;
    }
  }

  onSignal(kind, what) {
    const combined = this.type === 'card';
    if (what === 'input') {
      this.render(true);
      // Move on once a field is complete, in the combined element only.
      // Number → expiry → CVC → the name (when the element has one), into an empty field.
      const next = combined && kind < NAME && this.field(kind + 1);
      if (next && !next.value && this.field(kind).state.complete) this.moveFocus(next, false);
    } else if (what === 'back') {
      if (combined && kind > NUMBER) this.moveFocus(this.field(kind - 1), true);
    } else if (what === 'focus') {
      this.root.classList.add('payjp-focus');
      if (!this.movingFocus) this.emit('focus');
    } else {
      this.root.classList.remove('payjp-focus');
      this.render(true);
      if (!this.movingFocus) this.emit('blur');
    }
  }

  moveFocus(field, atEnd) {
    this.movingFocus = true;
    try {
      if (atEnd) field.focusAtEnd();
      else field.focus();
    } finally {
      this.movingFocus = false;
    }
  }

  /** The core's verdict on one field: the last one, when nothing it depends on changed since (the
   * field's own edit asked for it already), else asked again. The number field updates the
   * group's brand. Before the core has loaded: unfinished, no error. */
  check(field) {
    if (!core.loaded) return { complete: false, empty: field.value === '', brand: this.shared.brand, error: null };
    const brand = this.shared.brand;
    const c = field.checked;
    const same = c && c.value === field.value && c.blurred === field.blurred && c.submitting === this.submitting && c.lang === this.lang && (field.kind !== CVC || c.brand === brand);
    if (!same) {
      const value = field.value;
      field.state = _edit(field.kind, value, value, value.length, EditKind.Insert, brand, field.blurred, this.submitting, this.lang).state;
      field.checked = { value: field.value, brand, blurred: field.blurred, submitting: this.submitting, lang: this.lang };
    }
    if (field.kind === NUMBER) this.shared.brand = field.state.brand;
    return field.state;
  }

  /** Re-validates and updates classes, ARIA and the error region; with `emit`, sends `change`
   * when the summary changed. */
  render(emit) {
    const summary = { complete: true, empty: true, brand: 'unknown', error: null };
    for (const f of this.fields) {
      const state = (f.state = this.check(f));
      f.input.setAttribute('aria-invalid', String(!!state.error));
      // The error line describes the one input whose error it shows.
      if (state.error && !summary.error) f.input.setAttribute('aria-describedby', this.errorRegion.id);
      else f.input.removeAttribute('aria-describedby');
      summary.complete &&= state.complete;
      summary.empty &&= state.empty;
      summary.error ??= state.error;
    }
    summary.brand = this.shared.brand;
    const romaji = this.field(NAME)?.state.suggestion;
    if (this.suggest) {
      this.suggest.hidden = !romaji;
      this.suggest.dataset.value = romaji ?? '';
      this.suggest.textContent = romaji ? (this.lang === 'ja' ? `ローマ字「${romaji}」にする` : `Use "${romaji}"`) : '';
    }
    this.icon?.set(summary.brand, summary.brand === 'unknown' ? label(NUMBER, this.lang) : summary.brand);
    this.errorRegion.textContent = summary.error ? summary.error.message : '';
    const classes = this.root.classList;
    classes.toggle('payjp-complete', summary.complete);
    classes.toggle('payjp-empty', summary.empty);
    classes.toggle('payjp-invalid', !!summary.error);
    const last = this.last;
    const changed = !last || last.complete !== summary.complete || last.empty !== summary.empty || last.brand !== summary.brand || !sameError(last.error, summary.error);
    this.last = summary;
    if (emit && changed) this.emit('change', summary);
    return summary;
  }

  /**
   * Once the core has loaded: formats what was typed before, and validates. In the combined
   * element, digits typed before it could move on from a complete field all sit in one input:
   * they are typed again, one by one, so each lands where it would have.
   */
  refresh() {
    // The card's inputs (a name input keeps what was typed, as it is).
    const card = this.fields.filter((f) => f.kind !== NAME);
    const typed = card.map((f) => f.value).join('');
    this.field(NAME)?.reformat(0);
    if (this.type !== 'card' || !typed) {
      for (const f of card) if (f.value) f.reformat(0);
      return this.render(true);
    }
    const focused = card.some((f) => f.input === this.document.activeElement);
    for (const f of card) f.clear();
    let i = 0;
    for (const digit of typed.replace(/[^0-9０-９]/g, '')) {
      const f = this.fields[i];
      f.input.value += digit;
      f.reformat(0);
      if (i < CVC && this.check(f).complete) i += 1;
    }
    this.render(true);
    if (focused) this.moveFocus(this.fields[i], true);
  }

  /** Shows every field's error as on submit. Returns the first error, or null when valid. */
  validateForSubmit() {
    this.submitting = true;
    return this.render(true).error;
  }

  /** The first field that is not complete, or null. */
  firstInvalid() {
    return this.fields.find((f) => !this.check(f).complete) ?? null;
  }

  /** The raw values of this view's fields, for the token call. */
  valuesInto(values) {
    for (const f of this.fields) values[f.kind] = f.value;
  }

  get summary() {
    return this.last;
  }

  focus() {
    (this.firstInvalid() ?? this.fields[0]).focus();
  }

  blur() {
    for (const f of this.fields) f.input.blur();
  }

  clear() {
    for (const f of this.fields) f.clear();
    if (this.field(NUMBER)) this.shared.brand = 'unknown';
    this.submitting = false;
    this.render(true);
  }

  /** Removes the view's nodes and stylesheet. */
  remove() {
    this.root.remove();
    this.errorRegion.remove();
  }

  teardown() {
    this.remove();
    if (this.sheet) unadopt(this.document, this.sheet);
    this.sheet = null;
  }
}

/**
 * Loads web fonts into `document` (`elements({ fonts })`, checked by the page): each becomes a
 * FontFace the document's fonts can use, so a style's `fontFamily` can name it. A font that
 * fails to load leaves the next family in the list to the browser.
 */
export function loadFonts(document, fonts) {
  const FontFace = document.defaultView.FontFace;
  for (const { family, src, weight, style, display } of Array.isArray(fonts) ? fonts : []) {
    try {
      const descriptors = Object.fromEntries(Object.entries({ weight, style, display }).filter(([, v]) => typeof v === 'string'));
      const face = new FontFace(family, `url(${JSON.stringify(src)})`, descriptors);
      document.fonts.add(face);
      face.load().catch(() => {});
    } catch {
      // A family or descriptor the browser refuses: the next family in the style applies.
    }
  }
}
