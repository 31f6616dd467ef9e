// ONE code-server (+ emulator, + Chromium) per e2e run, started by the root hooks in hooks.ts and shared
// by every test file through e2e().
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  createSandbox,
  launchChromium,
  repoRoot,
  sandboxEnvironment,
  startCodeServer,
  startEmulatorIfPresent,
  type RunningCodeServer,
  type RunningEmulatorLike,
  type Sandbox,
} from '../../../scripts/harness/vscodeWeb';

export interface E2eEnvironment {
  sandbox: Sandbox;
  /** undefined until test/emulator/server.ts exists. */
  emulator: RunningEmulatorLike | undefined;
  codeServer: RunningCodeServer;
  browser: Browser;
  /** The workspace folder code-server opens: a temp copy of examples/. */
  workspace: string;
}

export const resultsDir = path.join(repoRoot, '.test-results');
let current: E2eEnvironment | undefined;

export function e2e(): E2eEnvironment {
  if (!current) throw new Error('the e2e environment is not running: run e2e tests with `node scripts/run-e2e.mjs`');
  return current;
}

export async function startE2eEnvironment(): Promise<E2eEnvironment> {
  const sandbox = createSandbox({ name: 'workflows-e2e', workspaceFrom: path.join(repoRoot, 'examples') });
  // One theme for every screenshot the README shows.
  const settingsFile = path.join(sandbox.userDataDir, 'User', 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), 'workbench.colorTheme': 'Default Dark Modern' }, null, 2));
  let emulator: RunningEmulatorLike | undefined;
  let codeServer: RunningCodeServer | undefined;
  try {
    emulator = await startEmulatorIfPresent({ quiet: true, seed: 'demo' });
    mkdirSync(path.join(resultsDir, 'e2e'), { recursive: true });
    codeServer = await startCodeServer({ sandbox, env: sandboxEnvironment(sandbox, emulator), logFile: path.join(resultsDir, 'e2e', 'code-server.log') });
    const browser = await launchChromium();
    current = { sandbox, emulator, codeServer, browser, workspace: sandbox.workspace };
    return current;
  } catch (err) {
    await codeServer?.stop();
    await emulator?.stop().catch(() => undefined);
    sandbox.dispose();
    throw err;
  }
}

export async function stopE2eEnvironment(): Promise<void> {
  const env = current;
  current = undefined;
  if (!env) return;
  await env.browser.close().catch(() => undefined);
  await env.codeServer.stop();
  await env.emulator?.stop().catch(() => undefined);
  env.sandbox.dispose();
}

/** Puts the emulator back to the demo seed, for suites that create resources or count the seeded ones. */
export async function resetEmulator(): Promise<void> {
  const { emulator } = e2e();
  if (!emulator?.controlUrl) throw new Error('this suite needs the emulator (test/emulator/server.ts)');
  const res = await fetch(`${emulator.controlUrl}/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: 'demo' }) });
  if (!res.ok) throw new Error(`the emulator did not reset: ${res.status} ${await res.text()}`);
}
