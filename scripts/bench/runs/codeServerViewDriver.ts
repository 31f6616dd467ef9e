// The execution view's first page as the user sees it: the extension (dist/, as e2e builds it) in real
// code-server, the workbench in Debian's Chromium (the e2e harness, scripts/harness/vscodeWeb.ts), the
// SDK over HTTP to the bench's emulator. The user clicks an execution in the Resources tree (which runs
// awsWorkflows.openExecution with {region, executionArn}); the figure runs from that mousedown, stamped
// in the workbench page, to the first history row of that execution in the view's document, stamped by a
// poller (every 2 ms) that an init script puts in VS Code's webview host frame (the view's document is
// its same-origin child). So it includes: command dispatch to the remote extension host, the lazy module
// load (first open only), the DescribeExecution + GetExecutionHistory requests, the messages back and the
// first render; and for a new view, webview creation (the host frame, its service worker, the page and
// its script). Three figures:
//  - first open: the session's first view (it loads the view's module, and it is the only new view whose
//    document does not wait for a new webview service worker: VS Code web registers one per webview id,
//    microsoft/vscode#245756, about 1 s here);
//  - later opens while an (unlocked) view is open: the view is reused, told to show the other execution
//    (the user moving between two executions of the same state machine);
//  - later opens into a new view (every editor closed before each): the upstream cost above.
// Env: EMULATOR_URL, HISTORY_EXECUTION_ARNS (two, comma-separated), HISTORY_STATE_MACHINE (their state
// machine's name). Prints JSON.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { createSandbox, launchChromium, repoRoot, sandboxEnvironment, startCodeServer } from '../../harness/vscodeWeb';
import { expandResource, openView, resourceRow, runCommand } from '../../../test/e2e/support/workbench';

const RUNS = Number(process.env.VIEW_RUNS ?? 7);
const REGION = 'us-east-1';
const HOST_FRAME = '/webview/browser/pre/index.html';

/** Stamps, in ms since the epoch (high resolution), kept by the webview host frame. */
interface HostStamps {
  /** The host frame's navigation started (the webview element was created); for a reused view, when it was re-armed. */
  start: number;
  reused?: boolean;
  /** The view's iframe is made (the host frame has its service worker). */
  inner?: number;
  /** The view's document (fake.html) navigation got a started service worker to fetch through. */
  innerWorkerStart?: number;
  /** The view's document has our page (main#app) written into it. */
  page?: number;
  /** Our page script (executionView.js) has arrived. */
  script?: number;
  firstRow?: number;
  rows?: number;
}

// A string, not a function: tsx's helpers (__name) do not exist in the page. Runs in every frame; acts
// only in webview host frames, which make the view's document (fake.html, then document.write). A new
// frame watches for any first row; a reused one is re-armed (__viewBenchWatch) for one execution's.
const HOST_FRAME_SCRIPT = `
  if (location.pathname.endsWith(${JSON.stringify(HOST_FRAME)})) {
    const now = () => performance.timeOrigin + performance.now();
    let watching = 0;
    const watch = (name, b) => {
      const run = ++watching;
      window.__viewBench = b;
      const tick = () => {
        if (run !== watching) return;
        const frame = document.querySelector('iframe');
        if (frame && !b.inner) b.inner = now();
        let d;
        try { d = frame && frame.contentDocument; } catch { d = undefined; }
        if (d) {
          if (!b.page && d.querySelector('main#app')) b.page = now();
          const h1 = d.querySelector('#app header h1');
          const rows = d.querySelectorAll('table.history tr').length - 1;
          if (rows > 0 && (!name || (h1 && h1.textContent.includes(name)))) {
            b.firstRow = now();
            b.rows = rows;
            const p = frame.contentWindow.performance;
            const nav = p.getEntriesByType('navigation')[0];
            if (nav && nav.workerStart) b.innerWorkerStart = p.timeOrigin + nav.workerStart;
            const script = p.getEntriesByType('resource').find((r) => r.name.endsWith('/executionView.js'));
            if (script) b.script = p.timeOrigin + script.responseEnd;
            return;
          }
        }
        setTimeout(tick, 2);
      };
      tick();
    };
    window.__viewBenchWatch = (name) => watch(name, { start: now(), reused: true });
    watch(undefined, { start: performance.timeOrigin });
  }
`;

async function hostFrames(page: Page): Promise<Frame[]> {
  return page.frames().filter((f) => f.url().includes(HOST_FRAME));
}

