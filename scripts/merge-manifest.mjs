// Merges pkg.json (our npm manifest fields) into the package.json wasm-pack wrote in pkg/,
// taking the version from Cargo.toml so there is one source of truth.
import { readFileSync, writeFileSync } from 'node:fs';

const [pkgDir = 'pkg'] = process.argv.slice(2);
const cargo = readFileSync('Cargo.toml', 'utf8');
const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(cargo)?.[1];
if (!version) throw new Error('cannot read [package] version from Cargo.toml');

const generated = JSON.parse(readFileSync(`${pkgDir}/package.json`, 'utf8'));
const ours = JSON.parse(readFileSync('pkg.json', 'utf8'));
const merged = { ...generated, ...ours, version };
writeFileSync(`${pkgDir}/package.json`, JSON.stringify(merged, null, 2) + '\n');
