// The execution view's figures, driven by scripts/bench/stepfunctions-runs.mjs against its emulator:
//  1. first page: the real ExecutionPanel (real AwsSession and SDK over HTTP) with its page script in
//     headless Chromium, from opening the view to the first page of history in the page's DOM
//     (a MutationObserver in the page reports the table's first rows), for a 25,000-event execution;
//     median of RUNS opens, each a fresh page, after one cold open;
//  2. polling: requests the emulator logs about a running execution while its view is open and
//     visible, and while its Executions list is expanded in the tree, over POLL_WINDOW_MS.
// VS Code's own webview plumbing (its iframes, the message port) is not in the figure: the panel and
// the page are ours, the host between them is a stand-in (fakeVscode.cjs). Prints JSON.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { runDriver } from '../explorer/benchContext';

type Resolver = (request: string, ...rest: unknown[]) => string;
const fakeVscodePath = path.join(__dirname, 'fakeVscode.cjs');
const resolver = Module as unknown as { _resolveFilename: Resolver };
const resolve = resolver._resolveFilename;
const load = Module.createRequire(__filename);
resolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fakeVscodePath : resolve.call(this, request, ...rest);
};

const RUNS = 7;
const POLL_WINDOW_MS = Number(process.env.POLL_WINDOW_MS ?? 20_000);
const REGION = 'us-east-1';
const root = path.resolve(__dirname, '..', '..', '..');

interface BenchPage {
  postMessage(message: unknown): Promise<boolean>;
  onMessage(listener: (message: unknown) => void): { dispose(): void };
}

