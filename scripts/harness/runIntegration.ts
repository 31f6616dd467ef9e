// The in-host test layer: bundles test/integration/**/*.test.ts, starts the emulator and code-server with
// the extension and test/host-runner, opens the workbench in Chromium (the remote extension host only
// starts when a client connects), forwards mocha's output and writes the counts to TEST_RESULTS_FILE.
//
//   node scripts/run-integration.mjs [files or folders…] [--grep TEXT]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {
  createSandbox,
  launchChromium,
  repoRoot,
  sandboxEnvironment,
  startCodeServer,
  startEmulatorIfPresent,
  waitFor,
  type RunningCodeServer,
  type RunningEmulatorLike,
} from './vscodeWeb';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  failures: { title: string; message: string }[];
}

const hostRunner = path.join(repoRoot, 'test', 'host-runner');
const overallTimeoutMs = Number(process.env.WORKFLOWS_INTEGRATION_TIMEOUT_MS) || 10 * 60_000;

export function findTests(args: string[]): string[] {
  const roots = args.length ? args.map((a) => path.resolve(a)) : [path.join(repoRoot, 'test', 'integration')];
  const files: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) throw new Error(`no such test file or folder: ${path.relative(process.cwd(), p)}`);
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'node_modules') walk(path.join(p, name));
    } else if (p.endsWith('.test.ts')) files.push(p);
  };
  roots.forEach(walk);
  return files;
}

/**
 * One CommonJS bundle of the given test files (in order), `vscode` and `mocha` left to the host.
 * Written under test/host-runner/out so the host attributes its `require('vscode')` to the runner.
 */
export async function bundleTests(files: string[], outFile: string): Promise<void> {
  const contents = files.map((f) => `import ${JSON.stringify(f)};`).join('\n');
  await esbuild.build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: 'integration-tests.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: outFile,
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  });
}

function parseArgs(argv: string[]): { files: string[]; grep?: string } {
  const files: string[] = [];
  let grep: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep') grep = argv[++i];
    else files.push(argv[i]);
  }
  return { files, grep };
}

function writeResults(counts: Counts): void {
  const file = process.env.TEST_RESULTS_FILE;
  if (!file) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(counts, null, 2));
}

export async function main(argv: string[]): Promise<number> {
  const { files, grep } = parseArgs(argv);
  const tests = findTests(files);
  if (tests.length === 0) {
    console.error('no in-host tests found (test/integration/**/*.test.ts)');
    writeResults({ passed: 0, failed: 1, skipped: 0, failures: [{ title: 'integration', message: 'no tests found' }] });
    return 1;
  }

  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the extension did not build (node scripts/build.mjs)');

  const runDir = path.join(hostRunner, 'out', `run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const bundle = path.join(runDir, 'integration-tests.js');
  const resultsFile = path.join(runDir, 'results.json');
  const outputFile = path.join(runDir, 'output.log');
  writeFileSync(outputFile, '');
  await bundleTests(tests, bundle);

  const logDir = path.join(repoRoot, '.test-results', 'integration');
  mkdirSync(logDir, { recursive: true });
  let emulator: RunningEmulatorLike | undefined;
  let codeServer: RunningCodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const sandbox = createSandbox({ name: 'workflows-integration', extensions: [hostRunner], workspaceFrom: path.join(repoRoot, 'examples') });
  let printed = 0;
  const forwardOutput = () => {
    const text = readFileSync(outputFile, 'utf8');
    if (text.length > printed) {
      process.stdout.write(text.slice(printed));
      printed = text.length;
    }
  };
  try {
    emulator = await startEmulatorIfPresent({ quiet: true });
    if (!emulator) console.log('(test/emulator/server.ts not found: running without the emulator)');
    const env = sandboxEnvironment(sandbox, emulator, {
      WORKFLOWS_TEST_MODULE: bundle,
      WORKFLOWS_TEST_RESULTS: resultsFile,
      WORKFLOWS_TEST_OUTPUT: outputFile,
      ...(grep ? { WORKFLOWS_TEST_GREP: grep } : {}),
    });
    codeServer = await startCodeServer({ sandbox, env, logFile: path.join(logDir, 'code-server.log') });
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(codeServer.workbenchUrl(), { waitUntil: 'domcontentloaded' });
    const server = codeServer;
    const counts = await waitFor<Counts>(
      `the in-host tests to finish (results in ${path.relative(repoRoot, resultsFile)}; code-server log ${path.relative(repoRoot, server.logFile)})`,
      () => {
        forwardOutput();
        return existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Counts) : undefined;
      },
      overallTimeoutMs,
      250,
    );
    forwardOutput();
    writeResults(counts);
    return counts.failed === 0 && counts.passed > 0 ? 0 : 1;
  } catch (err) {
    forwardOutput();
    const message = err instanceof Error ? err.message : String(err);
    console.error(`integration: ${message}`);
    writeResults({ passed: 0, failed: 1, skipped: 0, failures: [{ title: 'integration harness', message: message.slice(0, 2000) }] });
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    await emulator?.stop().catch(() => undefined);
    sandbox.dispose();
    rmSync(runDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
