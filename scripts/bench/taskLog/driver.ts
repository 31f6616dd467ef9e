// Drives TaskLogSession (what the task log document shows) in Node against an emulator at
// EMULATOR_URL, through the real AwsSession: our MWAA Serverless client and the CloudWatch Logs SDK.
import { performance } from 'node:perf_hooks';
import { benchExplorerContext, runDriver, timeRuns } from '../explorer/benchContext';

async function main(): Promise<void> {
  const { listGroupPage, listChildPage } = await import('../../../src/explorer/model/listing');
  const { listServerlessTasks } = await import('../../../src/explorer/model/serverlessRuns');
  const { TaskLogSession } = await import('../../../src/taskLogs/taskLogSession');
  const { session } = await benchExplorerContext(50);
  const workflow = (await listGroupPage(session, 'mwaaServerlessWorkflows', 'us-east-1', 50)).items[0];
  const run = (await listChildPage(session, 'mwaaServerlessRuns', workflow, 50)).items[0];
  const [task] = (await listServerlessTasks(session, { region: 'us-east-1', workflowArn: run.arn!, workflowName: run.workflowName!, runId: run.name }, 50, undefined, 'bench')).items;
  const figures = await timeRuns(async () => {
    const started = performance.now();
    const log = await TaskLogSession.open(session, task, () => undefined);
    const text = log.text;
    const ms = performance.now() - started;
    if (!text.includes('Task exited with return code 0') || !log.pager.hasOlder) throw new Error('the first page is not the newest page of a longer log');
    const items = log.pager.lines.length;
    log.dispose();
    return { ms, items };
  });
  // Older pages: walk the whole stream backwards once, timing each page.
  const log = await TaskLogSession.open(session, task, () => undefined);
  const older: number[] = [];
  while (log.pager.hasOlder) {
    const started = performance.now();
    await log.loadOlder();
    older.push(performance.now() - started);
  }
  const totalLines = log.pager.lines.length;
  log.dispose();
  older.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ ...figures, totalLines, olderMedianMs: older[Math.floor(older.length / 2)] }));
  session.dispose();
}

runDriver(main);
