// Emulator execution speed: a 1,000-state linear definition and a Map over 1,000 items (each a
// mocked Task), from StartExecution until DescribeExecution reports SUCCEEDED, through the real
// SDK; and the first page of history of a 25,000-event execution. Medians of several runs.
// Then the execution view (scripts/bench/runs/viewDriver.ts): the first page of that execution's
// history shown in the view's page in Chromium, and what a running execution's open view and
// expanded Executions list cost in requests. Last (scripts/bench/runs/codeServerViewDriver.ts), the same
// first page as the user sees it: a click on the execution in real code-server in Chromium, on the first
// open, into the open (reused) view, and into a new view.
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { startEmulatorProcess } from '../lib/emulator-process.mjs';
import { runBenchDriver } from '../lib/bench-emulator.mjs';

const RUNS = 5;
const ROLE = 'arn:aws:iam::000000000000:role/bench';

const emulator = await startEmulatorProcess(['--time-scale', '0']);

try {
  const { endpoint } = emulator;
  const sfn = new SFNClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  const control = (method, p, body) =>
    new Promise((resolve, reject) => {
      const req = request(`${endpoint}/_emulator${p}`, { method, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`control ${p}: ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  const linearStates = {};
  for (let i = 0; i < 1000; i++) linearStates[`S${i}`] = { Type: 'Pass', Parameters: { 'i.$': `States.MathAdd($.i, 1)` }, ...(i === 999 ? { End: true } : { Next: `S${i + 1}` }) };
  const linear = { StartAt: 'S0', States: linearStates };
  const map = {
    StartAt: 'Each',
    States: { Each: { Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 0, ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'Payload.$': '$' }, ResultSelector: { 'v.$': '$.Payload' }, End: true } } }, End: true } },
  };
  // 2,500 iterations of a 4-state body write 10 events each: about 25,000 events.
  const body = { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'C' }, C: { Type: 'Pass', Next: 'D' }, D: { Type: 'Pass', End: true } };
  const long = { StartAt: 'Each', States: { Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'A', States: body }, End: true } } };

  async function create(name, definition, mocks) {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: ROLE }));
    if (mocks) await control('PUT', `/mocks/us-east-1/${name}`, mocks);
    return stateMachineArn;
  }

  async function timedRun(stateMachineArn, input) {
    const started = process.hrtime.bigint();
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
    for (;;) {
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (d.status !== 'RUNNING') {
        if (d.status !== 'SUCCEEDED') throw new Error(`${stateMachineArn}: ${d.status} ${d.error}: ${d.cause}`);
        return { ms: Number(process.hrtime.bigint() - started) / 1e6, executionArn };
      }
    }
  }

  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const linearArn = await create('Linear1000', linear);
  const mapArn = await create('Map1000', map, { Work: { result: { Payload: 1 } } });
  const items = Array.from({ length: 1000 }, (_, i) => ({ i }));
  await timedRun(linearArn, { i: 0 }); // warm-up
  const linearMs = [];
  const mapMs = [];
  for (let i = 0; i < RUNS; i++) {
    linearMs.push((await timedRun(linearArn, { i: 0 })).ms);
    mapMs.push((await timedRun(mapArn, { items })).ms);
  }
  const longArn = await create('History25k', long);
  const { executionArn: longExecution } = await timedRun(longArn, { items: Array.from({ length: 2500 }, (_, i) => i) });
  // A second one, to move between in one execution view.
  const { executionArn: otherLongExecution } = await timedRun(longArn, { items: Array.from({ length: 2500 }, (_, i) => i) });
  const firstPageMs = [];
  let events = 0;
  let total = 0;
  let nextToken;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn: longExecution, maxResults: 1000, nextToken }));
    total += page.events.length;
    nextToken = page.nextToken;
  } while (nextToken);
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn: longExecution, maxResults: 100 }));
    firstPageMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    events = page.events.length;
  }
  console.log(`emulator execution, 1,000-state linear (Pass + intrinsic each): ${median(linearMs).toFixed(0)} ms (target ≤ 2000 ms; median of ${RUNS})`);
  console.log(`emulator execution, Map over 1,000 items (mocked Task each): ${median(mapMs).toFixed(0)} ms (target ≤ 2000 ms; median of ${RUNS})`);
  console.log(`emulator GetExecutionHistory, first page (${events} events) of a ${total.toLocaleString('en-US')}-event execution: ${median(firstPageMs).toFixed(1)} ms (median of ${RUNS})`);

  // A running execution (it waits for a task token that never comes) for the polling figure.
  const waiting = await create('WaitsForever', { StartAt: 'Hold', States: { Hold: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true } } });
  const { executionArn: runningExecution } = await sfn.send(new StartExecutionCommand({ stateMachineArn: waiting, input: '{}' }));
  const v = await runBenchDriver('scripts/bench/runs/viewDriver.ts', { EMULATOR_URL: endpoint, HISTORY_EXECUTION_ARN: longExecution, RUNNING_EXECUTION_ARN: runningExecution, RUNNING_STATE_MACHINE_ARN: waiting });
  console.log(`execution view, open → first page (${v.firstPageRows} events) of the ${total.toLocaleString('en-US')}-event execution in the page's DOM (headless Chromium, real panel and SDK; VS Code's webview host stood in): median ${v.firstPageMedianMs.toFixed(0)} ms of ${v.runs} (min ${v.firstPageMinMs.toFixed(0)}, max ${v.firstPageMaxMs.toFixed(0)}) (target ≤ 300 ms)`);
  const rate = (n) => `${n} requests in ${v.pollSeconds.toFixed(1)} s = 1 per ${n ? (v.pollSeconds / n).toFixed(1) : '∞'} s`;
  console.log(`polling a running execution, view open: ${rate(v.viewRequests)} (${v.viewOperations.join(', ') || 'none'}); its Executions list expanded: ${rate(v.treeRequests)} (target ≤ 1 per 2 s each)`);

  const c = await runBenchDriver('scripts/bench/runs/codeServerViewDriver.ts', { EMULATOR_URL: endpoint, HISTORY_EXECUTION_ARNS: `${longExecution},${otherLongExecution}`, HISTORY_STATE_MACHINE: 'History25k' });
  const ms = (n) => `${n.toFixed(0)} ms`;
  console.log(
    `execution view in code-server + Chromium, click on an execution in the Resources tree → first history row (${c.rows} events shown) of a ${total.toLocaleString('en-US')}-event execution (target ≤ 300 ms; headless figure above: ${ms(v.firstPageMedianMs)}):`,
  );
  console.log(`  first open (a new view, with the view's module load): ${ms(c.coldMs)}`);
  console.log(`  later opens while a view is open (the unlocked view is reused, moving between two such executions): median ${ms(c.reusedMedianMs)} of ${c.runs} (min ${ms(c.reusedMinMs)}, max ${ms(c.reusedMaxMs)})`);
  console.log(`  later opens into a new view (every view closed before; or the open one locked): median ${ms(c.firstRowMedianMs)} of ${c.runs} (min ${ms(c.firstRowMinMs)}, max ${ms(c.firstRowMaxMs)})`);
  console.log(
    `  a new view includes: command dispatch to the extension host, webview creation (host frame, its service worker, the page, our script), DescribeExecution + GetExecutionHistory over HTTP, the messages back, first render. ` +
      `Medians from the click: webview host frame starts ${ms(c.hostFrameMs)}, view's iframe made ${ms(c.innerFrameMs)}, its navigation has a started service worker ${ms(c.workerStartedMs)} ` +
      `(VS Code web registers a new service worker per webview and the next view's document waits for it: microsoft/vscode#245756; not on the session's first open), ` +
      `our page in it ${ms(c.pageMs)}, our script arrived ${ms(c.scriptMs)}, first row ${ms(c.firstRowMedianMs)} (first open: page ${ms(c.coldPageMs)}, first row ${ms(c.coldMs)}). ` +
      `Load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}`,
  );
} finally {
  emulator.stop();
}
