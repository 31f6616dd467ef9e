import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allEntries, checkManifest, entryRegion, parseManifest } from '../../../src/core/manifest';
import { lintManifest } from './support';

const EXAMPLE = readFileSync(join(__dirname, 'example.yaml'), 'utf8');

describe('parseManifest', () => {
  it('reads the example from the deploy issue into typed specs', () => {
    const { manifest, findings } = parseManifest(EXAMPLE);
    assert.deepEqual(findings, []);
    assert.deepEqual(manifest.defaults, { region: 'eu-west-1', definitionBucket: 'my-artifacts', definitionPrefix: 'workflows/' });
    assert.deepEqual(manifest.stateMachines.map((e) => e.name), ['order-pipeline']);
    assert.deepEqual(manifest.stateMachines[0].spec, {
      definition: 'statemachines/order.asl.yaml',
      roleArn: 'arn:aws:iam::123456789012:role/order-pipeline',
      type: 'STANDARD',
      publish: true,
      versionDescription: 'retry payment twice',
      encryption: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/orders', kmsDataKeyReusePeriodSeconds: 300 },
      logging: { level: 'ERROR', includeExecutionData: false, logGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/sfn/orders:*' },
      tracing: true,
      tags: { team: 'orders' },
    });
    assert.deepEqual(manifest.activities[0].spec, { encryption: { type: 'AWS_OWNED_KEY' } });
    assert.deepEqual(manifest.imageBuilderWorkflows[0].spec, {
      definition: 'imagebuilder/hardened-build.yaml',
      type: 'BUILD',
      version: '1.4.0',
      changeDescription: 'add CIS scan',
      kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    });
    assert.deepEqual(manifest.airflowWorkflows[0].spec, {
      definition: 'dags/nightly-etl.yaml',
      roleArn: 'arn:aws:iam::123456789012:role/mwaa-serverless',
      encryption: { type: 'CUSTOMER_MANAGED_KEY', kmsKeyId: 'alias/etl' },
      logGroup: '/mwaa/nightly-etl',
      network: { securityGroupIds: ['sg-0abc'], subnetIds: ['subnet-0def'] },
    });
    assert.deepEqual(manifest.airflowEnvironments.map((e) => e.name), ['analytics-prod']);
    assert.equal(allEntries(manifest).length, 4);
  });

  it('keeps the key and value ranges of every field, nested ones included', () => {
    const { manifest } = parseManifest(EXAMPLE);
    const e = manifest.stateMachines[0];
    const lines = EXAMPLE.split('\n');
    const textOf = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => lines[r.start.line].slice(r.start.character, r.end.character);
    assert.equal(textOf(e.nameRange), 'order-pipeline');
    assert.equal(textOf(e.fields.roleArn.valueRange), 'arn:aws:iam::123456789012:role/order-pipeline');
    assert.equal(textOf(e.fields['encryption.kmsKeyId'].keyRange), 'kmsKeyId');
    assert.equal(textOf(e.fields['encryption.kmsKeyId'].valueRange), 'alias/orders');
    assert.equal(textOf(e.fields['logging.logGroupArn'].valueRange), '"arn:aws:logs:eu-west-1:123456789012:log-group:/sfn/orders:*"');
    assert.equal(textOf(e.fields['tags.team'].valueRange), 'orders');
    const a = manifest.airflowWorkflows[0];
    assert.equal(textOf(a.fields['network.subnetIds.0'].valueRange), 'subnet-0def');
    assert.equal(textOf(manifest.airflowEnvironments[0].range), 'analytics-prod');
  });

  it('resolves the region: entry, then defaults, then the caller', () => {
    const { manifest } = parseManifest('defaults: { region: eu-west-1 }\nactivities:\n  a: { region: us-east-2 }\n  b: {}\n');
    assert.equal(entryRegion(manifest, manifest.activities[0], 'ap-south-1'), 'us-east-2');
    assert.equal(entryRegion(manifest, manifest.activities[1], 'ap-south-1'), 'eu-west-1');
    const bare = parseManifest('activities:\n  b:\n').manifest;
    assert.equal(entryRegion(bare, bare.activities[0], 'ap-south-1'), 'ap-south-1');
  });

  it('accepts empty sections, entries without settings and environments as mappings', () => {
    const { manifest, findings } = parseManifest('stateMachines:\nactivities:\n  approve:\nairflowEnvironments:\n  - analytics-prod\n  - { name: analytics-dev, region: us-east-1 }\n');
    assert.deepEqual(findings, []);
    assert.equal(manifest.activities[0].name, 'approve');
    assert.deepEqual(manifest.airflowEnvironments.map((e) => [e.name, e.region]), [['analytics-prod', undefined], ['analytics-dev', 'us-east-1']]);
  });

  it('leaves wrongly typed fields out of the spec and keeps the rest', () => {
    const { manifest, findings } = parseManifest('activities:\n  approve: { tags: [a], encryption: { type: AWS_OWNED_KEY } }\n');
    assert.deepEqual(findings.map((f) => f.code), ['manifest/wrong-type']);
    assert.deepEqual(manifest.activities[0].spec, { encryption: { type: 'AWS_OWNED_KEY' } });
  });

  it('reads tag values written as numbers or booleans as the text written', () => {
    const { manifest, findings } = parseManifest('activities:\n  approve: { tags: { cost-center: 0042, billable: yes, live: true } }\n');
    assert.deepEqual(findings, []);
    assert.deepEqual(manifest.activities[0].spec.tags, { 'cost-center': '0042', billable: 'yes', live: 'true' });
  });

  it('keeps the last of two entries with one name, and says so', () => {
    const { manifest, findings } = parseManifest('activities:\n  approve: { tags: { v: "1" } }\n  approve: { tags: { v: "2" } }\n');
    assert.equal(manifest.activities.length, 1);
    assert.deepEqual(manifest.activities[0].spec.tags, { v: '2' });
    const dup = findings.find((f) => f.code === 'manifest/duplicate-name')!;
    assert.equal(dup.related?.[0].range.start.line, 1);
  });

  it('suggests the manifest name for keys copied from the API', () => {
    const { findings } = parseManifest('stateMachines:\n  orders:\n    definition: a.asl.json\n    RoleArn: arn:aws:iam::123456789012:role/r\n    encryptionConfiguration: { type: AWS_OWNED_KEY }\n    logging: { destinations: [] }\n');
    const suggestions = findings.filter((f) => f.code === 'manifest/unknown-key').map((f) => f.data?.suggestion);
    assert.deepEqual(suggestions, ['roleArn', 'encryption', 'logGroupArn']);
  });

  it('reports a root that is not a mapping, and syntax errors, without throwing', () => {
    assert.deepEqual(parseManifest('- a\n- b\n').findings.map((f) => f.code), ['manifest/wrong-type']);
    const broken = parseManifest('stateMachines:\n  orders: { definition: a.json\nactivities:\n  approve: {}\n');
    assert.ok(broken.findings.some((f) => f.code === 'parse/syntax'));
    assert.deepEqual(parseManifest('').findings.map((f) => f.code), ['parse/empty']);
  });
});

describe('the example manifest from the deploy issue', () => {
  it('is clean when its definitions exist and are of the right kinds', () => {
    const files: Record<string, string> = {
      'statemachines/order.asl.yaml': 'StartAt: A\nStates:\n  A: { Type: Succeed }\n',
      'imagebuilder/hardened-build.yaml': 'schemaVersion: 1.0\nsteps:\n  - name: Launch\n    action: LaunchInstance\n',
      'dags/nightly-etl.yaml': 'nightly_etl:\n  dag_id: nightly_etl\n  tasks:\n    extract:\n      operator: airflow.providers.amazon.aws.operators.s3.S3ListOperator\n',
    };
    const findings = lintManifest(EXAMPLE, { fileExists: (p) => p in files, readFile: (p) => files[p], defaultRegion: 'us-east-1' });
    assert.deepEqual(findings, []);
  });

  it('reports each missing definition, and nothing else, in a workspace without them', () => {
    const findings = lintManifest(EXAMPLE, { fileExists: () => false });
    assert.deepEqual(findings.map((f) => [f.code, f.range.start.line]), [
      ['manifest/definition-not-found', 6],
      ['manifest/definition-not-found', 19],
      ['manifest/definition-not-found', 26],
    ]);
  });

  it('flags a KMS key in another region once the default region moves', () => {
    const moved = EXAMPLE.replace('region: eu-west-1', 'region: us-east-1');
    const findings = lintManifest(moved);
    assert.deepEqual(findings.map((f) => f.code), ['kms/region-mismatch']);
  });

  it('uses the caller\'s region when neither the entry nor defaults sets one', () => {
    const text = 'imageBuilderWorkflows:\n  build:\n    definition: b.yaml\n    type: BUILD\n    kmsKeyId: arn:aws:kms:eu-west-1:123456789012:alias/images\n';
    assert.deepEqual(lintManifest(text, { defaultRegion: 'us-east-1' }).map((f) => f.code), ['kms/region-mismatch']);
    assert.deepEqual(lintManifest(text, { defaultRegion: 'eu-west-1' }), []);
    assert.deepEqual(lintManifest(text), [], 'no region known: nothing to compare');
  });

  it('checkManifest does not repeat the parse findings', () => {
    const parsed = parseManifest('activities:\n  approve: { tagz: {} }\n');
    assert.deepEqual(parsed.findings.map((f) => f.code), ['manifest/unknown-key']);
    assert.deepEqual(checkManifest(parsed, { fileExists: () => true }), []);
  });
});