async function main(): Promise<void> {
  const endpoint = process.env.EMULATOR_URL!;
  const [historyArn, runningArn, runningMachineArn] = [process.env.HISTORY_EXECUTION_ARN!, process.env.RUNNING_EXECUTION_ARN!, process.env.RUNNING_STATE_MACHINE_ARN!];
  const bench = (load(fakeVscodePath) as { __bench: { page?: BenchPage } }).__bench;
  const { AwsSession } = await import('../../../src/aws/session');
  const { silentLogger } = await import('../../../src/core/log');
  const { ExecutionPanel } = await import('../../../src/runs/executionPanel');
  const session = new AwsSession({
    logger: silentLogger,
    env: { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: REGION, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
  });
  const vscodeFake = load(fakeVscodePath) as { Uri: { file(p: string): unknown } };
  const deps = {
    aws: session,
    local: () => session,
    logger: silentLogger,
    extensionUri: vscodeFake.Uri.file(root),
    env: { writeClipboard: async () => undefined, openExternal: async () => true },
  } as unknown as import('../../../src/runs/executionPanel').ExecutionPanelDeps;

  // The page script as the extension ships it (production bundle), built here so the bench needs no dist/.
  const script = (await esbuild.build({ entryPoints: [path.join(root, 'src/runs/webview/executionView.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true, write: false })).outputFiles[0].text;
  // The page and its script come from a local HTTP server, as VS Code serves a webview's resources.
  let html = '';
  const server = createServer((req, res) => {
    const isScript = req.url?.endsWith('/executionView.js');
    res.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html' });
    res.end(isScript ? script : html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (load(fakeVscodePath) as { __bench: { origin?: string } }).__bench.origin = origin;
  const { launchChromium } = await import('../../harness/vscodeWeb');
  const browser = await launchChromium();
  try {
    /** Opens the view of `executionArn` in a fresh page; answers ms until the history's first rows are in the DOM. */
    const openOnce = async (executionArn: string): Promise<{ ms: number; rows: number }> => {
      let started = performance.now();
      const page = await browser.newPage();
      if (process.env.BENCH_DEBUG) {
        page.on('console', (m) => console.error(`page: ${m.text()}`));
        page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
        page.on('requestfailed', (r) => console.error(`page request failed: ${r.url()} ${r.failure()?.errorText}`));
      }
      const listeners: ((m: unknown) => void)[] = [];
      let shown!: (at: number) => void;
      const shownAt = new Promise<number>((r) => (shown = r));
      await page.exposeFunction('__toHost', (m: unknown) => {
        if (process.env.BENCH_DEBUG) console.error(`${(performance.now() - started).toFixed(0)} ms: page → ${JSON.stringify(m)}`);
        listeners.forEach((l) => l(m));
      });
      await page.exposeFunction('__historyShown', () => shown(performance.now()));
      // A string, not a function: tsx's helpers (__name) do not exist in the page.
      await page.addInitScript(`
        window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__toHost(m), setState() {}, getState() {} });
        let reported = false;
        new MutationObserver(() => {
          if (!reported && document.querySelectorAll('table.history tr').length > 1) {
            reported = true;
            window.__historyShown();
          }
        }).observe(document, { childList: true, subtree: true });
      `);
      html = '';
      bench.page = {
        postMessage: (m) => (process.env.BENCH_DEBUG && console.error(`${(performance.now() - started).toFixed(0)} ms: → page ${(m as { type: string }).type}`), page.evaluate((data) => window.dispatchEvent(new MessageEvent('message', { data })), m).then(() => true, () => false)),
        onMessage: (l) => {
          listeners.push(l);
          return { dispose() {} };
        },
      };
      started = performance.now();
      const panel = ExecutionPanel.show({ region: REGION, executionArn }, deps);
      html = panel.panel.webview.html;
      await page.goto(`${origin}/view`);
      if (process.env.BENCH_DEBUG) console.error(`${(performance.now() - started).toFixed(0)} ms: page loaded`);
      const ms = (await Promise.race([shownAt, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the history of ${executionArn} did not show within 60 s`)), 60_000))])) - started;
      const rows = await page.evaluate(() => document.querySelectorAll('table.history tr').length - 1);
      (panel.panel as unknown as { dispose(): void }).dispose();
      await page.close();
      return { ms, rows };
    };

    await openOnce(historyArn); // cold: SDK load, first connection, JIT
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await openOnce(historyArn);
      times.push(r.ms);
      rows = r.rows;
    }
    times.sort((a, b) => a - b);

    // Polling: the view of a running execution (no page needed: the panel polls while visible) and
    // the tree's Executions list of its state machine, both open for POLL_WINDOW_MS.
    const posted: { type: string }[] = [];
    let viewListener: ((m: unknown) => void) | undefined;
    bench.page = {
      postMessage: async (m) => (posted.push(m as { type: string }), true),
      onMessage: (l) => ((viewListener = l), { dispose() {} }),
    };
    const view = ExecutionPanel.show({ region: REGION, executionArn: runningArn }, deps);
    viewListener!({ type: 'ready' });
    const deadline = Date.now() + 30_000;
    while (!posted.some((m) => m.type === 'mapRuns')) {
      if (Date.now() > deadline) throw new Error('the view of the running execution did not load');
      await new Promise((r) => setTimeout(r, 20));
    }
    const { ExecutionPoller } = await import('../../../src/explorer/executionPolling');
    const { ResourceNode } = await import('../../../src/explorer/nodes/resourceNode');
    const { ExecutionListNode } = await import('../../../src/explorer/nodes/executionListNode');
    const poller = new ExecutionPoller();
    const ctx = {
      aws: session,
      pageSize: () => 50,
      filters: { effective: () => undefined, text: () => undefined },
      logger: silentLogger,
      refresh: () => undefined,
      withProgress: <T>(task: () => Promise<T>) => task(),
      poller,
    } as unknown as import('../../../src/explorer/nodes/explorerNode').ExplorerContext;
    const machine = new ResourceNode(undefined, { kind: 'stateMachine', region: REGION, name: runningMachineArn.split(':').pop()!, arn: runningMachineArn, id: `stateMachine|${REGION}|${runningMachineArn}`, type: 'STANDARD' }, ctx);
    const executions = new ExecutionListNode(machine, ctx);
    await executions.getChildren();
    await fetch(`${endpoint}/_emulator/requests`, { method: 'DELETE' });
    const windowStart = performance.now();
    await new Promise((r) => setTimeout(r, POLL_WINDOW_MS));
    const seconds = (performance.now() - windowStart) / 1000;
    const log = (await (await fetch(`${endpoint}/_emulator/requests`)).json()) as { operation: string; body: unknown }[];
    poller.dispose();
    (view.panel as unknown as { dispose(): void }).dispose();
    const viewRequests = log.filter((r) => JSON.stringify(r.body ?? '').includes(runningArn));
    const treeRequests = log.filter((r) => r.operation === 'ListExecutions');
    process.stdout.write(
      JSON.stringify({
        firstPageMedianMs: (times[(RUNS - 1) >> 1] + times[RUNS >> 1]) / 2,
        firstPageMinMs: times[0],
        firstPageMaxMs: times[RUNS - 1],
        firstPageRows: rows,
        runs: RUNS,
        pollSeconds: seconds,
        viewRequests: viewRequests.length,
        viewOperations: [...new Set(viewRequests.map((r) => r.operation))],
        treeRequests: treeRequests.length,
        otherRequests: log.length - viewRequests.length - treeRequests.length,
      }),
    );
  } finally {
    await browser.close();
    server.close();
  }
}

runDriver(main);
