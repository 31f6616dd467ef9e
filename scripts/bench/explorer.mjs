// Explorer figures against the emulator's `large` seed (10,000 state machines in us-east-1):
//  1. time from expanding "State machines" to the first page's items (GroupNode.getChildren through
//     the real AwsSession and SDK over HTTP, tree items built), median of 10 expansions after one cold one;
//  2. heap (process.memoryUsage().heapUsed after GC) added by loading all 10,000 through "Load more…".
// The node classes run in Node with a stand-in vscode module (scripts/bench/explorer/fakeVscode.cjs),
// so the heap figure is the explorer's own share, not a whole extension host's.
// Usage: node scripts/bench/explorer.mjs
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

function startEmulator() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, 'test/emulator/main.ts', '--port', '0', '--seed', 'large'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ready (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before it was ready`)));
  });
}

function run(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench/explorer/driver.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the explorer bench driver failed (${code})`))));
  });
}

const emulator = await startEmulator();
try {
  const r = await run({ EMULATOR_URL: emulator.url, PAGE_SIZE: '50' });
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  console.log('explorer (emulator, large seed: 10,000 state machines)');
  console.log(`  expand "State machines" → first ${r.firstPageItems} items: median ${r.firstPageMedianMs.toFixed(1)} ms of 10 (min ${r.firstPageMinMs.toFixed(1)}, max ${r.firstPageMaxMs.toFixed(1)}; cold first expand incl. SDK load ${r.firstPageColdMs.toFixed(1)} ms) — goal < 300 ms`);
  console.log(`  load all through "Load more…": ${r.loadedItems} items in ${r.pages} pages of ${r.pageSize}, ${(r.loadAllMs / 1000).toFixed(1)} s; heap +${mb(r.heapDeltaBytes)} MB (${r.treeItems} tree items alive; heapUsed ${mb(r.heapUsedBytes)} MB)`);
} finally {
  emulator.stop();
}
