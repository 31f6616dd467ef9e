// `npm start`: the sandbox. Builds the extension, starts the emulator with its demo seed, and code-server
// with the extension on examples/, the AWS SDK pointed at the emulator with throwaway credentials.
// Prints one line `sandbox ready: URL` when the workbench can be opened; Ctrl-C or SIGTERM stops it all.
//   npm start -- [--port N] [--emulator-port N] [--no-browser-host]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { syncExampleMocks } from './exampleMocks';
import { createSandbox, repoRoot, sandboxEnvironment, startCodeServer, startEmulatorIfPresent, type RunningCodeServer, type RunningEmulatorLike, type Sandbox } from './vscodeWeb';

/** The port desktop users' launch configuration "Run Extension (sandbox emulator)" expects. */
export const DEFAULT_EMULATOR_PORT_WITHOUT_BROWSER = 4566;

interface Options {
  port?: number;
  emulatorPort?: number;
  browserHost: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { browserHost: true };
  const number = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag} needs a port number, got ${value ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = number(arg, argv[++i]);
    else if (arg === '--emulator-port') options.emulatorPort = number(arg, argv[++i]);
    else if (arg === '--no-browser-host') options.browserHost = false;
    else throw new Error(`unknown option ${arg}; use --port N, --emulator-port N, --no-browser-host`);
  }
  return options;
}

function ensureExamples(): string {
  const dir = path.join(repoRoot, 'examples');
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length === 0) {
    writeFileSync(path.join(dir, 'README.md'), '# Examples\n\nThe sandbox workspace (`npm start`). Sample definitions of each kind go here.\n');
  }
  return dir;
}

export async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('the extension did not build (node scripts/build.mjs)');
  const examples = ensureExamples();

  let emulator: RunningEmulatorLike | undefined;
  let mocks: { stop(): void } | undefined;
  let codeServer: RunningCodeServer | undefined;
  let sandbox: Sandbox | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await codeServer?.stop();
      mocks?.stop();
      await emulator?.stop().catch(() => undefined);
      sandbox?.dispose();
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }

  try {
    emulator = await startEmulatorIfPresent({
      port: options.emulatorPort ?? (options.browserHost ? 0 : DEFAULT_EMULATOR_PORT_WITHOUT_BROWSER),
      seed: 'demo',
      quiet: true,
    });
    if (!emulator) console.error('note: test/emulator/server.ts is missing, so the sandbox has no AWS backend');
    // The examples deploy to us-east-1 (aws-workflows.yaml's defaults.region).
    if (emulator) mocks = await syncExampleMocks(path.join(examples, 'statemachines'), emulator.controlUrl ?? `${emulator.endpoint}/_emulator`, 'us-east-1', (line) => console.log(line));
    if (!options.browserHost) {
      console.log(`sandbox ready: emulator at ${emulator?.endpoint ?? '(none)'}; in desktop VS Code press F5 with "Run Extension (sandbox emulator)"`);
      return;
    }
    sandbox = createSandbox({ name: 'workflows-sandbox', keepWorkspace: examples });
    mkdirSync(path.join(repoRoot, '.test-results'), { recursive: true });
    codeServer = await startCodeServer({
      sandbox,
      env: sandboxEnvironment(sandbox, emulator),
      port: options.port,
      logFile: path.join(repoRoot, '.test-results', 'sandbox-code-server.log'),
      timeoutMs: 120_000,
    });
    console.log(`sandbox ready: ${codeServer.workbenchUrl(examples)}`);
  } catch (err) {
    await stop();
    throw err;
  }
}

if (require.main === module || process.env.WORKFLOWS_START_MAIN === '1') {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`npm start: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
