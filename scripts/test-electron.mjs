// `npm run test:electron`: the in-host tests (test/integration) in a desktop VS Code downloaded by
// @vscode/test-electron 2.5.x. Needs a desktop (or xvfb) with internet; it cannot run on the project's
// offline build machines, where `npm test` runs the same bundle in code-server instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, cpSync, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const work = mkdtempSync(path.join(os.tmpdir(), 'workflows-electron-'));
const bundle = path.join(root, 'test', 'host-runner', 'out', 'electron', 'integration-tests.js');
mkdirSync(path.dirname(bundle), { recursive: true });

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const bundled = spawnSync(process.execPath, [tsx, '-e', `require('./scripts/harness/runIntegration.ts').bundleTests(require('./scripts/harness/runIntegration.ts').findTests([]), ${JSON.stringify(bundle)})`], { cwd: root, stdio: 'inherit' });
if (bundled.status !== 0) process.exit(1);

const workspace = path.join(work, 'workspace');
if (existsSync(path.join(root, 'examples'))) cpSync(path.join(root, 'examples'), workspace, { recursive: true });
else mkdirSync(workspace);
const resultsFile = path.join(work, 'results.json');
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test', 'host-runner', 'electron.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { WORKFLOWS_TEST_MODULE: bundle, WORKFLOWS_TEST_RESULTS: resultsFile, WORKFLOWS_TEST_WORKSPACE: workspace },
  });
} catch (err) {
  console.error(`test:electron: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
}
if (existsSync(resultsFile)) {
  const counts = JSON.parse(readFileSync(resultsFile, 'utf8'));
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
}
