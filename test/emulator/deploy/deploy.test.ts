// The deploy engine against the emulator over real HTTP, with the real SDK clients.

import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { deployTarget, type UpdatePlan, type VersionOffer } from '../../../src/deploy/engine';
import type { RunningEmulator } from '../server';
import { BUCKET, control, createBucket, options, REGION, requests, sessionFor, state, useEmulator, Workspace } from './support';

const ROLE = 'arn:aws:iam::000000000000:role/order-pipeline';
const ORDER_YAML = `Comment: Takes payment, then ships.
StartAt: Charge
States:
  Charge:
    Type: Pass
    Next: Ship
  Ship:
    Type: Succeed
`;
const MANIFEST = `defaults:
  region: ${REGION}
  definitionBucket: ${BUCKET}
  definitionPrefix: workflows/
stateMachines:
  order-pipeline:
    definition: sm/order.asl.yaml
    roleArn: ${ROLE}
    type: STANDARD
    publish: true
    versionDescription: first cut
    encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders, kmsDataKeyReusePeriodSeconds: 120 }
    logging: { level: ERROR, includeExecutionData: false, logGroupArn: "arn:aws:logs:us-east-1:000000000000:log-group:/sfn/orders:*" }
    tracing: true
    tags: { team: orders }
  broken:
    definition: sm/broken.asl.json
    roleArn: ${ROLE}
activities:
  manual-approval:
    encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/approvals }
    tags: { team: orders }
imageBuilderWorkflows:
  hardened-build:
    definition: ib/build.yaml
    type: BUILD
    version: 1.0.0
    changeDescription: first
  big-build:
    definition: ib/big.yaml
    type: TEST
    version: 2.0.0
airflowWorkflows:
  nightly-etl:
    definition: dags/etl.yaml
    roleArn: arn:aws:iam::000000000000:role/mwaa-serverless
    encryption: { type: CUSTOMER_MANAGED_KEY, kmsKeyId: alias/etl }
    logGroup: /mwaa/nightly-etl
    tags: { team: data }
`;
const IB_DOC = `name: hardened-build
schemaVersion: 1.0
steps:
  - name: LaunchBuildInstance
    action: LaunchInstance
    onFailure: Abort
    inputs:
      waitFor: ssmAgent
  - name: TerminateBuildInstance
    action: TerminateInstance
    onFailure: Continue
    inputs:
      instanceId.$: "$.stepOutputs.LaunchBuildInstance.instanceId"
`;
const DAG = `nightly_etl:
  dag_id: nightly_etl
  schedule: "0 2 * * *"
  tasks:
    start:
      operator: airflow.operators.empty.EmptyOperator
      task_id: start
`;

