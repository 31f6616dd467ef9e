// Manifest benchmark: parseManifest + checkManifest on a generated 500-entry aws-workflows.yaml
// (125 entries of each kind, with encryption, logging, tags and network settings, and the
// definition kind sniff). Prints the median of 20 runs after warm-up. Goal: well under 20 ms.
//   node scripts/bench/manifest.mjs [--runs N] [--entries N]
import { bundleCore } from '../lib/bundle-core.mjs';
import { performance } from 'node:perf_hooks';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 20);
const ENTRIES = arg('--entries', 500);

const { parseManifest, checkManifest } = await bundleCore('manifest', "export { parseManifest, checkManifest } from './src/core/manifest';");

export function generateManifest(entries) {
  const per = Math.ceil(entries / 4);
  const account = '123456789012';
  const lines = ['# generated for scripts/bench/manifest.mjs', 'defaults:', '  region: eu-west-1', '  definitionBucket: my-artifacts', '  definitionPrefix: workflows/', 'stateMachines:'];
  for (let i = 0; i < per; i++) {
    lines.push(
      `  order-pipeline-${i}:`,
      `    definition: statemachines/order-${i}.asl.yaml`,
      `    roleArn: arn:aws:iam::${account}:role/order-pipeline-${i}`,
      `    type: ${i % 2 ? 'EXPRESS' : 'STANDARD'}`,
      '    publish: true',
      `    versionDescription: release ${i}`,
      `    encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders-${i}, kmsDataKeyReusePeriodSeconds: 300 }`,
      `    logging: { level: ERROR, includeExecutionData: false, logGroupArn: "arn:aws:logs:eu-west-1:${account}:log-group:/sfn/orders-${i}:*" }`,
      '    tracing: true',
      `    tags: { team: orders, cost-center: "${1000 + i}", env: prod }`,
    );
  }
  lines.push('activities:');
  for (let i = 0; i < per; i++) lines.push(`  manual-approval-${i}: { encryption: { type: AWS_OWNED_KEY }, tags: { team: orders } }`);
  lines.push('imageBuilderWorkflows:');
  for (let i = 0; i < per; i++) {
    lines.push(
      `  hardened-build-${i}:`,
      `    definition: imagebuilder/build-${i}.yaml`,
      '    type: BUILD',
      `    version: 1.${i}.0`,
      '    changeDescription: add CIS scan',
      `    kmsKeyId: arn:aws:kms:eu-west-1:${account}:key/1234abcd-12ab-34cd-56ef-${String(i).padStart(12, '0')}`,
      '    tags: { team: images }',
    );
  }
  lines.push('airflowWorkflows:');
  for (let i = 0; i < per; i++) {
    lines.push(
      `  nightly-etl-${i}:`,
      `    definition: dags/etl-${i}.yaml`,
      `    roleArn: arn:aws:iam::${account}:role/mwaa-serverless`,
      `    encryption: { type: CUSTOMER_MANAGED_KEY, kmsKeyId: alias/etl-${i} }`,
      `    logGroup: /mwaa/etl-${i}`,
      '    network: { securityGroupIds: [sg-0abc, sg-0def], subnetIds: [subnet-0def, subnet-0abc] }',
      '    engineVersion: 1',
    );
  }
  lines.push('airflowEnvironments: [analytics-prod, analytics-dev]', '');
  return lines.join('\n');
}

const DEFINITIONS = {
  statemachines: 'StartAt: A\nStates:\n  A: { Type: Succeed }\n',
  imagebuilder: 'schemaVersion: 1.0\nsteps:\n  - name: Launch\n    action: LaunchInstance\n',
  dags: 'etl:\n  dag_id: etl\n  tasks:\n    extract:\n      operator: airflow.providers.amazon.aws.operators.s3.S3ListOperator\n',
};
const ctx = { fileExists: () => true, readFile: (p) => DEFINITIONS[p.split('/')[0]], defaultRegion: 'us-east-1' };

const text = generateManifest(ENTRIES);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// CPU time beside wall time: on a shared machine the wall clock also measures the neighbours.
const run = () => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const parsed = parseManifest(text);
  const t1 = performance.now();
  const findings = checkManifest(parsed, ctx);
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  return { parse: t1 - t0, check: t2 - t1, total: t2 - t0, cpu: (cpu.user + cpu.system) / 1000, findings: parsed.findings.length + findings.length };
};
for (let i = 0; i < 5; i++) run(); // warm-up: JIT and regex caches
const results = Array.from({ length: RUNS }, run);
const entries = results[0];
console.log(`manifest: ${ENTRIES} entries, ${(text.length / 1024).toFixed(1)} KB, ${entries.findings} findings`);
console.log(`  parseManifest        median ${median(results.map((r) => r.parse)).toFixed(2)} ms`);
console.log(`  checkManifest        median ${median(results.map((r) => r.check)).toFixed(2)} ms`);
console.log(`  parse + check        median ${median(results.map((r) => r.total)).toFixed(2)} ms wall, ${median(results.map((r) => r.cpu)).toFixed(2)} ms CPU, over ${RUNS} runs (goal: under 20 ms)`);
