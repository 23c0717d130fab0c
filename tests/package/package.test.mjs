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
  assert.deepEqual(files, ['core.js', 'frame.js', 'frame_bg.wasm', 'index.d.ts', 'index.js', 'package.json', 'payjp.js', 'payjp_wasm_bg.wasm', 'react.d.ts', 'react.js', 'tds-return.js', 'tds.js', 'vue.d.ts', 'vue.js', 'web.js']);
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
  // The framework bindings: entries of their own, React and Vue optional peers.
  for (const name of ['react', 'vue']) {
    assert.deepEqual(manifest.exports[`./${name}`], { types: `./${name}.d.ts`, default: `./${name}.js` });
    assert.equal(manifest.peerDependenciesMeta[name].optional, true);
  }
  assert.deepEqual(manifest.peerDependencies, { react: '>=18', vue: '>=3.3' });
  assert.ok(manifest.license && manifest.repository && manifest.keywords.includes('payjp'));
});

test('the framework bindings import only their framework: nothing else of ours, no core', () => {
  for (const [file, framework] of [['react.js', 'react'], ['vue.js', 'vue']]) {
    const code = readFileSync(join(PKG, file), 'utf8');
    const imports = [...code.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(imports)], [framework], `${file} imports`);
  }
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

test("the frames' wasm is the page's core without the standalone validators", async () => {
  // frame.js's glue and wasm (target/pkg-build/glue-frame, as pkg/ ships them).
  const frame = await import(join(ROOT, 'target', 'pkg-build', 'glue-frame', 'frame.js'));
  frame.initSync({ module: readFileSync(join(PKG, 'frame_bg.wasm')) });
  const validators = ['validateCardNumber', 'validateExpiry', 'validateCvc', 'validateHolderName', 'validateEmail', 'validatePhone', 'formatCardNumber', 'detectBrand'];
  for (const name of validators) assert.equal(frame[name], undefined, name);
  // What the frames call is there, and answers as the page's core does.
  const core = await import(join(ROOT, 'target', 'pkg-build', 'glue', 'payjp_wasm.js'));
  core.initSync({ module: readFileSync(join(PKG, 'payjp_wasm_bg.wasm')) });
  for (const name of validators) assert.equal(typeof core[name], 'function', name);
  const edit = (g) => g._edit(g.FieldKind.Number, '', '４２４２４２４２', 8, g.EditKind.Insert, 'unknown', false, false, 'en');
  assert.deepEqual(edit(frame), edit(core));
  assert.equal(frame._suggestEmail('taro@docomo.ne.jo'), 'taro@docomo.ne.jp');
  assert.equal(typeof frame.Payjp, 'function');
  // frame.js loads frame_bg.wasm; the page's core.js, payjp_wasm_bg.wasm.
  assert.match(readFileSync(join(PKG, 'frame.js'), 'utf8'), /frame_bg\.wasm/);
  assert.doesNotMatch(readFileSync(join(PKG, 'frame.js'), 'utf8'), /payjp_wasm_bg\.wasm|validateCardNumber/);
  assert.match(readFileSync(join(PKG, 'core.js'), 'utf8'), /payjp_wasm_bg\.wasm/);
});

test('no export hangs or breaks the module, whatever JS values it is given', async () => {
  // The wasm glue as built (target/pkg-build/glue, the same module pkg/ ships), instantiated in
  // Node. Every export, public and internal, gets values of every JS type, many times over: once,
  // three bad strings in a row left the allocator corrupted and the next call spun forever; an
  // invalid enum value thrown from inside the module broke it after a few thousand calls.
  const glue = await import(join(ROOT, 'target', 'pkg-build', 'glue', 'payjp_wasm.js'));
  glue.initSync({ module: readFileSync(join(PKG, 'payjp_wasm_bg.wasm')) });
  const weird = [undefined, null, 42, -1, 1.5, NaN, {}, [], Symbol('s'), 10n, () => 1, '４２４２', '0'];
  const calls = [
    (a, b) => glue._edit(a, b, a, b, a, b, a, b, a),
    (a, b) => glue._edit(0, a, b, 0, 0, 'unknown', false, false, 'en'),
    (a, b) => glue._error(a, b),
    (a, b) => glue.validateCardNumber(a, b),
    (a, b) => glue.validateExpiry(a, b, a),
    (a, b) => glue.validateCvc(a, b, a),
    (a, b) => glue.validateHolderName(a, b),
    (a, b) => glue.validateEmail(a, b),
    (a, b) => glue.validatePhone(a, b),
    (a, b) => glue.formatCardNumber(a, b),
    (a) => glue.detectBrand(a),
    (a) => glue._suggestEmail(a),
    (a, b) => glue.Payjp(a, b),
  ];
  let threw = 0;
  for (let round = 0; round < 40; round += 1) {
    for (const call of calls) {
      for (const a of weird) {
        for (const b of weird) {
          try {
            call(a, b);
          } catch (e) {
            assert.ok(e instanceof Error, `threw ${String(e)}`);
            threw += 1;
          }
        }
      }
    }
  }
  assert.ok(threw > 0);
  // Still whole: the same answers as before any of it.
  assert.equal(glue.validateCardNumber('4242 4242 4242 4242').isValid, true);
  assert.equal(glue._suggestEmail('taro@gmial.com'), 'taro@gmail.com');
  assert.deepEqual(glue._edit(glue.FieldKind.Number, '', '42424242', 8, glue.EditKind.Insert, 'unknown', false, false, 'en').value, '4242 4242');
  const instance = glue.Payjp('pk_test_0123456789abcdef01234567', { apiBase: 'http://127.0.0.1:1/v1' });
  for (const a of weird) {
    for (const b of weird) {
      try {
        instance._createToken(a, b, a, b, a, true);
      } catch {}
      try {
        instance._finishThreeDSecure(a);
      } catch {}
      try {
        instance._error(a);
      } catch {}
    }
  }
  assert.equal(instance._error('frame_tampered').error.code, 'frame_tampered');
});