async function main(): Promise<void> {
  const endpoint = process.env.EMULATOR_URL!;
  const executionArns = process.env.HISTORY_EXECUTION_ARNS!.split(',');
  const executionArn = executionArns[0];
  const machine = process.env.HISTORY_STATE_MACHINE!;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('the extension did not build (node scripts/build.mjs)');

  const sandbox = createSandbox({ name: 'workflows-bench-view' });
  const settingsFile = path.join(sandbox.userDataDir, 'User', 'settings.json');
  const port = Number(new URL(endpoint).port);
  const env = sandboxEnvironment(sandbox, { endpoint, port, stop: async () => undefined });
  writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), 'awsWorkflows.regions': [REGION] }, null, 2));
  const codeServer = await startCodeServer({ sandbox, env });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(60_000);
    await context.addInitScript(HOST_FRAME_SCRIPT);
    const page = await context.newPage();
    await page.goto(codeServer.workbenchUrl(), { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.activitybar .composite-bar').waitFor({ state: 'visible', timeout: 120_000 });
    await openView(page);
    for (const label of [/^us-east-1$/, /^Step Functions$/, /^State machines$/, new RegExp(`^${machine}$`), /^Executions$/]) await expandResource(page, label);
    const rowOf = (arn: string) => resourceRow(page, new RegExp(`^${arn.split(':').pop()!}$`)).first();
    for (const arn of executionArns) await rowOf(arn).waitFor();

    type Open = HostStamps & { clicked: number };
    const click = async (arn: string): Promise<void> => {
      const box = (await rowOf(arn).boundingBox())!;
      await page.evaluate(() => {
        (window as unknown as { __clickedAt?: number }).__clickedAt = undefined;
        window.addEventListener('mousedown', () => ((window as unknown as { __clickedAt?: number }).__clickedAt = performance.timeOrigin + performance.now()), { capture: true, once: true });
      });
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };
    /** Waits for the first row of `arn` in one of the host frames `pick` chooses. */
    const firstRow = async (arn: string, pick: (frames: Frame[]) => Frame[]): Promise<Open> => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        for (const frame of pick(await hostFrames(page))) {
          const stamps = (await frame.evaluate(() => (window as unknown as { __viewBench?: HostStamps }).__viewBench).catch(() => undefined)) as HostStamps | undefined;
          if (stamps?.firstRow) {
            const clicked = (await page.evaluate(() => (window as unknown as { __clickedAt?: number }).__clickedAt)) as number;
            return { ...stamps, clicked };
          }
        }
        if (Date.now() > deadline) throw new Error(`the history of ${arn} did not show within 60 s of the click`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    /** Opens `arn` into a new view (none shows it, and none is open to reuse). */
    const openNew = async (arn: string): Promise<Open> => {
      const before = new Set(await hostFrames(page));
      await click(arn);
      return firstRow(arn, (frames) => frames.filter((f) => !before.has(f)));
    };
    /** Opens `arn` into the one view already open, which shows another execution. */
    const openReused = async (arn: string): Promise<Open> => {
      const frames = await hostFrames(page);
      if (frames.length !== 1) throw new Error(`expected one open execution view, found ${frames.length}`);
      await frames[0].evaluate((name) => (window as unknown as { __viewBenchWatch(n: string): void }).__viewBenchWatch(name), arn.split(':').pop()!);
      await click(arn);
      const r = await firstRow(arn, () => frames);
      if ((await hostFrames(page)).length !== 1) throw new Error(`${arn} opened in a new view, not in the open one`);
      return r;
    };
    const closeAll = async (): Promise<void> => {
      await runCommand(page, 'View: Close All Editors');
      await page.waitForFunction((f) => !document.querySelectorAll(`iframe[src*="${f}"]`).length, HOST_FRAME.split('/').slice(-3, -1).join('/'));
    };

    const cold = await openNew(executionArn);
    await closeAll();
    const runs: Open[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await openNew(executionArn));
      await closeAll();
    }
    // Moving between two executions in one view: the first open (a new view) is not counted.
    await openNew(executionArns[1]);
    const reused: Open[] = [];
    for (let i = 0; i < RUNS; i++) reused.push(await openReused(executionArns[i % 2]));
    await closeAll();

    const since = (r: Open, t: number | undefined) => (t === undefined ? NaN : t - r.clicked);
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    const firstRowMs = runs.map((r) => since(r, r.firstRow));
    const reusedMs = reused.map((r) => since(r, r.firstRow));
    console.log(
      JSON.stringify({
        runs: RUNS,
        rows: runs[0].rows,
        coldMs: since(cold, cold.firstRow),
        reusedMedianMs: median(reusedMs),
        reusedMinMs: Math.min(...reusedMs),
        reusedMaxMs: Math.max(...reusedMs),
        firstRowMedianMs: median(firstRowMs),
        firstRowMinMs: Math.min(...firstRowMs),
        firstRowMaxMs: Math.max(...firstRowMs),
        // Where the time goes in a new view (medians, from the click).
        hostFrameMs: median(runs.map((r) => since(r, r.start))),
        innerFrameMs: median(runs.map((r) => since(r, r.inner))),
        workerStartedMs: median(runs.map((r) => since(r, r.innerWorkerStart ?? r.inner))),
        pageMs: median(runs.map((r) => since(r, r.page))),
        scriptMs: median(runs.map((r) => since(r, r.script))),
        coldPageMs: since(cold, cold.page),
      }),
    );
  } finally {
    await browser.close().catch(() => undefined);
    await codeServer.stop();
    sandbox.dispose();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
