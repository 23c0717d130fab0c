// A fuzzer for the element style option's checks (src/dom/shared/style.js), which are
// JavaScript and so outside cargo-fuzz: the page's parseStyle (a merchant's style option) and
// the frame's checkRules (rules that arrive from the page, which the frame trusts no more than
// any message). Random inputs, built from real styles and from the characters that break out of
// a CSS declaration, are checked against what must hold:
// - parseStyle returns rules or throws a TypeError, nothing else; checkRules the same;
// - what either accepts, the other accepts unchanged (the page's rules pass the frame's check);
// - each accepted rule makes one stylesheet line of the one allowed shape: a selector scoped to
//   the element, one allowed property, a value with no way out of its declaration and nothing
//   that loads (no url(), image(), var(), attr(), expression(), escapes, comments, braces, ;, @).
// Runs for FUZZ_SECONDS (default 60), or FUZZ_RUNS inputs, from FUZZ_SEED (default: the time); a
// violation is written to fuzz/artifacts/style-js/ as JSON and exits 1. `make fuzz` runs it
// beside the cargo-fuzz targets; `make test` runs 30,000 inputs from seed 1.
// `node fuzz/js/style.mjs FILE` replays a violation.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRules, parseStyle, stylesheetText } from '../../src/dom/shared/style.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTIFACTS = join(ROOT, 'fuzz', 'artifacts', 'style-js');

/** mulberry32: a small seeded generator, so a run can be repeated from its seed. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VARIANTS = ['base', 'complete', 'empty', 'invalid', 'hover', '__proto__', 'constructor', ''];
const PSEUDOS = [':focus', ':hover', '::placeholder', '::selection', ':disabled', ':-webkit-autofill', ':before', '::after'];
const PROPERTIES = [
  'color', 'backgroundColor', 'caretColor', 'fontFamily', 'fontSize', 'fontStyle', 'fontVariant', 'fontWeight',
  'fontSmoothing', 'letterSpacing', 'lineHeight', 'textAlign', 'textDecoration', 'textShadow', 'textTransform',
  'opacity', 'iconColor', 'background', 'backgroundImage', 'content', 'behavior', 'font', '__proto__', 'toString',
];
/** Real values, and pieces that break out of a declaration or load something. */
const VALUES = [
  '#333', '16px', '1.5', 'bold', '400', 'rgba(0, 0, 0, 0.5)', 'hsl(210 40% 50%)', 'calc(1em + 2px)', 'none',
  "'Hiragino Kaku Gothic ProN', Meiryo, sans-serif", 'メイリオ', "'ヒラギノ角ゴ ProN W3'", '游ゴシック', 'center', '0.02em',
  '1px 1px 2px #000', 'uppercase', 'antialiased',
];
const PIECES = [
  ';', '{', '}', '\\', '/*', '*/', 'url(', 'URL(', 'u\\rl(', 'expression(', 'image(', 'image-set(', 'var(--x)', 'attr(x)',
  '@import', '<', '>', '"', "'", '\n', '\r', '\0', '\u2028', '\uFEFF', '(', ')', 'javascript:', 'data:', '!important',
  ' ', ',', '-', '+', '%', '#', '.', '_', 'ｕｒｌ(', '\u00A0', '𝐮𝐫𝐥(', 'x'.repeat(210),
];

function fuzzInput(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const value = () => {
    const r = rand();
    if (r < 0.08) return pick([0, 1.5, -3, NaN, Infinity, 1e21, null, undefined, true, {}, [], () => 1, Symbol.iterator]);
    let v = r < 0.5 ? pick(VALUES) : '';
    const n = Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) {
      const at = Math.floor(rand() * (v.length + 1));
      v = v.slice(0, at) + pick(rand() < 0.7 ? PIECES : VALUES) + v.slice(at);
    }
    return v;
  };
  const declarations = (depth) => {
    if (rand() < 0.05) return pick([null, 'color: red', [], 42]);
    const out = {};
    const n = Math.floor(rand() * 5);
    for (let i = 0; i < n; i++) {
      if (depth < 2 && rand() < 0.2) out[pick(PSEUDOS)] = declarations(depth + 1);
      else Object.defineProperty(out, pick(PROPERTIES), { value: value(), enumerable: true, configurable: true, writable: true });
    }
    return out;
  };
  if (rand() < 0.03) return pick([null, undefined, 'base', [], 7]);
  const style = {};
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) Object.defineProperty(style, pick(VARIANTS), { value: declarations(0), enumerable: true, configurable: true, writable: true });
  return style;
}

