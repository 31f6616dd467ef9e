// Bundle sizes (production build, as packaged) and the time to load dist/extension.js and run
// activate() against a minimal fake `vscode` module, median of 10 cold loads in separate processes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const size = (rel) => statSync(path.join(root, rel)).size;
console.log(`dist/extension.js  ${kb(size('dist/extension.js'))}`);
console.log(`dist/cli.js        ${kb(size('dist/cli.js'))}`);
if (existsSync(path.join(root, 'dist', 'sdk'))) {
  for (const f of readdirSync(path.join(root, 'dist', 'sdk')).filter((n) => n.endsWith('.js')).sort()) {
    console.log(`dist/sdk/${f.padEnd(10)} ${kb(size(`dist/sdk/${f}`))}`);
  }
}
if (existsSync(path.join(root, 'workflows-for-aws.vsix'))) console.log(`VSIX               ${kb(size('workflows-for-aws.vsix'))} (last npm run package)`);
else console.log('VSIX               (run npm run package first)');

// The child loads the bundle with `vscode` answered by a fake: every name @types/vscode exports, each a
// no-op class/function/namespace, so the figure is our code's cost (module evaluation + activate).
const apiNames = [...new Set([...readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8')
  .matchAll(/^\s+export (?:class|namespace|enum|function|const|let) (\w+)/gm)].map((m) => m[1]))];
const child = `
const Module = require('module');
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
const start = process.hrtime.bigint();
const ext = require(${JSON.stringify(path.join(root, 'dist', 'extension.js'))});
const context = { subscriptions: [], extensionUri: noop, extensionPath: ${JSON.stringify(root)}, globalState: noop, workspaceState: noop, secrets: noop, environmentVariableCollection: noop, asAbsolutePath: (p) => p, storageUri: undefined, globalStorageUri: noop, logUri: noop, extensionMode: 1 };
Promise.resolve(ext.activate(context)).then(() => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const sdk = Object.keys(require.cache).filter((m) => m.includes('@aws-sdk') || m.includes('/dist/sdk/'));
  process.stdout.write(JSON.stringify({ ms, sdk: sdk.length }));
});`;
const runs = [];
let sdkModules = 0;
for (let i = 0; i < 10; i++) {
  const r = spawnSync(process.execPath, ['-e', child], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`activation run failed: ${r.stderr.split("\n").filter((l) => /^\w*Error\b|^\s+at /.test(l)).slice(0, 6).join("\n").slice(0, 1500)}`);
    process.exit(1);
  }
  const { ms, sdk } = JSON.parse(r.stdout);
  runs.push(ms);
  sdkModules = Math.max(sdkModules, sdk);
}
runs.sort((a, b) => a - b);
const median = (runs[4] + runs[5]) / 2;
console.log(`load + activate()   median ${median.toFixed(1)} ms of 10 cold processes (min ${runs[0].toFixed(1)}, max ${runs[9].toFixed(1)}); AWS SDK modules loaded: ${sdkModules}`);
// Leave a development build behind, as `npm run build` would.
spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
