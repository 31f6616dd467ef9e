// Redeploying an unchanged manifest of many state machines (Deploy All / `deploy --yes`): one
// ListStateMachines pass for the run plus one DescribeStateMachine per entry. The peer, measured in the
// same run, is deploying each entry on its own (a listing per entry, as every deploy did before).
// Real SDK over HTTP against the emulator (its default page size of 100, as Step Functions pages).
//   node scripts/bench/redeploy.mjs [--entries N] [--runs N]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleCore } from '../lib/bundle-core.mjs';
import { startEmulatorProcess } from '../lib/emulator-process.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENTRIES = arg('--entries', 1000);
const RUNS = arg('--runs', 3);

const { AwsSession, MemoryLogger, deployAll, deployTarget, loadManifest, targetsOf } = await bundleCore('redeploy', `
export { AwsSession } from './src/aws/session';
export { MemoryLogger } from './src/core/log';
export { deployAll, deployTarget, loadManifest, targetsOf } from './src/deploy/engine';
`);

const emulator = await startEmulatorProcess(['--page-size', '100']);
const dir = mkdtempSync(path.join(tmpdir(), 'redeploy-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const endpoint = emulator.endpoint;
  const env = { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: path.join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none') };
  const session = new AwsSession({ logger: new MemoryLogger(), env });
  const entries = Array.from({ length: ENTRIES }, (_, i) => `  bench-${i}:\n    definition: pass.asl.json\n    roleArn: arn:aws:iam::000000000000:role/r\n`).join('');
  writeFileSync(path.join(dir, 'aws-workflows.yaml'), `stateMachines:\n${entries}`);
  writeFileSync(path.join(dir, 'pass.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}\n');
  const manifestPath = path.join(dir, 'aws-workflows.yaml');
  const targets = targetsOf(loadManifest(manifestPath, readFileSync(manifestPath, 'utf8'), 'us-east-1'), 'us-east-1');
  const files = { readText: async (p) => readFileSync(p, 'utf8'), exists: async () => true };
  const options = { clients: session, files, logger: new MemoryLogger() };

  const created = await deployAll(targets, options);
  if (!created.every((r) => r.action === 'created')) throw new Error(`setup failed: ${created.find((r) => r.action !== 'created')?.message}`);

  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const results = await deployAll(targets, options);
    times.push(performance.now() - started);
    if (!results.every((r) => r.action === 'unchanged')) throw new Error('a redeploy changed something');
  }
  const started = performance.now();
  for (const t of targets) await deployTarget(t, options);
  const perEntry = performance.now() - started;
  const ours = median(times);
  console.log(`redeploy of ${ENTRIES} unchanged state machines (Deploy All, one listing per run): median ${(ours / 1000).toFixed(2)} s of ${RUNS}`);
  console.log(`peer, each entry deployed on its own (a listing per entry):        ${(perEntry / 1000).toFixed(2)} s (x${(perEntry / ours).toFixed(1)})`);
} finally {
  emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
