// Real VS Code for tests and the sandbox: code-server 4.100.3 on loopback, our extension symlinked into
// a throwaway extensions folder, the project's emulator behind the AWS SDK, Debian's Chromium in front.
// Used by scripts/harness/runIntegration.ts, test/e2e/support and scripts/start.mjs.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureCodeServer } from '../install-code-server.mjs';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Flags verified on these machines (../shared/harness/vscode-web.md). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ExtensionFolder {
  /** Folder with a package.json at its root. */
  folder: string;
}

export interface Sandbox {
  root: string;
  home: string;
  extensionsDir: string;
  userDataDir: string;
  workspace: string;
  awsConfigFile: string;
  awsCredentialsFile: string;
  /** Removes every file the sandbox made. */
  dispose(): void;
}

/** The id code-server gives an extension folder: `<publisher>.<name>-<version>`. */
export function extensionFolderName(folder: string): string {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

/**
 * A temp folder holding a HOME, AWS config files, the extensions folder (our extension and any extra
 * test extensions, symlinked), a user-data folder and a workspace (a copy of `workspaceFrom`).
 */
export function createSandbox(options: { name: string; extensions?: string[]; workspaceFrom?: string; keepWorkspace?: string }): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), `${options.name}-`));
  const home = path.join(root, 'home');
  const extensionsDir = path.join(root, 'extensions');
  const userDataDir = path.join(root, 'user-data');
  const awsDir = path.join(home, '.aws');
  for (const dir of [home, extensionsDir, path.join(userDataDir, 'User'), awsDir]) mkdirSync(dir, { recursive: true });

  for (const folder of [repoRoot, ...(options.extensions ?? [])]) {
    symlinkSync(folder, path.join(extensionsDir, extensionFolderName(folder)), 'dir');
  }

  const awsConfigFile = path.join(awsDir, 'config');
  const awsCredentialsFile = path.join(awsDir, 'credentials');
  writeFileSync(awsConfigFile, '[default]\nregion = us-east-1\n');
  writeFileSync(awsCredentialsFile, '[default]\naws_access_key_id = test\naws_secret_access_key = test\n');

  // Quiet, deterministic workbench: no welcome page, tips, trust prompt or update checks.
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'window.restoreWindows': 'none',
  };
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  let workspace: string;
  if (options.keepWorkspace) {
    workspace = options.keepWorkspace;
  } else {
    workspace = path.join(root, 'workspace');
    if (options.workspaceFrom && existsSync(options.workspaceFrom)) cpSync(options.workspaceFrom, workspace, { recursive: true });
    else mkdirSync(workspace, { recursive: true });
  }

  return {
    root,
    home,
    extensionsDir,
    userDataDir,
    workspace,
    awsConfigFile,
    awsCredentialsFile,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface RunningEmulatorLike {
  endpoint: string;
  port: number;
  airflowPort?: number;
  controlUrl?: string;
  stop(): Promise<void>;
}

const emulatorModule = path.join(repoRoot, 'test', 'emulator', 'server.ts');

export function emulatorAvailable(): boolean {
  return existsSync(emulatorModule);
}

/**
 * Starts the project's emulator (contract 1) in this process when test/emulator/server.ts exists;
 * undefined otherwise, so the harness works before the emulator lands.
 */
export async function startEmulatorIfPresent(options: { port?: number; seed?: string; statePath?: string; quiet?: boolean } = {}): Promise<RunningEmulatorLike | undefined> {
  if (!emulatorAvailable()) return undefined;
  // A computed path keeps bundlers and the type checker from needing the file before it exists.
  // require, not import(): under tsx's CommonJS hook (mocha --require tsx/cjs) only require knows .ts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(emulatorModule) as { startEmulator?: (o: typeof options) => Promise<RunningEmulatorLike> };
  if (typeof mod.startEmulator !== 'function') throw new Error(`${path.relative(repoRoot, emulatorModule)} does not export startEmulator (contract 1)`);
  return mod.startEmulator({ port: options.port ?? 0, quiet: options.quiet ?? true, seed: options.seed, statePath: options.statePath });
}

/**
 * Environment for code-server (and so for the extension host): the AWS SDK points at the emulator with
 * throwaway credentials, and HOME and the AWS config files are the sandbox's, never the user's.
 */
export function sandboxEnvironment(sandbox: Sandbox, emulator: RunningEmulatorLike | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    // Credentials or profiles of the person running the tests must never reach the sandbox.
    if (key.startsWith('AWS_')) delete env[key];
  }
  Object.assign(env, {
    HOME: sandbox.home,
    XDG_CONFIG_HOME: path.join(sandbox.home, '.config'),
    XDG_DATA_HOME: path.join(sandbox.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(sandbox.home, '.cache'),
    AWS_CONFIG_FILE: sandbox.awsConfigFile,
    AWS_SHARED_CREDENTIALS_FILE: sandbox.awsCredentialsFile,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    WORKFLOWS_TEST_WORKSPACE: sandbox.workspace,
    ...extra,
  });
  if (emulator) {
    env.AWS_ENDPOINT_URL = emulator.endpoint;
    env.EMULATOR_URL = emulator.endpoint;
    // Run Locally sends only to the emulator named in user settings (machine scope).
    const settingsFile = path.join(sandbox.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'awsWorkflows.emulatorEndpoint': emulator.endpoint }, null, 2));
  }
  // code-server would otherwise inherit the outer VS Code's IPC hooks when run from a VS Code terminal.
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_')) delete env[key];
  return env;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value other than undefined/false; fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${lastError instanceof Error ? ` (last error: ${lastError.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface RunningCodeServer {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  /** The workbench URL for a folder (default: the sandbox workspace). */
  workbenchUrl(folder?: string): string;
  /** Stops code-server and every process it started (they share its process group). */
  stop(): Promise<void>;
}

const liveGroups = new Set<number>();
process.once('exit', () => {
  // Last resort when the caller crashed before stop(): never leave a code-server behind.
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts code-server in its own process group and resolves once it answers /healthz. */
export async function startCodeServer(options: { sandbox: Sandbox; env: NodeJS.ProcessEnv; port?: number; logFile?: string; timeoutMs?: number }): Promise<RunningCodeServer> {
  const { entry } = ensureCodeServer();
  const { sandbox } = options;
  const port = options.port || (await freePort());
  const logFile = options.logFile ?? path.join(sandbox.root, 'code-server.log');
  mkdirSync(path.dirname(logFile), { recursive: true });
  const logFd = openSync(logFile, 'a');
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--extensions-dir', sandbox.extensionsDir,
    '--user-data-dir', sandbox.userDataDir,
    sandbox.workspace,
  ];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: sandbox.root, env: options.env, detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const pid = child.pid!;
  liveGroups.add(pid);
  let exited: string | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = `exit ${code ?? signal}`;
      liveGroups.delete(pid);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const killTimer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, 5000);
    await exitPromise;
    clearTimeout(killTimer);
    // The extension host may outlive the server briefly; the group kill reaches it too.
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  };

  try {
    await waitFor(
      `code-server on ${url} (log: ${logFile})`,
      async () => {
        if (exited) throw new Error(`code-server stopped (${exited}):\n${tail(logFile)}`);
        const res = await fetch(`${url}/healthz`).catch(() => undefined);
        return res?.ok ? true : undefined;
      },
      options.timeoutMs ?? 60_000,
    );
  } catch (err) {
    await stop();
    if (exited && err instanceof Error && !err.message.includes('stopped')) err.message += `\n${tail(logFile)}`;
    throw err;
  }
  return {
    url,
    port,
    pid,
    logFile,
    workbenchUrl: (folder = sandbox.workspace) => `${url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`,
    stop,
  };
}

/** Lists every process in the tree under `pid` (Linux /proc), for checks that nothing is left running. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // exited while we looked
    }
  }
  const out: number[] = [];
  const stack = [...(children.get(pid) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

export function processAlive(pid: number): boolean {
  try {
    // A zombie still answers kill(0); its /proc state says it is gone.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Debian's Chromium through playwright-core, headless, with the flags that work on these machines. */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run as root  apt-get update && apt-get install -y chromium`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
