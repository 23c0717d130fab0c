// Element styles, payjp.js v2 style: variants base, complete, empty and invalid, each with CSS
// properties and the pseudo keys :focus, :hover, ::placeholder, :disabled and
// :-webkit-autofill. Only allow-listed properties and values pass. The page checks a merchant's
// style when it is given (`parseStyle`, misuse throws), and the frame checks the rules it
// receives again (`checkRules`): it trusts nothing the page sends. The result goes into a
// constructed stylesheet that the document adopts: no <style> text and no style attributes, so a
// strict CSP and Trusted Types hold.

import { isObject } from './dom.js';

const VARIANTS = { base: '', complete: '.payjp-complete', empty: '.payjp-empty', invalid: '.payjp-invalid' };
const PSEUDOS = [':focus', ':hover', '::placeholder', '::selection', ':disabled', ':-webkit-autofill'];
/** The properties a style may set, camelCase as merchants write them. */
const PROPERTIES = [
  'color', 'backgroundColor', 'caretColor', 'fontFamily', 'fontSize', 'fontStyle', 'fontVariant', 'fontWeight',
  'fontSmoothing', 'letterSpacing', 'lineHeight', 'textAlign', 'textDecoration', 'textShadow', 'textTransform',
  'opacity', 'iconColor',
];
/** The CSS property: kebab-case, except `iconColor` (the brand icon's `color`) and
 * `fontSmoothing` (`-webkit-font-smoothing`). The page needs only the names above, not these. */
const cssName = (key) =>
  key === 'iconColor' ? 'color' : key === 'fontSmoothing' ? '-webkit-font-smoothing' : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A value is safe when it cannot leave its declaration or load anything: at most 200
 * characters of letters, digits, spaces and # % . , ( ) ' " - + /, with no url(), expression(),
 * image(), image-set(), var(), attr(), escapes or comments. A font family list may name fonts in
 * any script (`メイリオ`, `'ヒラギノ角ゴ ProN W3'`, `游ゴシック`): letters, digits and marks of any
 * language, spaces, paired quotes, commas, dots, hyphens and underscores, and nothing else: no
 * parentheses, so no function at all.
 */
export function safeValue(value, key) {
  if (value.trim() === '' || value.length > 200) return false;
  if (key === 'fontFamily') return /^[\p{L}\p{N}\p{M} ,'"._-]+$/u.test(value) && !/'/.test(value.replace(/'[^']*'/g, '')) && !/"/.test(value.replace(/"[^"]*"/g, ''));
  return /^[A-Za-z0-9 #%.,()'"+/-]*$/.test(value) && !/url\(|expression\(|image\(|image-set\(|var\(|attr\(|\/\*|\*\//i.test(value);
}

/**
 * Checks a `style` option and returns its rules, `[variant, pseudo, property, value]`. Unknown
 * keys and unsafe values are the developer's mistake and throw a TypeError.
 */
export function parseStyle(style) {
  if (!isObject(style)) throw new TypeError('style: expected an object with base, complete, empty and invalid variants.');
  const rules = [];
  for (const variant of Object.keys(style)) {
    if (!Object.hasOwn(VARIANTS, variant)) {
      throw new TypeError(`style: unknown variant '${variant}'; expected base, complete, empty or invalid.`);
    }
    pushDeclarations(rules, variant, '', style[variant]);
  }
  return rules;
}

function pushDeclarations(rules, variant, pseudo, declarations) {
  if (!isObject(declarations)) throw new TypeError(`style: expected style.${variant} to be an object of CSS properties.`);
  for (const [key, raw] of Object.entries(declarations)) {
    if (PSEUDOS.includes(key)) {
      if (pseudo) throw new TypeError('style: pseudo keys cannot be nested.');
      pushDeclarations(rules, variant, key, raw);
      continue;
    }
    if (!PROPERTIES.includes(key)) {
      throw new TypeError(`style: '${key}' is not allowed; expected one of ${[...PROPERTIES, ...PSEUDOS].join(', ')}.`);
    }
    const value = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
    if (typeof value !== 'string' || !safeValue(value, key)) {
      throw new TypeError(`style: the value of '${key}' is not a plain CSS value (no url(), braces, semicolons or escapes).`);
    }
    rules.push([variant, pseudo, key, value]);
  }
}

/**
 * The stylesheet text for one element, scoped to its class. Every rule stands alone, so a
 * selector one browser rejects (:-webkit-autofill in Firefox) drops only itself.
 */
export function stylesheetText(scope, rules) {
  return rules
    .map(([variant, pseudo, key, value]) =>
      `.${scope}${VARIANTS[variant]} ${key === 'iconColor' ? '.payjp-icon' : '.payjp-input'}${pseudo}{${cssName(key)}:${value}}\n`)
    .join('');
}

/**
 * Checks rules that arrive already parsed (from the page, into a frame) against the same
 * allow-list, and returns them; anything else throws.
 */
export function checkRules(rules) {
  if (!Array.isArray(rules)) throw new TypeError('style: expected a list of rules.');
  return rules.map((rule) => {
    const [variant, pseudo, key, value] = Array.isArray(rule) ? rule : [];
    const ok =
      Object.hasOwn(VARIANTS, variant) &&
      (pseudo === '' || PSEUDOS.includes(pseudo)) &&
      PROPERTIES.includes(key) &&
      typeof value === 'string' &&
      safeValue(value, key);
    if (!ok) throw new TypeError('style: a rule is not allowed.');
    return [variant, pseudo, key, value];
  });
}
