// Deploys that converge and scale, over real HTTP against the emulator: an unchanged Image Builder
// definition is `unchanged` (no 1.0.0 → 1.0.1 → 1.0.2), Deploy All lists each service once per run, and an MWAA Serverless update
// whose answer came too late is read back instead of resent (never two versions from one deploy).

import assert from 'node:assert/strict';
import { AwsSession } from '../../../src/aws/session';
import { MemoryLogger } from '../../../src/core/log';
import { deployAll, deployTarget } from '../../../src/deploy/engine';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { BUCKET, control, createBucket, emulatorEnv, options, REGION, requests, sessionFor, state, Workspace } from '../../emulator/deploy/support';

const ROLE = 'arn:aws:iam::000000000000:role/r';
const IB_DOC = `name: build
schemaVersion: 1.0
steps:
  - name: LaunchBuildInstance
    action: LaunchInstance
    onFailure: Abort
    inputs:
      waitFor: ssmAgent
`;
const DAG = (schedule: string) => `etl:\n  dag_id: etl\n  schedule: "${schedule}"\n  tasks:\n    start:\n      operator: airflow.operators.empty.EmptyOperator\n      task_id: start\n`;
const PASS = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}\n';
const STATE_MACHINES = 300;

describe('deploys that converge and scale (hostile: repeated and interrupted deploys)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let ws: Workspace;

  before(async () => {
    // One page holds every state machine, so "one list pass" is one request.
    emulator = await startEmulator({ port: 0, quiet: true, pageSize: 1000 });
  });
  after(async () => {
    await emulator?.stop();
    ws?.dispose();
  });
  beforeEach(async () => {
    await control(emulator, 'POST', 'reset', {});
    await createBucket(emulator);
    ws?.dispose();
    ws = new Workspace();
  });

  it('Image Builder: an unchanged definition without a version stays unchanged, compared with the latest version', async () => {
    ws.write('aws-workflows.yaml', `imageBuilderWorkflows:\n  build:\n    definition: build.yaml\n    type: BUILD\n`).write('build.yaml', IB_DOC);
    const session = sessionFor(emulator);
    const chosen = { hooks: { chooseVersion: async (o: { suggested: string }) => o.suggested } };
    const first = await deployTarget(ws.target('build'), options(session, chosen));
    assert.equal(first.action, 'created', first.message);
    for (let i = 0; i < 2; i++) {
      const again = await deployTarget(ws.target('build'), options(session, chosen));
      assert.equal(again.action, 'unchanged', again.message);
      assert.equal(again.version, '1.0.0');
    }
    ws.write('build.yaml', IB_DOC.replace('onFailure: Abort', 'onFailure: Continue'));
    const changed = await deployTarget(ws.target('build'), options(session, chosen));
    assert.equal(changed.version, '1.0.1', changed.message);
    const back = await deployTarget(ws.target('build'), options(session, chosen));
    assert.equal(back.action, 'unchanged', 'compared with the latest, 1.0.1');
    const versions = Object.values((await state(emulator)).regions[REGION].imagebuilder.workflows as Record<string, { version: string }>).map((w) => w.version).sort();
    assert.deepEqual(versions, ['1.0.0', '1.0.1']);
  });

  it(`Deploy All: redeploying ${STATE_MACHINES} unchanged state machines is one list pass plus one describe per entry`, async () => {
    const entries = Array.from({ length: STATE_MACHINES }, (_, i) => `  sm-${i}:\n    definition: pass.asl.json\n    roleArn: ${ROLE}\n`).join('');
    ws.write('aws-workflows.yaml', `stateMachines:\n${entries}`).write('pass.asl.json', PASS);
    const session = sessionFor(emulator);
    const created = await deployAll(ws.targets(), options(session));
    assert.ok(created.every((r) => r.action === 'created'), created.find((r) => r.action !== 'created')?.message);
    await control(emulator, 'DELETE', 'requests');
    const again = await deployAll(ws.targets(), options(session));
    assert.ok(again.every((r) => r.action === 'unchanged'));
    const log = await requests(emulator);
    assert.equal(log.filter((r) => r.operation === 'ListStateMachines').length, 1);
    assert.equal(log.filter((r) => r.operation === 'DescribeStateMachine').length, STATE_MACHINES);
    assert.equal(log.length, STATE_MACHINES + 1);
  });

  it('MWAA Serverless: an update answered after the client gave up is read back, not resent: one version, the one reported', async () => {
    ws.write('aws-workflows.yaml', `defaults:\n  definitionBucket: ${BUCKET}\nairflowWorkflows:\n  etl:\n    definition: etl.yaml\n    roleArn: ${ROLE}\n`).write('etl.yaml', DAG('0 2 * * *'));
    const created = await deployTarget(ws.target('etl'), options(sessionFor(emulator)));
    assert.equal(created.action, 'created', created.message);
    ws.write('etl.yaml', DAG('0 3 * * *'));
    // The service makes the new version, then answers after the 1 s request timeout.
    await control(emulator, 'POST', 'faults', { service: 'airflow-serverless', operation: 'UpdateWorkflow', kind: 'slowReply', delayMs: 2500 });
    await control(emulator, 'DELETE', 'requests');
    const timed = new AwsSession({ logger: new MemoryLogger(), env: emulatorEnv(emulator), settings: () => ({ requestTimeoutSeconds: 1 }), retry: { baseDelayMs: 1, throttlingBaseDelayMs: 1 } });
    const updated = await deployTarget(ws.target('etl'), options(timed));
    assert.equal(updated.action, 'updated', updated.message);
    assert.equal((await requests(emulator, 'UpdateWorkflow')).length, 1, 'not resent');
    const arn = created.arn!;
    const versions = await timed.mwaaServerless(REGION).then(({ client }) => client.listWorkflowVersions({ WorkflowArn: arn }));
    assert.equal(versions.WorkflowVersions?.length, 2, 'the first version and the one update');
    const latest = versions.WorkflowVersions!.find((v) => v.IsLatestVersion);
    assert.equal(updated.version, latest?.WorkflowVersion);
    assert.ok(updated.warnings.some((w) => /did not answer in time/.test(w)), updated.warnings.join('\n'));
  });
});
