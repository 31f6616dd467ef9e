// Loads a built dist/extension.js in a fresh Node process and runs activate() against a fake `vscode`
// module: every name @types/vscode exports, each a no-op class/function/namespace, so the figures are
// our code's cost. Reports the time of load + activate(), the bytes of our JavaScript that activation
// loaded (dist files in require.cache) and how many AWS SDK modules it loaded.
// Used by scripts/bench/bundle.mjs and test/unit/activation-budget.test.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** The budget the issue sets: bytes of JavaScript loaded by activate() (production build). */
export const ACTIVATION_BUDGET_BYTES = 150 * 1024;

function childSource(distDir) {
  const apiNames = [...new Set([...readFileSync(path.join(repoRoot, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8')
    .matchAll(/^\s+export (?:class|namespace|enum|function|const|let) (\w+)/gm)].map((m) => m[1]))];
  return `
const Module = require('module');
const fs = require('fs');
const noop = new Proxy(class {}, {
  get: (t, p) => (p === 'then' ? undefined : p === 'prototype' ? t.prototype : p === Symbol.toPrimitive ? () => '' : noop),
  apply: () => noop,
  set: () => true,
  // Instances keep their own members (subclasses of API classes) and answer anything else with noop.
  construct: (t, args, newTarget) => new Proxy(Reflect.construct(t, args, newTarget), { get: (o, p) => (p in o || p === 'then' || typeof p === 'symbol' ? o[p] : noop) }),
  defineProperty: () => true,
});
const fake = Object.fromEntries(${JSON.stringify(apiNames)}.map((n) => [n, noop]));
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? fake : load.call(this, request, ...rest); };
const dist = ${JSON.stringify(path.resolve(distDir))} + require('path').sep;
const start = process.hrtime.bigint();
const ext = require(dist + 'extension.js');
const context = { subscriptions: [], extensionUri: noop, extensionPath: ${JSON.stringify(repoRoot)}, globalState: noop, workspaceState: noop, secrets: noop, environmentVariableCollection: noop, asAbsolutePath: (p) => p, storageUri: undefined, globalStorageUri: noop, logUri: noop, extensionMode: 1 };
Promise.resolve(ext.activate(context)).then(() => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const loaded = Object.keys(require.cache);
  const files = loaded.filter((m) => m.startsWith(dist)).map((m) => ({ file: m.slice(dist.length), bytes: fs.statSync(m).size }));
  const sdk = loaded.filter((m) => m.includes('@aws-sdk') || m.includes('@smithy') || m.startsWith(dist + 'sdk'));
  process.stdout.write(JSON.stringify({ ms, files, bytes: files.reduce((n, f) => n + f.bytes, 0), sdk: sdk.length }));
});`;
}

/** One cold process: `{ ms, bytes, files, sdk }`. */
export function measureActivation(distDir) {
  const r = spawnSync(process.execPath, ['-e', childSource(distDir)], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`activation failed: ${r.stderr.split('\n').filter((l) => /^\w*Error\b|^\s+at /.test(l)).slice(0, 6).join('\n').slice(0, 1500)}`);
  }
  return JSON.parse(r.stdout);
}