/** Rules as they may arrive in a frame: parsed ones, changed, or any shape at all. */
function fuzzRules(rand, rules) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  if (rand() < 0.1) return pick([null, {}, 'rules', [null], [[]], [['base', '', 'color']], [['base', '', 'color', '#333', 'extra']]]);
  const out = rules.map((r) => [...r]);
  const n = Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const rule = out.length && rand() < 0.7 ? pick(out) : (out.push(['base', '', 'color', '#000']), out.at(-1));
    const at = Math.floor(rand() * 4);
    rule[at] = rand() < 0.5 ? pick([...VARIANTS, ...PSEUDOS, ...PROPERTIES, '']) : `${rule[at]}${pick(PIECES)}`;
  }
  return out;
}

const LINE = /^\.payjp-s1(\.payjp-(complete|empty|invalid))? \.payjp-(input|icon)(:focus|:hover|::placeholder|::selection|:disabled|:-webkit-autofill)?\{(-webkit-font-smoothing|[a-z]+(-[a-z]+)*):([^{};\\@<>\n\r\0]+)\}$/;
const LOADS = /url\(|image\(|image-set\(|var\(|attr\(|expression\(|\/\*|\*\//i;

/** Throws (an Error naming what broke) when an invariant does not hold for this input. */
function check(style, rand) {
  const attempt = (fn, what) => {
    try {
      return { ok: fn() };
    } catch (e) {
      if (!(e instanceof TypeError)) throw new Error(`${what} threw ${e?.name}: ${e?.message}`);
      return { refused: e.message };
    }
  };
  const parsed = attempt(() => parseStyle(style), 'parseStyle');
  const accepted = [];
  if (parsed.ok) {
    const again = attempt(() => checkRules(parsed.ok), 'checkRules');
    if (!again.ok || JSON.stringify(again.ok) !== JSON.stringify(parsed.ok)) throw new Error(`the frame refuses or changes the page's rules: ${again.refused ?? 'changed'}`);
    accepted.push(parsed.ok);
  }
  const rules = fuzzRules(rand, parsed.ok ?? []);
  const checked = attempt(() => checkRules(rules), 'checkRules');
  if (checked.ok) accepted.push(checked.ok);
  for (const list of accepted) {
    const text = stylesheetText('payjp-s1', list);
    const lines = text.split('\n').slice(0, -1);
    if (lines.length !== list.length || text.slice(-1) !== (list.length ? '\n' : '')) throw new Error('one rule, one line');
    for (const line of lines) {
      const m = LINE.exec(line);
      if (!m) throw new Error(`a stylesheet line of another shape: ${JSON.stringify(line)}`);
      if (LOADS.test(m[7])) throw new Error(`a value that loads or comments: ${JSON.stringify(line)}`);
    }
  }
  return { rules };
}

/** What an input was, as JSON (functions and symbols named). */
const dump = (value) => JSON.stringify(value, (_, v) => (typeof v === 'function' || typeof v === 'symbol' || Number.isNaN(v) || v === Infinity ? String(v) : v === undefined ? '(undefined)' : v));

if (process.argv[2]) {
  const { seed, index } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const rand = generator(seed);
  for (let i = 0; i < index; i++) check(fuzzInput(rand), rand);
  const input = fuzzInput(rand);
  console.log(dump(input));
  check(input, rand);
  console.log('style fuzz: the reproducer passes now');
} else {
  const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const rand = generator(seed);
  const runs = Number(process.env.FUZZ_RUNS ?? Infinity);
  const stop = Date.now() + seconds * 1000;
  const started = Date.now();
  let n = 0;
  for (; n < runs && (runs !== Infinity || Date.now() < stop); n++) {
    const input = fuzzInput(rand);
    try {
      check(input, rand);
    } catch (e) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, `crash-${seed}-${n}.json`);
      writeFileSync(file, `${JSON.stringify({ seed, index: n, input: dump(input), error: e.message }, null, 2)}\n`);
      console.error(`style fuzz: ${e.message}\n  input: ${dump(input)}\n  written to ${file}`);
      process.exit(1);
    }
  }
  const took = (Date.now() - started) / 1000;
  console.log(`style fuzz: ${n} inputs in ${took.toFixed(1)} s (${Math.round(n / took)}/s) from seed ${seed}, no violation`);
}
