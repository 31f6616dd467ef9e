// Browser tests: mocha in Node drives Debian's Chromium (playwright-core) against ONE code-server
// started by the root hooks in test/e2e/support/hooks.ts.
//   node scripts/run-e2e.mjs [files…] [--grep TEXT]        (default: test/e2e/**/*.test.ts)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer } from './install-code-server.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function fail(message) {
  console.error(`e2e: ${message}`);
  const file = process.env.TEST_RESULTS_FILE;
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ passed: 0, failed: 1, skipped: 0, failures: [{ title: 'e2e harness', message }] }, null, 2));
  }
  process.exit(1);
}

// Fail here, clearly, rather than inside a root hook with a mocha timeout.
try {
  ensureCodeServer();
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail('the extension did not build (node scripts/build.mjs)');

const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--grep');
const options = args.filter((a) => !files.includes(a));
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const r = spawnSync(
  process.execPath,
  [
    mocha,
    '--require', 'tsx/cjs',
    '--require', 'test/e2e/support/hooks.ts',
    '--reporter', './test/support/count-reporter.cjs',
    '--timeout', '180000',
    '--slow', '30000',
    ...options,
    ...(files.length ? files : ['test/e2e/**/*.test.ts']),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exitCode = r.status ?? 1;
