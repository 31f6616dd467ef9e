// Every create parameter from aws-workflows.yaml to the emulator's state, for the ones the first
// version missed: MWAA Serverless TriggerMode/EngineVersion/encryption changes, Image Builder's
// "unchanged" over every stored field, the 2^30−1 version ceiling and the inline-size boundary.

import assert from 'node:assert/strict';
import { deployTarget } from '../../../src/deploy/engine';
import { AWS_FACTS } from '../../../src/core/facts/aws.generated';
import { BUCKET, control, createBucket, options, REGION, requests, state, useEmulator, Workspace } from './support';

const ROLE = 'arn:aws:iam::000000000000:role/mwaa-serverless';
const DAG = `etl:
  dag_id: etl
  schedule: "0 2 * * *"
  tasks:
    start:
      operator: airflow.providers.standard.operators.empty.EmptyOperator
      task_id: start
`;
const IB_DOC = `name: build
schemaVersion: 1.0
steps:
  - name: Launch
    action: LaunchInstance
    onFailure: Abort
    inputs:
      waitFor: ssmAgent
`;
const LIMIT = AWS_FACTS.imagebuilder.inlineData.max;

/** A document of exactly `length` characters: IB_DOC padded with a YAML comment. */
function documentOf(length: number): string {
  const pad = length - IB_DOC.length - 2;
  return `${IB_DOC}#${'x'.repeat(pad)}\n`;
}

