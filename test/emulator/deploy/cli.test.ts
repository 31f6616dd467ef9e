// `aws-workflows deploy --yes` run as a user would: a child process in a copy of examples/,
// with nothing but the emulator's environment.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulator, type RunningEmulator } from '../server';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { BUCKET, control, createBucket, emulatorEnv, REGION, runScript, state } from './support';

const ROOT = resolve(__dirname, '../../..');

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv) {
  return runScript(join(ROOT, 'bin/aws-workflows.js'), cwd, args, env);
}

describe('aws-workflows deploy (CLI) in examples/ against the emulator', function () {
  this.timeout(120000);
  let emulator: RunningEmulator;
  let dir: string;

  before(async () => {
    // The CLI runs from dist/, so build what is in the tree now.
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    emulator = await startEmulator({ port: 0, quiet: true, seed: 'demo' });
    const s3 = new S3Client({ endpoint: emulator.endpoint, region: REGION, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const exists = await s3.send(new HeadBucketCommand({ Bucket: BUCKET })).then(() => true, () => false);
    s3.destroy();
    if (!exists) await createBucket(emulator);
    dir = mkdtempSync(join(tmpdir(), 'aws-workflows-examples-'));
    cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  });
  after(async () => {
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('deploys every entry with --yes, one line each, and exits 0; a second run changes nothing', async () => {
    await control(emulator, 'DELETE', 'requests');
    const first = await run(dir, ['deploy', '--yes'], emulatorEnv(emulator));
    assert.equal(first.code, 0, `${first.stdout}\n${first.stderr}`);
    // Nothing on stderr: no SDK warning either (on Node 20 the SDK warns of its Node 22 plans).
    assert.equal(first.stderr, '');
    const lines = first.stdout.split('\n').filter((l) => /^(state machine|activity|Image Builder|MWAA Serverless)/.test(l));
    for (const name of ['order-pipeline', 'hello-express', 'manual-approval', 'hardened-build', 'nightly-etl']) {
      const line = lines.find((l) => new RegExp(`\\s${name}\\s`).test(l));
      assert.ok(line, `a line for ${name} in:\n${first.stdout}`);
      assert.match(line!, /\s(created|updated)\s+arn:aws:/, line);
    }
    assert.equal(lines.length, 5, first.stdout);

    const s = (await state(emulator)).regions[REGION];
    const machines = Object.values(s.states.stateMachines as Record<string, { name: string; type: string; encryptionConfiguration: unknown }>);
    const order = machines.find((m) => m.name === 'order-pipeline')!;
    assert.deepEqual(order.encryptionConfiguration, { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/orders', kmsDataKeyReusePeriodSeconds: 300 });
    assert.equal(machines.find((m) => m.name === 'hello-express')?.type, 'EXPRESS');
    assert.ok(Object.values(s.states.activities as Record<string, { name: string }>).some((a) => a.name === 'manual-approval'));
    assert.ok(Object.values(s.imagebuilder.workflows as Record<string, { name: string; version: string }>).some((w) => w.name === 'hardened-build' && w.version === '1.0.0'));
    assert.ok(Object.values(s.airflowServerless.workflows as Record<string, { name: string }>).some((w) => w.name === 'nightly-etl'));

    const second = await run(dir, ['deploy', '--yes'], emulatorEnv(emulator));
    assert.equal(second.code, 0, `${second.stdout}\n${second.stderr}`);
    assert.match(second.stdout, /5 unchanged\./);
  });

  it('exits 1 naming the failure when an entry cannot deploy, and --dry-run changes nothing', async () => {
    const before = JSON.stringify((await state(emulator)).regions);
    const dry = await run(dir, ['deploy', '--dry-run', 'order-pipeline', 'hardened-build'], { ...emulatorEnv(emulator), CI: 'true' });
    assert.equal(dry.code, 0, `${dry.stdout}\n${dry.stderr}`);
    assert.match(dry.stdout, /Dry run: /);
    assert.equal(JSON.stringify((await state(emulator)).regions), before);

    const manifest = readFileSync(join(dir, 'aws-workflows.yaml'), 'utf8');
    writeFileSync(join(dir, 'other-bucket.yaml'), manifest.replace(`definitionBucket: ${BUCKET}`, 'definitionBucket: no-such-bucket'));
    const failing = await run(dir, ['deploy', '--yes', '--file', 'other-bucket.yaml', 'nightly-etl', 'manual-approval'], emulatorEnv(emulator));
    assert.equal(failing.code, 1, failing.stdout);
    assert.match(failing.stdout, /MWAA Serverless workflow\s+nightly-etl\s+failed/);
    assert.match(failing.stdout, /no-such-bucket .*does not exist/);
    assert.match(failing.stdout, /activity\s+manual-approval\s+unchanged/);

    const unknown = await run(dir, ['deploy', '--yes', 'no-such-entry'], emulatorEnv(emulator));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /'no-such-entry' is not in aws-workflows.yaml/);
  });

  it('the create parameters the first version missed, each visible through the CLI', async () => {
    const manifest = readFileSync(join(dir, 'aws-workflows.yaml'), 'utf8');
    const withEntry = (name: string, extra: string) => manifest.replace(new RegExp(`(\\n  ${name}:\\n)`), `$1${extra}`);
    const env = emulatorEnv(emulator);
    const latest = async () => {
      const workflows = (await state(emulator)).regions[REGION].airflowServerless.workflows as Record<string, { name: string; versions: { triggerMode?: string }[] }>;
      return Object.values(workflows).find((w) => w.name === 'nightly-etl')!.versions.at(-1)!;
    };

    // MWAA Serverless: a TriggerMode change is an update, sent and stored.
    writeFileSync(join(dir, 'trigger.yaml'), withEntry('nightly-etl', '    triggerMode: MANUAL\n'));
    const trigger = await run(dir, ['deploy', '--yes', '--file', 'trigger.yaml', 'nightly-etl'], env);
    assert.equal(trigger.code, 0, trigger.stdout);
    assert.match(trigger.stdout, /^MWAA Serverless workflow\s+nightly-etl\s+updated/m);
    assert.equal((await latest()).triggerMode, 'MANUAL');

    // MWAA Serverless: an encryption change cannot be sent; the deploy says so and what to do.
    writeFileSync(join(dir, 'encryption.yaml'), withEntry('nightly-etl', '    triggerMode: MANUAL\n').replace('encryption: { type: AWS_MANAGED_KEY }', 'encryption: { type: CUSTOMER_MANAGED_KEY, kmsKeyId: alias/etl }'));
    const encryption = await run(dir, ['deploy', '--yes', '--file', 'encryption.yaml', 'nightly-etl'], env);
    assert.equal(encryption.code, 0, encryption.stdout);
    assert.ok(encryption.stdout.includes("  warning: nightly-etl is encrypted with an AWS managed key and aws-workflows.yaml says the customer managed key alias/etl; MWAA Serverless cannot change a workflow's encryption (UpdateWorkflow has no encryption setting), so it is left as it is. To change it, delete the workflow and deploy again, or deploy it under a new name.\n"), encryption.stdout);

    // Inline checks: a line break in the MWAA Serverless description, an empty Image Builder tags mapping.
    const bad = join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    cpSync(join(dir, 'dags'), join(bad, 'dags'), { recursive: true });
    cpSync(join(dir, 'imagebuilder'), join(bad, 'imagebuilder'), { recursive: true });
    cpSync(join(dir, 'statemachines'), join(bad, 'statemachines'), { recursive: true });
    writeFileSync(join(bad, 'aws-workflows.yaml'), withEntry('hardened-build', '    tags: {}\n').replace('description: Nightly extract', 'description: "Nightly\\nextract'));
    const lint = await run(bad, ['lint', 'aws-workflows.yaml'], env);
    assert.equal(lint.code, 1, lint.stdout);
    assert.match(lint.stdout, /aws-workflows\.yaml:\d+:\d+ error manifest\/line-break description cannot contain a line break/);
    assert.match(lint.stdout, /aws-workflows\.yaml:\d+:\d+ error tags\/empty An empty tags mapping: Image Builder takes at least 1 tag/);

    // Image Builder: a new description is not "unchanged" (every stored field is compared), and the
    // next version never passes 1073741823 in a part.
    writeFileSync(join(dir, 'ib.yaml'), withEntry('hardened-build', '    description: now with CIS\n').replace('version: 1.0.0', 'version: 1.0.1073741823'));
    const top = await run(dir, ['deploy', '--yes', '--file', 'ib.yaml', 'hardened-build'], env);
    assert.equal(top.code, 0, top.stdout);
    writeFileSync(join(dir, 'ib.yaml'), withEntry('hardened-build', '    description: now with CIS and STIG\n').replace('version: 1.0.0', 'version: 1.0.1073741823'));
    const refused = await run(dir, ['deploy', '--yes', '--file', 'ib.yaml', 'hardened-build'], env);
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.stdout, /Version 1\.0\.1073741823 of Image Builder workflow hardened-build already exists in \S+ with another definition or settings, and Image Builder versions cannot be replaced\. Set version: 1\.1\.0 \(the next free version\)/);
    writeFileSync(join(dir, 'ib.yaml'), withEntry('hardened-build', '    description: now with CIS and STIG\n').replace('    version: 1.0.0\n', ''));
    const next = await run(dir, ['deploy', '--yes', '--file', 'ib.yaml', 'hardened-build'], env);
    assert.equal(next.code, 0, next.stdout);
    assert.match(next.stderr, /hardened-build: no version is set; using 1\.1\.0\./);
    assert.match(next.stdout, /^Image Builder workflow\s+hardened-build\s+updated\s+\S+\s+v1\.1\.0$/m);

    // Image Builder: 16000 characters go inline, 16001 through S3 (the limit from the generated facts).
    await control(emulator, 'DELETE', 'requests');
    const doc = readFileSync(join(dir, 'imagebuilder/hardened-build.yaml'), 'utf8');
    for (const [length, version] of [[16000, '3.0.0'], [16001, '3.0.1']] as const) {
      writeFileSync(join(dir, 'imagebuilder/sized.yaml'), `${doc}#${'x'.repeat(length - doc.length - 2)}\n`);
      writeFileSync(join(dir, 'sized.yaml'), manifest.replace('imagebuilder/hardened-build.yaml', 'imagebuilder/sized.yaml').replace('version: 1.0.0', `version: ${version}`));
      const sized = await run(dir, ['deploy', '--yes', '--file', 'sized.yaml', 'hardened-build'], env);
      assert.equal(sized.code, 0, sized.stdout);
    }
    const creates = (await control<{ operation: string; body: { data?: string; uri?: string } }[]>(emulator, 'GET', 'requests')).filter((r) => r.operation === 'CreateWorkflow');
    assert.deepEqual(creates.map((c) => [c.body.data?.length, c.body.uri]), [[16000, undefined], [undefined, 's3://workflows-demo-artifacts/workflows/imagebuilder/sized.yaml']]);
  });

  it('without kms:Decrypt on the key, --yes updates, exits 0 and says why; a disabled key exits 1 naming key and state', async () => {
    await control(emulator, 'POST', 'faults', { operation: 'DescribeStateMachine', kind: 'kmsAccessDenied' });
    const denied = await run(dir, ['deploy', '--yes', 'order-pipeline'], emulatorEnv(emulator));
    assert.equal(denied.code, 0, `${denied.stdout}\n${denied.stderr}`);
    assert.match(denied.stdout, /^state machine\s+order-pipeline\s+updated\s+arn:aws:states:/m);
    assert.ok(denied.stdout.includes('  warning: The definition of order-pipeline is encrypted with alias/orders; reading it needs kms:Decrypt on that key. The deploy cannot compare it with the local definition, so it updates it.\n'), denied.stdout);

    await control(emulator, 'POST', 'faults', { operation: 'DescribeStateMachine', kind: 'kmsDisabled' });
    const disabled = await run(dir, ['deploy', '--yes', 'order-pipeline'], emulatorEnv(emulator));
    assert.equal(disabled.code, 1, disabled.stdout);
    assert.match(disabled.stdout, /^state machine\s+order-pipeline\s+failed/m);
    assert.ok(disabled.stdout.includes('  Step Functions DescribeStateMachine for order-pipeline in us-east-1 failed: the KMS key alias/orders is disabled (DISABLED). Enable the key in AWS KMS, then try again.\n'), disabled.stdout);
  });
});
