// Locales as payjp.js v2 takes them.

/**
 * A locale as payjp.js v2 takes it: 'ja' or 'en', or a tag such as 'ja-JP' or 'en-US'. Anything
 * else falls back to Japanese with a console warning: a page never dies of a locale.
 */
export function langOf(locale, what) {
  if (locale === undefined || locale === null) return 'ja';
  const lang = typeof locale === 'string' ? locale.trim().toLowerCase().split(/[-_]/)[0] : '';
  if (lang === 'ja' || lang === 'en') return lang;
  console.warn(`payjp-wasm: ${what}: locale ${JSON.stringify(locale)} is not 'ja' or 'en' (or a tag such as 'ja-JP'); using 'ja'.`);
  return 'ja';
}
