// `npm test`: every layer, then one line `N passed, N failed` over all of them.
// A layer that cannot run (crash, missing results) counts as failed, never as skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const resultsDir = path.join(root, '.test-results');
const mocha = (pattern) => ['node_modules/.bin/mocha', ['--require', 'tsx/cjs', '--reporter', './test/support/count-reporter.cjs', '--timeout', '20000', pattern]];

/** Each layer: a command and how many tests it counts. Static checks count as one test each. */
const layers = [
  { name: 'typecheck', single: true, cmd: ['node_modules/.bin/tsc', ['--noEmit', '-p', '.']] },
  { name: 'lint', single: true, cmd: ['node_modules/.bin/eslint', ['src', 'test', 'scripts']] },
  { name: 'build', single: true, cmd: ['node', ['scripts/build.mjs']] },
  { name: 'unit', cmd: mocha('test/unit/**/*.test.ts') },
  { name: 'emulator', cmd: mocha('test/emulator/**/*.test.ts'), optionalDir: 'test/emulator' },
  { name: 'integration', cmd: ['node', ['scripts/run-integration.mjs']], requires: 'scripts/run-integration.mjs' },
  { name: 'e2e', cmd: ['node', ['scripts/run-e2e.mjs']], requires: 'scripts/run-e2e.mjs' },
  // Last: the production build replaces dist. Checks the VSIX's contents and its 2 MB ceiling.
  { name: 'package', single: true, cmd: ['npm', ['run', '--silent', 'package']] },
];

const only = process.argv.slice(2);
const selected = only.length ? layers.filter((l) => only.includes(l.name)) : layers;
if (only.length && selected.length !== only.length) {
  console.error(`unknown layer; choose from: ${layers.map((l) => l.name).join(', ')}`);
  process.exit(2);
}

mkdirSync(resultsDir, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
for (const layer of selected) {
  if (layer.requires && !existsSync(path.join(root, layer.requires))) {
    console.log(`\n=== ${layer.name}: ${layer.requires} is missing — counted as failed`);
    failed++;
    summary.push(`${layer.name}: could not run`);
    continue;
  }
  const resultsFile = path.join(resultsDir, `${layer.name}.json`);
  rmSync(resultsFile, { force: true });
  console.log(`\n=== ${layer.name}`);
  const started = Date.now();
  const [cmd, args] = layer.cmd;
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TEST_RESULTS_FILE: resultsFile } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (layer.single) {
    if (r.status === 0) passed++;
    else failed++;
    summary.push(`${layer.name}: ${r.status === 0 ? 'passed' : 'FAILED'} (${seconds}s)`);
    continue;
  }
  if (!existsSync(resultsFile)) {
    failed++;
    summary.push(`${layer.name}: did not report results (exit ${r.status ?? r.signal}) — counted as 1 failed (${seconds}s)`);
    continue;
  }
  const counts = JSON.parse(readFileSync(resultsFile, 'utf8'));
  let layerFailed = counts.failed;
  if (counts.passed + counts.failed === 0) {
    layerFailed = 1; // a layer that ran nothing proves nothing
    summary.push(`${layer.name}: ran no test — counted as 1 failed`);
  } else if (r.status !== 0 && counts.failed === 0) {
    layerFailed = 1;
    summary.push(`${layer.name}: exited ${r.status ?? r.signal} after ${counts.passed} passed — counted as 1 failed`);
  } else {
    summary.push(`${layer.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds}s)`);
  }
  passed += counts.passed;
  failed += layerFailed;
  skipped += counts.skipped;
}

console.log('\n=== summary');
for (const line of summary) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