describe('create parameters end to end (deploy engine against the emulator)', function () {
  this.timeout(30000);
  const suite = useEmulator();
  let ws: Workspace;

  const manifest = (airflow: string, imageBuilder: string) => `defaults:
  region: ${REGION}
  definitionBucket: ${BUCKET}
airflowWorkflows:
  etl:
    definition: etl.yaml
    roleArn: ${ROLE}
${airflow}imageBuilderWorkflows:
  build:
    definition: build.yaml
    type: BUILD
${imageBuilder}`;

  beforeEach(async () => {
    await control(suite.emulator, 'POST', 'reset', {});
    await createBucket(suite.emulator);
    ws = new Workspace().write('etl.yaml', DAG).write('build.yaml', IB_DOC);
  });
  afterEach(() => ws.dispose());

  const deploy = (name: string, extra = {}) => deployTarget(ws.target(name), options(suite.session, extra));
  const workflow = async () => Object.values((await state(suite.emulator)).regions[REGION].airflowServerless.workflows as Record<string, { versions: { triggerMode?: string }[] }>)[0];

  it('MWAA Serverless: a TriggerMode change is detected and sent (SCHEDULE → MANUAL is not "unchanged")', async () => {
    ws.write('aws-workflows.yaml', manifest('    triggerMode: SCHEDULE\n    engineVersion: 1\n', '    version: 1.0.0\n'));
    assert.equal((await deploy('etl')).action, 'created');
    ws.write('aws-workflows.yaml', manifest('    triggerMode: MANUAL\n    engineVersion: 1\n', '    version: 1.0.0\n'));
    const result = await deploy('etl');
    assert.equal(result.action, 'updated', result.message);
    assert.match(result.message, /\(triggerMode\)/);
    const update = (await requests(suite.emulator, 'UpdateWorkflow')).at(-1)!;
    assert.equal(update.body.TriggerMode, 'MANUAL');
    assert.equal((await workflow()).versions.at(-1)?.triggerMode, 'MANUAL');
    assert.equal((await deploy('etl')).action, 'unchanged');
  });

  it('MWAA Serverless: an encryption change cannot be made by UpdateWorkflow; the deploy says so and what to do', async () => {
    ws.write('aws-workflows.yaml', manifest('', '    version: 1.0.0\n'));
    assert.equal((await deploy('etl')).action, 'created');
    ws.write('aws-workflows.yaml', manifest('    encryption: { type: CUSTOMER_MANAGED_KEY, kmsKeyId: alias/etl }\n', '    version: 1.0.0\n'));
    const result = await deploy('etl');
    assert.equal(result.action, 'unchanged');
    assert.deepEqual(result.warnings, ["etl is encrypted with an AWS managed key and aws-workflows.yaml says the customer managed key alias/etl; MWAA Serverless cannot change a workflow's encryption (UpdateWorkflow has no encryption setting), so it is left as it is. To change it, delete the workflow and deploy again, or deploy it under a new name."]);
    assert.equal((await requests(suite.emulator, 'UpdateWorkflow')).length, 0);
  });

  it('Image Builder: "unchanged" compares tags, KMS key, description and change description, not only the document', async () => {
    ws.write('aws-workflows.yaml', manifest('', '    version: 1.0.0\n    description: first\n    tags: { team: images }\n'));
    assert.equal((await deploy('build')).action, 'created');
    assert.equal((await deploy('build')).action, 'unchanged');
    const variants = [
      '    version: 1.0.0\n    description: second\n    tags: { team: images }\n',
      '    version: 1.0.0\n    description: first\n    tags: { team: platform }\n',
      '    version: 1.0.0\n    description: first\n    changeDescription: new scan\n    tags: { team: images }\n',
      `    version: 1.0.0\n    description: first\n    kmsKeyId: arn:aws:kms:${REGION}:000000000000:alias/images\n    tags: { team: images }\n`,
    ];
    for (const variant of variants) {
      ws.write('aws-workflows.yaml', manifest('', variant));
      const result = await deploy('build');
      assert.equal(result.action, 'failed', variant);
      assert.equal(result.message, `Version 1.0.0 of Image Builder workflow build already exists in ${REGION} with another definition or settings, and Image Builder versions cannot be replaced. Set version: 1.0.1 (the next free version) in aws-workflows.yaml, or remove version to be offered one.`);
    }
    assert.equal((await requests(suite.emulator, 'CreateWorkflow')).length, 1, 'only the first deploy created a version');
  });

  it('Image Builder: the next-version offer never passes 1073741823 in a part; the next part up is bumped', async () => {
    const max = AWS_FACTS.imagebuilder.semanticVersion.nodeMax;
    ws.write('aws-workflows.yaml', manifest('', `    version: 1.0.${max}\n    description: first\n`));
    assert.equal((await deploy('build')).action, 'created');
    ws.write('aws-workflows.yaml', manifest('', `    version: 1.0.${max}\n    description: second\n`));
    const result = await deploy('build');
    assert.equal(result.action, 'failed');
    assert.match(result.message, /Set version: 1\.1\.0 \(the next free version\)/);
    ws.write('aws-workflows.yaml', manifest('', `    description: second\n`));
    const offered = await deploy('build');
    assert.equal(offered.action, 'updated', offered.message);
    assert.equal(offered.version, '1.1.0');
    assert.deepEqual(offered.warnings, ['No version set; deployed as 1.1.0.']);
  });

  it(`Image Builder: a document of ${LIMIT} characters goes inline, one of ${LIMIT + 1} through S3`, async () => {
    assert.equal(LIMIT, 16000, 'the generated facts hold the model limit');
    ws.write('build.yaml', documentOf(LIMIT)).write('aws-workflows.yaml', manifest('', '    version: 1.0.0\n'));
    assert.equal((await deploy('build')).action, 'created');
    let create = (await requests(suite.emulator, 'CreateWorkflow')).at(-1)!;
    assert.equal((create.body.data as string).length, LIMIT);
    assert.equal(create.body.uri, undefined);

    ws.write('build.yaml', documentOf(LIMIT + 1)).write('aws-workflows.yaml', manifest('', '    version: 1.0.1\n'));
    assert.equal((await deploy('build')).action, 'updated');
    create = (await requests(suite.emulator, 'CreateWorkflow')).at(-1)!;
    assert.equal(create.body.data, undefined);
    assert.equal(create.body.uri, `s3://${BUCKET}/build.yaml`);
  });
});
