// The built npm package (pkg/): exactly the intended files, a manifest with our fields, and an
// import that does nothing harmful where there is no browser (server-side rendering).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = join(ROOT, 'pkg');

test('npm pack ships exactly the intended files', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: PKG, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const files = JSON.parse(out)[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, ['core.js', 'index.d.ts', 'index.js', 'package.json', 'payjp.js', 'payjp_wasm_bg.wasm', 'tds-return.js', 'tds.js', 'web.js']);
});

test('the entry an isolated merchant page loads carries no wasm and no card code', () => {
  const entry = readFileSync(join(PKG, 'index.js'), 'utf8');
  // The core (wasm glue, fields, validators) is only reached through a dynamic import.
  assert.doesNotMatch(entry, /payjp_wasm_bg\.wasm|WebAssembly\.[a-z]|_edit\(|_fieldState|_createToken/);
  assert.match(entry, /import\(["']\.\/core\.js["']\)/);
  assert.match(entry, /import\(["']\.\/tds\.js["']\)/);
  const classic = readFileSync(join(PKG, 'payjp.js'), 'utf8');
  assert.doesNotMatch(classic, /payjp_wasm_bg\.wasm|WebAssembly\.[a-z]|_edit\(|_fieldState|_createToken/);
});

test('the manifest carries our fields and the Cargo version', () => {
  const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  const cargoVersion = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
  assert.equal(manifest.name, 'payjp-wasm');
  assert.equal(manifest.version, cargoVersion);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, 'index.d.ts');
  assert.equal(manifest.exports['.'].default, './index.js');
  assert.equal(manifest.exports['.'].types, './index.d.ts');
  assert.deepEqual(manifest.sideEffects, ['./payjp.js'], 'only the drop-in script has side effects');
  assert.equal(manifest.exports['./web'].default, './web.js');
  assert.ok(manifest.license && manifest.repository && manifest.keywords.includes('payjp'));
});

test('importing the package where there is no window does not throw', async () => {
  assert.equal(typeof globalThis.window, 'undefined');
  const mod = await import(join(PKG, 'index.js'));
  assert.equal(typeof mod.default, 'function', 'init is exported');
  assert.equal(typeof mod.validateCardNumber, 'function');
  // Creating a client is the browser's job: a clear error, not a crash deep inside.
  assert.throws(() => mod.Payjp('pk_test_0123456789abcdef01234567'), /needs a browser \(window is undefined\)/);
});

test('init() is memoised, and a failed load can be retried', async () => {
  const mod = await import(join(PKG, 'index.js'));
  await assert.rejects(mod.default({ module_or_path: readFileSync(join(PKG, 'package.json')) }));
  // The failure was forgotten: the real module loads on the next call, and later calls share it.
  const bytes = readFileSync(join(PKG, 'payjp_wasm_bg.wasm'));
  const first = mod.default({ module_or_path: bytes });
  assert.equal(mod.default(), first, 'a second call returns the same promise');
  await first;
  assert.equal(mod.validateCardNumber('4242 4242 4242 4242').isValid, true);
});
