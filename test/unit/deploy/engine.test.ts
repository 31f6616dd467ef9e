import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/core/parse/document';
import { nextPatchVersion, sortVersionsDescending } from '../../../src/deploy/engine/versions';
import { createStateMachineInput, stateMachineChanges, versionFromArn } from '../../../src/deploy/engine/stateMachine';
import { definitionKey } from '../../../src/deploy/engine/s3';
import { placeServiceDiagnostics } from '../../../src/deploy/engine/serviceValidation';
import { toStateMachineJson } from '../../../src/deploy/engine/definition';
import { formatResultLine } from '../../../src/deploy/engine/deploy';
import { airflowWorkflowChanges } from '../../../src/deploy/engine/airflowServerless';
import { deployCommand } from '../../../src/cli/deploy';

const DEF = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';

describe('deploy engine (pure parts)', () => {
  it('offers the patch after the newest version, by number not by text', () => {
    assert.equal(nextPatchVersion([]), '1.0.0');
    assert.equal(nextPatchVersion(['1.2.9', '1.10.0', '1.9.3', 'junk']), '1.10.1');
    assert.deepEqual(sortVersionsDescending(['1.0.0', '2.0.0', '1.0.10', '1.0.2']), ['2.0.0', '1.0.10', '1.0.2', '1.0.0']);
  });

  it('sends only type with an AWS owned key, and key and period with a customer key', () => {
    const aws = createStateMachineInput('sm', { roleArn: 'r', encryption: { type: 'AWS_OWNED_KEY', kmsKeyId: 'alias/x' } }, DEF);
    assert.deepEqual(aws.encryptionConfiguration, { type: 'AWS_OWNED_KEY' });
    const cmk = createStateMachineInput('sm', { roleArn: 'r', encryption: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/orders', kmsDataKeyReusePeriodSeconds: 120 } }, DEF);
    assert.deepEqual(cmk.encryptionConfiguration, { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/orders', kmsDataKeyReusePeriodSeconds: 120 });
  });

  it('sends versionDescription only with publish, and logging with its destination', () => {
    const noPublish = createStateMachineInput('sm', { roleArn: 'r', versionDescription: 'x' }, DEF);
    assert.equal(noPublish.versionDescription, undefined);
    const input = createStateMachineInput('sm', { roleArn: 'r', publish: true, versionDescription: 'x', logging: { level: 'ERROR', logGroupArn: 'arn:aws:logs:us-east-1:1:log-group:/a:*' }, tags: { team: 'a' } }, DEF);
    assert.equal(input.versionDescription, 'x');
    assert.deepEqual(input.loggingConfiguration?.destinations, [{ cloudWatchLogsLogGroup: { logGroupArn: 'arn:aws:logs:us-east-1:1:log-group:/a:*' } }]);
    assert.deepEqual(input.tags, [{ key: 'team', value: 'a' }]);
  });

  it('names exactly what an update changes, ignoring formatting and fields the entry leaves out', () => {
    const deployed = {
      name: 'sm', stateMachineArn: 'arn', definition: JSON.stringify(JSON.parse(DEF), null, 4), roleArn: 'role-a', type: 'STANDARD' as const, creationDate: new Date(),
      encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY' as const, kmsKeyId: 'alias/a', kmsDataKeyReusePeriodSeconds: 300 },
      tracingConfiguration: { enabled: true },
    };
    assert.deepEqual(stateMachineChanges(deployed, createStateMachineInput('sm', { roleArn: 'role-a' }, DEF)), []);
    assert.deepEqual(stateMachineChanges(deployed, createStateMachineInput('sm', { roleArn: 'role-a', encryption: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/a' }, tracing: true }, DEF)), []);
    const changes = stateMachineChanges(deployed, createStateMachineInput('sm', {
      roleArn: 'role-b', tracing: false, encryption: { type: 'AWS_OWNED_KEY' },
    }, DEF.replace('"Pass"', '"Succeed"').replace(',"End":true', '')));
    assert.deepEqual(changes.map((c) => c.field), ['definition', 'role', 'tracing', 'encryption']);
    assert.match(changes[1].summary, /role-a → role-b/);
    assert.match(changes[3].summary, /customer managed key alias\/a.*→ AWS owned key/);
  });

  it('MWAA Serverless: TriggerMode and EngineVersion changes are named; fields the entry leaves out are not', () => {
    const deployed = { WorkflowArn: 'arn', RoleArn: 'r', TriggerMode: 'SCHEDULE', EngineVersion: 1, WorkflowDefinition: 'a: 1\n' };
    assert.deepEqual(airflowWorkflowChanges(deployed, { RoleArn: 'r', TriggerMode: 'MANUAL', EngineVersion: 2 }, 'a: 1\n').map((c) => c.summary), ['trigger mode SCHEDULE → MANUAL', 'engine version 1 → 2']);
    assert.deepEqual(airflowWorkflowChanges(deployed, { RoleArn: 'r' }, 'a: 1\n'), []);
  });

  it('reads the version number from a version ARN', () => {
    assert.equal(versionFromArn('arn:aws:states:us-east-1:000000000000:stateMachine:sm:12'), '12');
    assert.equal(versionFromArn('arn:aws:states:us-east-1:000000000000:stateMachine:sm'), undefined);
  });

  it('converts YAML definitions to JSON and sends JSON files as written', () => {
    assert.deepEqual(JSON.parse(toStateMachineJson('StartAt: A\nStates:\n  A: {Type: Succeed}\n', 'a.asl.yaml')), { StartAt: 'A', States: { A: { Type: 'Succeed' } } });
    assert.equal(toStateMachineJson(DEF, 'a.asl.json'), DEF);
  });

  it('puts definitions under definitionPrefix with forward slashes', () => {
    assert.equal(definitionKey({ definitionPrefix: 'workflows' }, './dags\\etl.yaml'), 'workflows/dags/etl.yaml');
    assert.equal(definitionKey({}, 'dags/etl.yaml'), 'dags/etl.yaml');
  });

  it('places service diagnostics on the key their location names, in YAML too', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Fail\n    ErrorPath: 42\n';
    const [f] = placeServiceDiagnostics(parseDocument(text, 'yaml'), [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'bad', location: '/States/A/ErrorPath' }], 'Step Functions');
    assert.deepEqual(f.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 13 } });
    assert.equal(f.severity, 'error');
    assert.equal(f.code, 'SCHEMA_VALIDATION_FAILED');
  });

  it('prints one result line with kind, name, action, ARN and version', () => {
    const line = formatResultLine({ kind: 'stateMachine', name: 'sm', region: 'us-east-1', action: 'updated', arn: 'arn:x', version: '3', warnings: [], message: '' });
    assert.match(line, /^state machine\s+sm\s+updated\s+arn:x v3$/);
  });

  it('parses the deploy options', () => {
    const parsed = deployCommand.parse(['a', '--file=x.yaml', '--region', 'eu-west-1', '--dry-run', '-y']);
    assert.deepEqual(parsed, { operands: ['a'], flags: { __proto__: null, file: 'x.yaml', region: 'eu-west-1', profile: undefined, 'dry-run': true, yes: true, verbose: false, 'request-timeout': undefined } });
    assert.throws(() => deployCommand.parse(['--region']), /--region needs a value/);
    assert.throws(() => deployCommand.parse(['--region', '--dry-run']), /--region needs a value/);
    assert.throws(() => deployCommand.parse(['--dry-run=1']), /--dry-run takes no value/);
    assert.throws(() => deployCommand.parse(['--force']), /unknown option '--force'/);
    assert.deepEqual(deployCommand.parse(['--', '--force']).operands, ['--force']);
  });
});
