// MWAA DAGs figure against the emulator: an environment whose Airflow has 1,000 DAGs; the time from
// expanding the environment to its first page of DAG items (GetEnvironment, InvokeRestApi for the
// DAGs and one for their last runs, through the real AwsSession over HTTP, tree items built), median
// of 10 expansions after one cold one. Node classes run with the stand-in vscode module.
// Usage: node scripts/bench/airflow.mjs
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBenchDriver, startBenchEmulator } from '../lib/bench-emulator.mjs';

const DAGS = 1000;
const dir = mkdtempSync(path.join(tmpdir(), 'airflow-bench-'));
const seed = path.join(dir, 'seed.yaml');
writeFileSync(seed, `regions:\n  us-east-1:\n    mwaaEnvironments:\n      - name: BenchAirflow\n        airflowVersion: 2.10.3\n        generatedDags: ${DAGS}\n`);

const emulator = await startBenchEmulator(seed);
try {
  const r = await runBenchDriver('scripts/bench/airflow/driver.ts', { EMULATOR_URL: emulator.url, PAGE_SIZE: '50', ENVIRONMENT: 'BenchAirflow' });
  console.log(`MWAA DAGs (emulator, ${DAGS} DAGs in one environment)`);
  console.log(`  expand the environment → first ${r.firstPageItems} DAGs with last run states: median ${r.firstPageMedianMs.toFixed(1)} ms of 10 (min ${r.firstPageMinMs.toFixed(1)}, max ${r.firstPageMaxMs.toFixed(1)}; cold first expand ${r.firstPageColdMs.toFixed(1)} ms) — goal ≤ 300 ms`);
} finally {
  emulator.stop();
}
