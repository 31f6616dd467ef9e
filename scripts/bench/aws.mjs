// AWS layer figures:
//  1. how many AWS SDK modules activation loads (dist/extension.js + activate() with a stand-in
//     vscode module; must be 0), and, with the same count, how many a first call loads;
//  2. time to the first ListStateMachines through the layer — module load + credentials + one
//     request to a local endpoint — median of 10 fresh Node processes; the same for our MWAA
//     Serverless client.
// Usage: node scripts/bench/aws.mjs   (builds first if dist/ is missing)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const RUNS = 10;

if (!existsSync(path.join(root, 'dist/extension.js')) || !existsSync(path.join(root, 'dist/sdk/sfn.js'))) {
  const r = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), 'aws-bench-'));
const home = path.join(work, 'home');

// ---- 1. modules loaded by activation ----
const activationProbe = `
const Module = require('module');
const path = require('path');
// A stand-in for the vscode API: every property is a callable, chainable stub.
function stub(name) {
  const fn = function () { return stub(name + '()'); };
  const props = new Map();
  return new Proxy(fn, {
    get(target, prop) {
      if (props.has(prop)) return props.get(prop);
      if (prop === 'then') return undefined;
      if (prop === 'prototype') return target.prototype;
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'dispose') return () => undefined;
      if (typeof prop === 'symbol') return undefined;
      const value = stub(name + '.' + prop);
      props.set(prop, value);
      return value;
    },
    set(_target, prop, value) { props.set(prop, value); return true; },
    has(_target, prop) { return props.has(prop); },
    ownKeys(target) { return [...new Set([...Reflect.ownKeys(target), ...props.keys()])]; },
    getOwnPropertyDescriptor(target, prop) {
      if (props.has(prop)) return { value: props.get(prop), writable: true, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    construct() { return stub('new ' + name); },
  });
}
const vscode = stub('vscode');
// The bundle copies the module's own properties (esbuild's __toESM): create every name it uses.
for (const name of ${JSON.stringify('__NAMES__')}) void vscode[name];
vscode.workspace.getConfiguration = () => ({ get: (k, d) => d, inspect: () => undefined, has: () => false, update: async () => undefined });
vscode.workspace.workspaceFolders = [];
vscode.workspace.textDocuments = [];
vscode.window.visibleTextEditors = [];
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const isSdk = (p) => p.includes('@aws-sdk') || p.includes(path.sep + 'dist' + path.sep + 'sdk' + path.sep) || p.includes('@smithy') || p.includes('@aws-crypto');
(async () => {
  const ext = require(${JSON.stringify(path.join(root, 'dist/extension.js'))});
  const context = { subscriptions: [], extensionPath: ${JSON.stringify(root)}, extensionUri: vscode.Uri.file(${JSON.stringify(root)}),
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] }, workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    asAbsolutePath: (p) => path.join(${JSON.stringify(root)}, p), storageUri: undefined, globalStorageUri: vscode.Uri.file(${JSON.stringify(work)}), logUri: vscode.Uri.file(${JSON.stringify(work)}) };
  await ext.activate(context);
  // Let activation's asynchronous work (status bar region from the AWS config file) settle.
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  const loaded = Object.keys(require.cache).filter(isSdk);
  process.stdout.write(JSON.stringify({ sdkModules: loaded.length, examples: loaded.slice(0, 3), total: Object.keys(require.cache).length }));
})().catch((e) => { process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) })); });
`;
// Every name the VS Code API exports (its type declarations), not only those extension.js spells:
// activation reaches chunks too, and a minified build renames the module it reads them from.
const api = readFileSync(path.join(root, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
const vscodeNames = [...new Set([...api.matchAll(/^\t(?:export )?(?:class|namespace|enum|function|const|let|var) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]))];
writeFileSync(path.join(work, 'activation-probe.cjs'), activationProbe.replace('"__NAMES__"', JSON.stringify(vscodeNames)));

function runNode(file, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { env: { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`${path.basename(file)} exited ${code}: ${out}${err}`));
      }
    });
  });
}

// ---- 2. first call through the layer ----
// The layer as the extension ships it: bundled, with ./sdk/* next to it (a link to dist/sdk).
await esbuild.build({
  stdin: {
    contents: "export { AwsSession } from './src/aws/session';\nexport { silentLogger } from './src/core/log';\n",
    resolveDir: root,
    sourcefile: 'aws-layer.ts',
    loader: 'ts',
  },
  outfile: path.join(work, 'aws-layer.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode', './sdk/*'],
  logLevel: 'error',
});
symlinkSync(path.join(root, 'dist/sdk'), path.join(work, 'sdk'));

const firstCall = (operation) => `
const t0 = performance.now();
const { AwsSession, silentLogger } = require(${JSON.stringify(path.join(work, 'aws-layer.js'))});
(async () => {
  const session = new AwsSession({ logger: silentLogger });
  const tLoaded = performance.now();
  let tClient;
  if (${JSON.stringify(operation)} === 'ListStateMachines') {
    const { client, sdk } = await session.sfn();
    tClient = performance.now();
    await client.send(new sdk.ListStateMachinesCommand({}));
  } else {
    const { client } = await session.mwaaServerless();
    tClient = performance.now();
    await client.listWorkflows({});
  }
  const t1 = performance.now();
  const sdkModules = Object.keys(require.cache).filter((p) => p.includes('@aws-sdk') || p.includes('/sdk/') || p.includes('@smithy') || p.includes('@aws-crypto')).length;
  process.stdout.write(JSON.stringify({ totalMs: t1 - t0, layerLoadMs: tLoaded - t0, clientMs: tClient - tLoaded, callMs: t1 - tClient, sdkModules }));
  session.dispose();
})().catch((e) => { process.stdout.write(JSON.stringify({ error: String(e && e.message || e) })); });
`;
writeFileSync(path.join(work, 'first-sfn.cjs'), firstCall('ListStateMachines'));
writeFileSync(path.join(work, 'first-mwaas.cjs'), firstCall('ListWorkflows'));

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(String(req.headers['x-amz-target']).startsWith('AWSStepFunctions') ? '{"stateMachines":[]}' : '{"Workflows":[]}');
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const endpoint = `http://127.0.0.1:${server.address().port}`;
const env = {
  PATH: process.env.PATH,
  HOME: home,
  AWS_ENDPOINT_URL: endpoint,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  const activation = await runNode(path.join(work, 'activation-probe.cjs'), env);
  if (activation.error) throw new Error(`activation probe failed: ${activation.error}`);
  console.log(`aws: activation loads ${activation.sdkModules} AWS SDK modules (of ${activation.total} modules in require.cache)`);
  if (activation.sdkModules) console.log(`aws:   e.g. ${activation.examples.join(', ')}`);

  for (const [label, file] of [['ListStateMachines (Step Functions SDK)', 'first-sfn.cjs'], ['ListWorkflows (MWAA Serverless, ours)', 'first-mwaas.cjs']]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await runNode(path.join(work, file), env);
      if (r.error) throw new Error(`${label}: ${r.error}`);
      runs.push(r);
    }
    const f = (k) => median(runs.map((r) => r[k])).toFixed(1);
    console.log(`aws: first ${label}: median ${f('totalMs')} ms of ${RUNS} fresh processes (layer load ${f('layerLoadMs')} ms, SDK/client load ${f('clientMs')} ms, credentials + request ${f('callMs')} ms; ${runs[0].sdkModules} SDK bundle files loaded by then)`);
  }
  if (activation.sdkModules !== 0) process.exitCode = 1;
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
