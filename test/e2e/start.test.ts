// `npm start` as a person runs it: a child process that prints `sandbox ready: URL`, a workbench at that
// URL, and nothing left running after SIGTERM.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { descendants, processAlive, repoRoot, waitFor } from '../../scripts/harness/vscodeWeb';
import { e2e, WORKBENCH_TIMEOUT_MS } from './support';

describe('npm start (the sandbox)', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child?.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  });

  it('prints the workbench URL, serves a workbench there, and stops every child on SIGTERM', async () => {
    // Its own process group, as in a terminal, where Ctrl-C or a supervisor's SIGTERM reaches the whole group.
    child = spawn('npm', ['start', '--silent'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const started = child;
    let stdout = '';
    let stderr = '';
    started.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    started.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));

    const url = await waitFor(
      'the line "sandbox ready: URL"',
      () => {
        if (started.exitCode !== null) throw new Error(`npm start exited ${started.exitCode}: ${stderr}`);
        return /^sandbox ready: (http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(stdout)?.[1];
      },
      WORKBENCH_TIMEOUT_MS,
    );
    assert.equal(stdout.split('\n').filter((l) => l.startsWith('sandbox ready')).length, 1);

    const context = await e2e().browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT_MS });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
      await page.getByRole('tab', { name: /^AWS Workflows/ }).waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
    } finally {
      await context.close();
    }

    const tree = descendants(started.pid!);
    assert.ok(tree.length > 0, 'npm start has no child processes to check');
    process.kill(-started.pid!, 'SIGTERM');
    await exited;
    await waitFor('every process npm start started to exit', () => tree.every((pid) => !processAlive(pid)), 30_000);
  });
});
