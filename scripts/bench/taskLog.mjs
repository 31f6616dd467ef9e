// MWAA Serverless task log figure against the emulator: a task whose log has 100,000 lines; the time
// from Show Task Log on its task instance to the first page's text (GetTaskInstance and GetWorkflow
// for where the log is, GetLogEvents for the newest 1,000 lines through the CloudWatch Logs SDK,
// the document rendered), whole-request, median of 10 openings after one cold one. Never the whole
// log: the driver checks that one opening loaded one page.
// Usage: node scripts/bench/taskLog.mjs
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBenchDriver, startBenchEmulator } from '../lib/bench-emulator.mjs';

const LINES = 100_000;
const dir = mkdtempSync(path.join(tmpdir(), 'task-log-bench-'));
const seed = path.join(dir, 'seed.yaml');
writeFileSync(
  seed,
  `buckets:\n  - name: dags\n    objects:\n      chatty.yaml: |\n        chatty:\n          tasks:\n            talk: { operator: airflow.providers.standard.operators.bash.BashOperator }\n` +
    `regions:\n  us-east-1:\n    mwaaServerlessWorkflows:\n      - { name: chatty, bucket: dags, key: chatty.yaml, logGroup: /aws/mwaa-serverless/chatty, logLines: ${LINES}, runs: [{}] }\n`,
);

const emulator = await startBenchEmulator(seed);
try {
  const r = await runBenchDriver('scripts/bench/taskLog/driver.ts', { EMULATOR_URL: emulator.url });
  console.log(`MWAA Serverless task log (emulator, ${r.totalLines.toLocaleString('en-US')} lines in the stream)`);
  console.log(`  Show Task Log → first page (${r.firstPageItems} newest lines, older on demand): median ${r.firstPageMedianMs.toFixed(1)} ms of 10 (min ${r.firstPageMinMs.toFixed(1)}, max ${r.firstPageMaxMs.toFixed(1)}; cold first opening ${r.firstPageColdMs.toFixed(1)} ms) — goal ≤ 300 ms`);
  console.log(`  one older page (1,000 lines): median ${r.olderMedianMs.toFixed(1)} ms`);
} finally {
  emulator.stop();
}
