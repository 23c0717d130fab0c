// Shortens the names the wasm module and its JS glue know each other by, in both files.
//
// Imports: wasm-bindgen names every import like `__wbg_setTimeout_9ef22b48643bd7de`: the 16 hex
// digits are there to keep names unique across crates, and they are the least compressible bytes
// in the download, twice (once in the wasm import section, once as a key in the glue). This
// rewrites them as `a`, `b`, … and the import module (`./payjp_wasm_bg.js`) as `w`.
// Exports: the glue is the module's only caller, through `wasm.<name>` (`__wbindgen_realloc`,
// `wasm_bindgen__convert__closures_____invoke__h5e84aab8614c9381`, …; the public functions are
// the glue's own JS exports, which keep their names). Each export the glue uses becomes `a`, `b`,
// … in both files; one it does not use is dropped, so wasm-opt can remove what only it kept.
// Run before wasm-opt. Nothing else changes; the browser tests and e2e suites run against the
// result.
//   node scripts/shorten-names.mjs target/pkg-build/glue/payjp_wasm_bg.wasm target/pkg-build/glue/payjp_wasm.js
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');
// wasm-bindgen names the import module after the glue: `./<out-name>_bg.js`.
const GLUE_MODULE = `./${basename(gluePath, '.js')}_bg.js`;
const SHORT_MODULE = 'w';

function readU32(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    result |= (byte & 0x7f) << shift;
    if (!(byte & 0x80)) return [result >>> 0, pos];
    shift += 7;
  }
}
function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}
const nameBytes = (s) => {
  const b = Buffer.from(s, 'utf8');
  return [...u32(b.length), ...b];
};
function readName(buf, pos) {
  const [len, p] = readU32(buf, pos);
  return [buf.toString('utf8', p, p + len), p + len];
}
/** Skips an import's description (after its kind byte) and returns the end position. */
function skipDesc(buf, kind, pos) {
  const limits = (p) => {
    const flags = buf[p++];
    [, p] = readU32(buf, p);
    if (flags & 1) [, p] = readU32(buf, p);
    return p;
  };
  switch (kind) {
    case 0: return readU32(buf, pos)[1]; // function: type index
    case 1: return limits(pos + 1); // table: reftype, limits
    case 2: return limits(pos); // memory
    case 3: return pos + 2; // global: valtype, mutability
    case 4: return readU32(buf, pos + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}
const shortName = (i) => {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[i % letters.length] + s;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return s;
};

/** `wasm.<name>` in the glue: how it calls an export. */
const exportUse = (name) => new RegExp(`\\bwasm\\.${name}(?![\\w$])`, 'g');
const exportRenames = new Map();
const dropped = [];
/** The export section starting at `start`, its names shortened, unused exports left out. */
function shortenExports(start) {
  let [count, p] = readU32(wasm, start);
  const entries = [];
  for (let i = 0; i < count; i++) {
    let name;
    [name, p] = readName(wasm, p);
    const kind = wasm[p];
    const descEnd = readU32(wasm, p + 1)[1];
    if (exportUse(name).test(glue)) {
      const short = shortName(exportRenames.size);
      exportRenames.set(name, short);
      entries.push([...nameBytes(short), ...wasm.subarray(p, descEnd)]);
    } else {
      dropped.push(name);
    }
    p = descEnd;
  }
  const body = [...u32(entries.length), ...entries.flat()];
  return Buffer.from([7, ...u32(body.length), ...body]);
}

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm module`);
const out = [wasm.subarray(0, 8)];
const renames = new Map();
let pos = 8;
while (pos < wasm.length) {
  const id = wasm[pos];
  const [size, start] = readU32(wasm, pos + 1);
  const end = start + size;
  if (id === 7) {
    out.push(shortenExports(start));
    pos = end;
    continue;
  }
  if (id !== 2) {
    out.push(wasm.subarray(pos, end));
    pos = end;
    continue;
  }
  let [count, p] = readU32(wasm, start);
  const body = [...u32(count)];
  for (let i = 0; i < count; i++) {
    let module, field;
    [module, p] = readName(wasm, p);
    [field, p] = readName(wasm, p);
    const kind = wasm[p];
    const descEnd = skipDesc(wasm, kind, p + 1);
    if (module === GLUE_MODULE) {
      if (!renames.has(field)) renames.set(field, shortName(renames.size));
      body.push(...nameBytes(SHORT_MODULE), ...nameBytes(renames.get(field)));
    } else {
      body.push(...nameBytes(module), ...nameBytes(field));
    }
    body.push(...wasm.subarray(p, descEnd));
    p = descEnd;
  }
  out.push(Buffer.from([2, ...u32(body.length), ...body]));
  pos = end;
}

// The glue names each import once, as a key of the object it hands to the module.
for (const [long, short] of renames) {
  const key = new RegExp(`\\b${long}(?=: function)`, 'g');
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) throw new Error(`expected the glue to define ${long} once, found ${found}`);
  glue = glue.replace(key, short);
}
// Every export the glue calls, renamed at each call. Longest first, though no name here is
// another's prefix followed by a name character.
for (const [long, short] of [...exportRenames].sort((a, b) => b[0].length - a[0].length)) {
  glue = glue.replace(exportUse(long), `wasm.${short}`);
}
const unknown = [...new Set(glue.match(/\bwasm\.[A-Za-z_$][\w$]*/g))].filter((use) => !/^wasm\.[A-Za-z]{1,2}$/.test(use));
if (unknown.length) throw new Error(`the glue calls exports the module does not have: ${unknown.join(', ')}`);
const moduleKey = `"${GLUE_MODULE}": import0`;
if (!glue.includes(moduleKey)) throw new Error(`the glue does not hand over its imports as ${moduleKey}`);
glue = glue.replace(moduleKey, `"${SHORT_MODULE}": import0`);

writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(gluePath, glue);
console.log(`shorten-names: ${renames.size} import and ${exportRenames.size} export names shortened; exports the glue does not use, dropped: ${dropped.join(', ') || 'none'}`);