describe('deploy engine against the emulator', function () {
  this.timeout(30000);
  let emulator: RunningEmulator;
  let ws: Workspace;
  let session: ReturnType<typeof sessionFor>;
  const suite = useEmulator();

  before(() => ({ emulator, session } = suite));
  beforeEach(async () => {
    await control(emulator, 'POST', 'reset', {});
    await control(emulator, 'DELETE', 'requests');
    await createBucket(emulator);
    ws = new Workspace()
      .write('aws-workflows.yaml', MANIFEST)
      .write('sm/order.asl.yaml', ORDER_YAML)
      .write('sm/broken.asl.json', '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true }')
      .write('ib/build.yaml', IB_DOC)
      .write('ib/big.yaml', `${IB_DOC}${'# padding to push the document past the inline limit\n'.repeat(320)}`)
      .write('dags/etl.yaml', DAG);
  });
  afterEach(() => ws.dispose());

  describe('state machines', () => {
    it('creates from YAML with every setting, sending JSON, and stores the encryption exactly as configured', async () => {
      const result = await deployTarget(ws.target('order-pipeline'), options(session));
      assert.equal(result.action, 'created', result.message);
      assert.equal(result.arn, `arn:aws:states:${REGION}:000000000000:stateMachine:order-pipeline`);
      assert.equal(result.version, '1');
      const stored = (await state(emulator)).regions[REGION].states.stateMachines[result.arn!];
      assert.deepEqual(JSON.parse(stored.definition), parseYaml(ORDER_YAML));
      assert.deepEqual(stored.encryptionConfiguration, { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/orders', kmsDataKeyReusePeriodSeconds: 120 });
      assert.equal(stored.type, 'STANDARD');
      assert.equal(stored.roleArn, ROLE);
      assert.deepEqual(stored.tracingConfiguration, { enabled: true });
      assert.equal(stored.loggingConfiguration.level, 'ERROR');
      assert.equal(stored.loggingConfiguration.destinations[0].cloudWatchLogsLogGroup.logGroupArn, 'arn:aws:logs:us-east-1:000000000000:log-group:/sfn/orders:*');
      assert.deepEqual(stored.tags, [{ key: 'team', value: 'orders' }]);
      assert.equal(stored.versions.length, 1);
    });

    it('updates only when something changed, names the changes, and publishes a new version', async () => {
      await deployTarget(ws.target('order-pipeline'), options(session));
      const again = await deployTarget(ws.target('order-pipeline'), options(session));
      assert.equal(again.action, 'unchanged', again.message);

      ws.write('sm/order.asl.yaml', ORDER_YAML.replace('Type: Succeed', 'Type: Pass\n    End: true'));
      ws.write('aws-workflows.yaml', MANIFEST.replace('role/order-pipeline', 'role/order-pipeline-v2').replace('first cut', 'second cut'));
      const plans: UpdatePlan[] = [];
      const updated = await deployTarget(ws.target('order-pipeline'), options(session, { hooks: { confirmUpdate: async (p) => { plans.push(p); return true; } } }));
      assert.equal(updated.action, 'updated', updated.message);
      assert.equal(updated.version, '2');
      assert.deepEqual(plans[0].changes.map((c) => c.field), ['definition', 'role']);
      assert.match(plans[0].deployedDefinition!, /"Type": "Succeed"/);
      const stored = (await state(emulator)).regions[REGION].states.stateMachines[updated.arn!];
      assert.equal(stored.roleArn, 'arn:aws:iam::000000000000:role/order-pipeline-v2');
      assert.equal(stored.versions.length, 2);
      assert.deepEqual(stored.encryptionConfiguration, { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/orders', kmsDataKeyReusePeriodSeconds: 120 });
      const [update] = await requests(emulator, 'UpdateStateMachine');
      assert.equal(update.body.versionDescription, 'second cut');
      assert.equal(update.body.publish, true);
    });

    it('applies changed tags with TagResource alone, names them in the confirmation, and keeps tags the entry does not list', async () => {
      const created = await deployTarget(ws.target('order-pipeline'), options(session));
      const arn = created.arn!;
      const { client, sdk } = await session.sfn(REGION);
      // A tag someone else manages (cost allocation, another tool): the manifest does not own it.
      await client.send(new sdk.TagResourceCommand({ resourceArn: arn, tags: [{ key: 'cost-center', value: '42' }] }));
      assert.equal((await deployTarget(ws.target('order-pipeline'), options(session))).action, 'unchanged', 'an unlisted tag is not a change');

      ws.write('aws-workflows.yaml', MANIFEST.replace('tags: { team: orders }', 'tags: { team: payments, owner: ana }'));
      const plans: UpdatePlan[] = [];
      const result = await deployTarget(ws.target('order-pipeline'), options(session, { hooks: { confirmUpdate: async (p) => { plans.push(p); return true; } } }));
      assert.equal(result.action, 'updated', result.message);
      assert.deepEqual(plans[0].changes, [{ field: 'tags', summary: 'tags team=payments (was orders), owner=ana (new)' }]);
      assert.equal(result.version, undefined, 'tags alone publish no version');
      assert.deepEqual(await requests(emulator, 'UpdateStateMachine'), [], 'UpdateStateMachine takes no tags and nothing else changed');
      assert.deepEqual(await requests(emulator, 'UntagResource'), []);
      const stored = (await state(emulator)).regions[REGION].states.stateMachines[arn];
      assert.deepEqual(Object.fromEntries(stored.tags.map((t: { key: string; value: string }) => [t.key, t.value])), { team: 'payments', 'cost-center': '42', owner: 'ana' });
      assert.equal(stored.versions.length, 1);
    });

    it('updates the definition and then the tags, both listed in the confirmation', async () => {
      await deployTarget(ws.target('order-pipeline'), options(session));
      ws.write('sm/order.asl.yaml', ORDER_YAML.replace('Takes payment', 'Charges'));
      ws.write('aws-workflows.yaml', MANIFEST.replace('tags: { team: orders }', 'tags: { team: payments }'));
      const plans: UpdatePlan[] = [];
      const result = await deployTarget(ws.target('order-pipeline'), options(session, { hooks: { confirmUpdate: async (p) => { plans.push(p); return true; } } }));
      assert.equal(result.action, 'updated', result.message);
      assert.deepEqual(plans[0].changes.map((c) => c.field), ['definition', 'tags']);
      assert.match(result.message, /\(definition, tags\) and published version 2/);
      const ops = (await requests(emulator)).filter((r) => r.operation === 'UpdateStateMachine' || r.operation === 'TagResource');
      assert.deepEqual(ops.map((r) => r.operation), ['UpdateStateMachine', 'TagResource']);
      assert.deepEqual(ops[1].body.tags, [{ key: 'team', value: 'payments' }]);
      const stored = (await state(emulator)).regions[REGION].states.stateMachines[result.arn!];
      assert.deepEqual(stored.tags, [{ key: 'team', value: 'payments' }]);
    });

    it('says the update went through when tagging it is then denied', async () => {
      await deployTarget(ws.target('order-pipeline'), options(session));
      ws.write('sm/order.asl.yaml', ORDER_YAML.replace('Takes payment', 'Charges'));
      ws.write('aws-workflows.yaml', MANIFEST.replace('tags: { team: orders }', 'tags: { team: payments }'));
      await control(emulator, 'POST', 'faults', { service: 'states', operation: 'TagResource', count: 1, kind: 'accessDenied' });
      const result = await deployTarget(ws.target('order-pipeline'), options(session));
      assert.equal(result.action, 'failed');
      assert.match(result.message, /^Updated state machine order-pipeline in us-east-1 \(definition, tags\) and published version 2, but its tags were not applied: .*states:TagResource/);
      assert.equal(result.version, '2');
    });

    it('sends nothing when the update is declined', async () => {
      await deployTarget(ws.target('order-pipeline'), options(session));
      ws.write('sm/order.asl.yaml', ORDER_YAML.replace('Takes payment', 'Charges'));
      const result = await deployTarget(ws.target('order-pipeline'), options(session, { hooks: { confirmUpdate: async () => false } }));
      assert.equal(result.action, 'cancelled');
      assert.deepEqual(await requests(emulator, 'UpdateStateMachine'), []);
    });

    it('stops before the create call when cancelled during the earlier steps', async () => {
      const controller = new AbortController();
      const result = await deployTarget(ws.target('order-pipeline'), options(session, {
        signal: controller.signal,
        hooks: { onStep: (m) => { if (m.startsWith('Looking for')) controller.abort(); } },
      }));
      assert.equal(result.action, 'cancelled');
      // The cancel also aborts the lookup in flight (the run's signal reaches every request); nothing is created.
      assert.deepEqual(await requests(emulator, 'CreateStateMachine'), []);
      assert.deepEqual(await requests(emulator, 'CreateStateMachine'), []);
    });

    it('does not call the service when local validation finds an error', async () => {
      const result = await deployTarget(ws.target('broken'), options(session));
      assert.equal(result.action, 'failed');
      assert.match(result.message, /local checks found \d+ error/);
      assert.ok(result.blockingFindings?.some((g) => g.file.endsWith('broken.asl.json') && g.findings.some((f) => f.code === 'parse/syntax')));
      assert.deepEqual((await requests(emulator)).filter((r) => r.service === 'states'), []);
    });

    it('validates with Step Functions on a dry run and changes nothing', async () => {
      const result = await deployTarget(ws.target('order-pipeline'), options(session, { dryRun: true }));
      assert.equal(result.action, 'validated', result.message);
      assert.equal((await requests(emulator, 'ValidateStateMachineDefinition')).length, 1);
      assert.deepEqual((await state(emulator)).regions[REGION]?.states.stateMachines ?? {}, {});
    });
  });

  describe('activities', () => {
    it('creates with tags and encryption, then reports an encryption it cannot change', async () => {
      const created = await deployTarget(ws.target('manual-approval'), options(session));
      assert.equal(created.action, 'created', created.message);
      const stored = (await state(emulator)).regions[REGION].states.activities[created.arn!];
      assert.deepEqual(stored.encryptionConfiguration, { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/approvals', kmsDataKeyReusePeriodSeconds: 300 });
      assert.deepEqual(stored.tags, [{ key: 'team', value: 'orders' }]);

      assert.equal((await deployTarget(ws.target('manual-approval'), options(session))).action, 'unchanged');

      ws.write('aws-workflows.yaml', MANIFEST.replace('kmsKeyId: alias/approvals', 'kmsKeyId: alias/other'));
      const mismatch = await deployTarget(ws.target('manual-approval'), options(session));
      assert.equal(mismatch.action, 'failed');
      assert.match(mismatch.message, /cannot change an activity's encryption/);
      assert.equal((await requests(emulator, 'CreateActivity')).length, 1);
    });
  });

  describe('Image Builder workflows', () => {
    it('creates inline, is unchanged on a redeploy, and refuses a named version that exists with another definition', async () => {
      const created = await deployTarget(ws.target('hardened-build'), options(session));
      assert.equal(created.action, 'created', created.message);
      assert.equal(created.version, '1.0.0');
      const [request] = await requests(emulator, 'CreateWorkflow');
      assert.equal(request.body.data, IB_DOC);
      assert.equal(request.body.uri, undefined);

      assert.equal((await deployTarget(ws.target('hardened-build'), options(session))).action, 'unchanged');

      ws.write('ib/build.yaml', IB_DOC.replace('onFailure: Continue', 'onFailure: Abort'));
      const offers: VersionOffer[] = [];
      const refused = await deployTarget(ws.target('hardened-build'), options(session, { hooks: { chooseVersion: async (o) => { offers.push(o); return o.suggested; } } }));
      assert.equal(refused.action, 'failed');
      assert.match(refused.message, /^Version 1\.0\.0 of Image Builder workflow hardened-build already exists in .* Set version: 1\.0\.1 \(the next free version\)/);
      assert.deepEqual(offers, [], 'a named version is never swapped for another');
      ws.write('aws-workflows.yaml', MANIFEST.replace('    version: 1.0.0\n', '    version: 1.0.1\n'));
      const next = await deployTarget(ws.target('hardened-build'), options(session));
      assert.equal(next.action, 'updated', next.message);
      assert.equal(next.version, '1.0.1');
      assert.equal((await deployTarget(ws.target('hardened-build'), options(session))).action, 'unchanged', 'converges on 1.0.1');
      const versions = Object.values((await state(emulator)).regions[REGION].imagebuilder.workflows as Record<string, { version: string; data: string }>);
      assert.deepEqual(versions.map((w) => w.version).sort(), ['1.0.0', '1.0.1']);
    });

    it('offers the next version when none is set, and stops without a call when the offer is declined', async () => {
      ws.write('aws-workflows.yaml', MANIFEST.replace('    version: 1.0.0\n', ''));
      const declined = await deployTarget(ws.target('hardened-build'), options(session, { hooks: { chooseVersion: async () => undefined } }));
      assert.equal(declined.action, 'cancelled');
      assert.deepEqual(await requests(emulator, 'CreateWorkflow'), []);
      const offers: VersionOffer[] = [];
      const created = await deployTarget(ws.target('hardened-build'), options(session, { hooks: { chooseVersion: async (o) => { offers.push(o); return o.suggested; } } }));
      assert.equal(offers[0].suggested, '1.0.0');
      assert.equal(created.version, '1.0.0');
    });

    it('uploads a document over 16000 characters to definitionBucket and passes its uri', async () => {
      const result = await deployTarget(ws.target('big-build'), options(session));
      const s3 = (await state(emulator)).s3.buckets[BUCKET];
      assert.ok(s3.objects['workflows/ib/big.yaml'], 'uploaded under definitionPrefix + the manifest path');
      const [request] = await requests(emulator, 'CreateWorkflow');
      assert.equal(request.body.uri, `s3://${BUCKET}/workflows/ib/big.yaml`);
      assert.equal(request.body.data, undefined);
      assert.equal(result.action, 'created', result.message);
      const stored = Object.values((await state(emulator)).regions[REGION].imagebuilder.workflows) as { data: string }[];
      assert.ok(stored.some((w) => w.data.length > 16000), 'the emulator stored the document read from S3');
    });

    it('validates with a dryRun create on a dry run, storing nothing', async () => {
      const result = await deployTarget(ws.target('hardened-build'), options(session, { dryRun: true }));
      assert.equal(result.action, 'validated', result.message);
      const [request] = await requests(emulator, 'CreateWorkflow');
      assert.equal(request.body.dryRun, true);
      assert.deepEqual((await state(emulator)).regions[REGION].imagebuilder.workflows, {});
    });

    it('retries a throttled create with the same client token', async () => {
      await control(emulator, 'POST', 'faults', { service: 'imagebuilder', operation: 'CreateWorkflow', count: 1, kind: 'throttle' });
      const result = await deployTarget(ws.target('hardened-build'), options(session));
      assert.equal(result.action, 'created', result.message);
      const creates = await requests(emulator, 'CreateWorkflow');
      assert.equal(creates.length, 2);
      assert.ok(creates[0].body.clientToken);
      assert.equal(creates[1].body.clientToken, creates[0].body.clientToken);
    });
  });

  describe('MWAA Serverless workflows', () => {
    it('uploads the YAML, creates with the pinned VersionId and the encryption as configured, then updates to a new version', async () => {
      const created = await deployTarget(ws.target('nightly-etl'), options(session));
      assert.equal(created.action, 'created', created.message);
      let s = await state(emulator);
      const object = s.s3.buckets[BUCKET].objects['workflows/dags/etl.yaml'];
      assert.ok(object, 'uploaded');
      const [create] = await requests(emulator, 'CreateWorkflow');
      const location = create.body.DefinitionS3Location as { Bucket: string; ObjectKey: string; VersionId?: string };
      assert.equal(location.Bucket, BUCKET);
      assert.equal(location.ObjectKey, 'workflows/dags/etl.yaml');
      assert.ok(location.VersionId, 'VersionId pinned in a versioned bucket');
      const workflow = s.regions[REGION].airflowServerless.workflows[created.arn!];
      assert.deepEqual(workflow.encryptionConfiguration, { Type: 'CUSTOMER_MANAGED_KEY', KmsKeyId: 'alias/etl' });
      assert.equal(workflow.versions[0].definition, DAG);
      assert.deepEqual(workflow.versions[0].loggingConfiguration, { LogGroupName: '/mwaa/nightly-etl' });

      assert.equal((await deployTarget(ws.target('nightly-etl'), options(session))).action, 'unchanged');

      ws.write('dags/etl.yaml', DAG.replace('0 2 * * *', '0 3 * * *'));
      const updated = await deployTarget(ws.target('nightly-etl'), options(session));
      assert.equal(updated.action, 'updated', updated.message);
      const [update] = await requests(emulator, 'UpdateWorkflow');
      const newLocation = update.body.DefinitionS3Location as { VersionId?: string };
      assert.ok(newLocation.VersionId && newLocation.VersionId !== location.VersionId, 'the new object version is pinned');
      s = await state(emulator);
      const versions = s.regions[REGION].airflowServerless.workflows[created.arn!].versions;
      assert.equal(versions.length, 2);
      assert.equal(updated.version, versions[1].version);
      assert.match(versions[1].definition, /0 3 \* \* \*/);
    });

    it('applies changed tags with TagResource, without a new version when nothing else changed', async () => {
      const created = await deployTarget(ws.target('nightly-etl'), options(session));
      const arn = created.arn!;
      assert.deepEqual((await state(emulator)).regions[REGION].airflowServerless.workflows[arn].tags, { team: 'data' });
      const { client } = await session.mwaaServerless(REGION);
      await client.tagResource({ ResourceArn: arn, Tags: { 'cost-center': '42' } });

      ws.write('aws-workflows.yaml', MANIFEST.replace('tags: { team: data }', 'tags: { team: analytics }'));
      const plans: UpdatePlan[] = [];
      const tagsOnly = await deployTarget(ws.target('nightly-etl'), options(session, { hooks: { confirmUpdate: async (p) => { plans.push(p); return true; } } }));
      assert.equal(tagsOnly.action, 'updated', tagsOnly.message);
      assert.deepEqual(plans[0].changes, [{ field: 'tags', summary: 'tags team=analytics (was data)' }]);
      assert.deepEqual(await requests(emulator, 'UpdateWorkflow'), []);
      let workflow = (await state(emulator)).regions[REGION].airflowServerless.workflows[arn];
      assert.deepEqual(workflow.tags, { team: 'analytics', 'cost-center': '42' });
      assert.equal(workflow.versions.length, 1);

      ws.write('dags/etl.yaml', DAG.replace('0 2 * * *', '0 3 * * *'));
      ws.write('aws-workflows.yaml', MANIFEST.replace('tags: { team: data }', 'tags: { team: platform }'));
      await control(emulator, 'DELETE', 'requests');
      const both = await deployTarget(ws.target('nightly-etl'), options(session));
      assert.equal(both.action, 'updated', both.message);
      assert.match(both.message, /\(definition, tags\)/);
      const ops = (await requests(emulator)).filter((r) => r.operation === 'UpdateWorkflow' || r.operation === 'TagResource');
      assert.deepEqual(ops.map((r) => r.operation), ['UpdateWorkflow', 'TagResource']);
      workflow = (await state(emulator)).regions[REGION].airflowServerless.workflows[arn];
      assert.deepEqual(workflow.tags, { team: 'platform', 'cost-center': '42' });
      assert.equal(workflow.versions.length, 2);
      assert.deepEqual(await requests(emulator, 'UntagResource'), []);
    });

    it('retries a throttled create with the same ClientToken', async () => {
      await control(emulator, 'POST', 'faults', { service: 'airflow-serverless', operation: 'CreateWorkflow', count: 1, kind: 'throttle' });
      const result = await deployTarget(ws.target('nightly-etl'), options(session));
      assert.equal(result.action, 'created', result.message);
      const creates = await requests(emulator, 'CreateWorkflow');
      assert.equal(creates.length, 2);
      assert.ok(creates[0].body.ClientToken);
      assert.equal(creates[1].body.ClientToken, creates[0].body.ClientToken);
    });

    it('says the bucket is missing instead of creating it', async () => {
      ws.write('aws-workflows.yaml', MANIFEST.replace(`definitionBucket: ${BUCKET}`, 'definitionBucket: no-such-bucket'));
      const result = await deployTarget(ws.target('nightly-etl'), options(session));
      assert.equal(result.action, 'failed');
      assert.match(result.message, /no-such-bucket .*does not exist in us-east-1/);
      assert.equal((await state(emulator)).s3.buckets['no-such-bucket'], undefined);
      assert.deepEqual(await requests(emulator, 'CreateWorkflow'), []);
    });
  });
});
