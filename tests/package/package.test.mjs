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
  assert.deepEqual(files, ['package.json', 'payjp_wasm.d.ts', 'payjp_wasm.js', 'payjp_wasm_bg.wasm', 'payjp_wasm_bg.wasm.d.ts']);
});

test('the manifest carries our fields and the Cargo version', () => {
  const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  const cargoVersion = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
  assert.equal(manifest.name, 'payjp-wasm');
  assert.equal(manifest.version, cargoVersion);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, 'payjp_wasm.d.ts');
  assert.equal(manifest.sideEffects, false);
  assert.ok(manifest.license && manifest.repository && manifest.keywords.includes('payjp'));
});

test('importing the package where there is no window does not throw', async () => {
  assert.equal(typeof globalThis.window, 'undefined');
  const mod = await import(join(PKG, 'payjp_wasm.js'));
  assert.equal(typeof mod.default, 'function', 'init is exported');
  assert.equal(typeof mod.validateCardNumber, 'function');
});
