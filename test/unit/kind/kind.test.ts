import assert from 'node:assert/strict';
import { detectKind, kindFromContent } from '../../../src/core/kind';
import { parseManifest } from '../../../src/core/manifest';

const ASL_JSON = '{\n  "Comment": "x",\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed" } }\n}\n';
const ASL_YAML = 'Comment: x\nStartAt: A\nStates:\n  A:\n    Type: Succeed\n';
const IMAGE_BUILDER = 'name: build\nschemaVersion: 1.0\nsteps:\n  - name: Launch\n    action: LaunchInstance\n';
const DAG = '# nightly\nnightly_etl:\n  dag_id: nightly_etl\n  schedule: "@daily"\n  tasks:\n    t:\n      operator: airflow.operators.empty.EmptyOperator\n';

describe('detectKind', () => {
  it('recognises each kind from content, whatever the file is called', () => {
    assert.equal(detectKind('order.json', ASL_JSON), 'stateMachine');
    assert.equal(detectKind('order.yaml', ASL_YAML), 'stateMachine');
    assert.equal(detectKind('hardened.yml', IMAGE_BUILDER), 'imageBuilderWorkflow');
    assert.equal(detectKind('nightly.yaml', DAG), 'airflowWorkflow');
    assert.equal(detectKind('build.json', '{ "schemaVersion": "1.0", "steps": [] }'), 'imageBuilderWorkflow');
  });

  it('does not mistake nested keys or other YAML for a definition', () => {
    // StartAt/States nested under another key (a CloudFormation template) is not a state machine file.
    assert.equal(kindFromContent('Resources:\n  Machine:\n    Definition:\n      StartAt: A\n      States: {}\n'), 'unknown');
    assert.equal(kindFromContent('name: x\nsteps:\n  - run: echo\n'), 'unknown');
    // A GitHub workflow has jobs with steps, not DAGs with tasks.
    assert.equal(kindFromContent('name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: []\n'), 'unknown');
    // `tasks` deeper than the first level (e.g. a task's own field) does not make a DAG.
    assert.equal(kindFromContent('group:\n  inner:\n    tasks:\n      a: {}\n'), 'unknown');
    assert.equal(kindFromContent('{ "tasks": [] }'), 'unknown');
    assert.equal(kindFromContent(''), 'unknown');
  });

  it('falls back to the file name for .asl files and the manifest', () => {
    assert.equal(detectKind('flows/new.asl.json', '{}'), 'stateMachine');
    assert.equal(detectKind('flows/new.asl.yml', ''), 'stateMachine');
    assert.equal(detectKind('/work/project/aws-workflows.yaml', ''), 'manifest');
    assert.equal(detectKind('C:\\project\\aws-workflows.yaml', 'stateMachines: {}'), 'manifest');
    assert.equal(detectKind('notes.yaml', 'hello: world\n'), 'unknown');
  });

  it('lets the manifest entry that names the file decide first', () => {
    const { manifest } = parseManifest([
      'stateMachines:',
      '  orders: { definition: defs/orders.yaml, roleArn: "arn:aws:iam::123456789012:role/r" }',
      'imageBuilderWorkflows:',
      '  hardened: { definition: ./defs/hardened.yaml, type: BUILD, version: 1.0.0 }',
      'airflowWorkflows:',
      '  nightly: { definition: defs/nightly.yaml, roleArn: "arn:aws:iam::123456789012:role/r" }',
      '',
    ].join('\n'));
    // Content alone would say otherwise (or nothing): the manifest wins.
    assert.equal(detectKind('/abs/project/defs/orders.yaml', 'hello: world\n', manifest), 'stateMachine');
    assert.equal(detectKind('defs/hardened.yaml', '', manifest), 'imageBuilderWorkflow');
    assert.equal(detectKind('defs\\nightly.yaml', ASL_YAML, manifest), 'airflowWorkflow');
    // Only whole path segments match.
    assert.equal(detectKind('other-defs/orders.yaml', 'hello: world\n', manifest), 'unknown');
    assert.equal(detectKind('elsewhere.yaml', DAG, manifest), 'airflowWorkflow');
  });
});
