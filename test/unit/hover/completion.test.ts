import assert from 'node:assert/strict';
import { completionsAt } from '../../../src/core/hover';
import { parseDocument } from '../../../src/core/parse/document';
import type { DocumentKind } from '../../../src/core/kind';

/** Completions at the `|` in the source; `applied` is the text after inserting the first item. */
function complete(source: string, format: 'json' | 'yaml', kind: DocumentKind) {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const doc = parseDocument(text, format);
  const items = completionsAt({ doc, kind }, doc.lines.positionAt(offset));
  const apply = (label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no item ${label} in ${items.map((i) => i.label).join(', ')}`);
    return text.slice(0, doc.lines.offsetAt(item.range.start)) + item.insertText + text.slice(doc.lines.offsetAt(item.range.end));
  };
  return { labels: items.map((i) => i.label), items, apply };
}

describe('completion: state machines', () => {
  const json = (cursorLine: string) => `{
  "StartAt": "Validate",
  "States": {
    "Validate": { "Type": "Pass", "Next": "Charge" },
    "Charge": {
      ${cursorLine}
    },
    "Done": { "Type": "Succeed" }
  }
}`;

  it('offers the state types inside the quotes of Type, replacing what is typed', () => {
    const c = complete(json('"Type": "Ta|"'), 'json', 'stateMachine');
    assert.deepEqual(c.labels, ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
    assert.match(c.apply('Task'), /"Type": "Task"\n/);
  });

  it('adds the quotes in JSON when none is typed yet', () => {
    const c = complete(json('"Type": |'), 'json', 'stateMachine');
    assert.match(c.apply('Choice'), /"Type": "Choice"\n/);
  });

  it('offers the other states of the same scope for Next, with their types', () => {
    const c = complete(json('"Type": "Task", "Next": "|"'), 'json', 'stateMachine');
    assert.deepEqual(c.labels, ['Validate', 'Done']);
    assert.equal(c.items[1].detail, 'Succeed state');
  });

  it('offers only the states of the enclosing branch inside a Parallel, and every state for StartAt', () => {
    const yaml = `StartAt: P
States:
  P:
    Type: Parallel
    Branches:
      - StartAt: |
        States:
          B1: { Type: Pass, Next: B2 }
          B2: { Type: Succeed }
    End: true
`;
    assert.deepEqual(complete(yaml, 'yaml', 'stateMachine').labels, ['B1', 'B2']);
    const nextInBranch = yaml.replace('StartAt: |', 'StartAt: B1').replace('Next: B2', 'Next: |');
    assert.deepEqual(complete(nextInBranch, 'yaml', 'stateMachine').labels, ['B2']);
  });

  it('offers JitterStrategy, QueryLanguage and ProcessorConfig.Mode values in YAML', () => {
    const base = `StartAt: M
States:
  M:
    Type: Map
    QueryLanguage: JSONata
    ItemProcessor:
      ProcessorConfig:
        Mode: INLINE
      StartAt: X
      States:
        X: { Type: Pass, End: true }
    Retry:
      - ErrorEquals: [States.ALL]
        JitterStrategy: FULL
    End: true
`;
    assert.deepEqual(complete(base.replace('JitterStrategy: FULL', 'JitterStrategy: |'), 'yaml', 'stateMachine').labels, ['FULL', 'NONE']);
    assert.deepEqual(complete(base.replace('QueryLanguage: JSONata', 'QueryLanguage: JSON|ata'), 'yaml', 'stateMachine').labels, ['JSONPath', 'JSONata']);
    const mode = complete(base.replace('Mode: INLINE', 'Mode: |'), 'yaml', 'stateMachine');
    assert.deepEqual(mode.labels, ['INLINE', 'DISTRIBUTED']);
    assert.match(mode.apply('DISTRIBUTED'), /Mode: DISTRIBUTED\n/);
  });

  it('offers nothing for free-form fields and payload keys', () => {
    assert.deepEqual(complete(json('"Type": "Task", "Resource": "|"'), 'json', 'stateMachine').labels, []);
    assert.deepEqual(complete(json('"Type": "Pass", "Parameters": { "Type": "|" }'), 'json', 'stateMachine').labels, []);
  });
});

describe('completion: aws-workflows.yaml', () => {
  const manifest = `stateMachines:
  orders:
    definition: orders.asl.json
    type: |
    logging:
      level: ERROR
airflowWorkflows:
  etl:
    encryption:
      type: AWS_MANAGED_KEY
`;

  it('offers the state machine types from the generated model facts', () => {
    const c = complete(manifest, 'yaml', 'manifest');
    assert.deepEqual(c.labels, ['STANDARD', 'EXPRESS']);
    assert.match(c.apply('EXPRESS'), /type: EXPRESS\n/);
  });

  it('offers values per service: logging.level and MWAA Serverless encryption.type', () => {
    const m = manifest.replace('type: |', 'type: STANDARD');
    assert.deepEqual(complete(m.replace('level: ERROR', 'level: |'), 'yaml', 'manifest').labels, ['ALL', 'ERROR', 'FATAL', 'OFF']);
    assert.deepEqual(complete(m.replace('type: AWS_MANAGED_KEY', 'type: |'), 'yaml', 'manifest').labels, ['AWS_MANAGED_KEY', 'CUSTOMER_MANAGED_KEY']);
  });
});

describe('completion: Image Builder documents', () => {
  const doc = `name: build
schemaVersion: 1.0
parameters:
  - name: waitForActionAtEnd
    type: boolean
steps:
  - name: LaunchBuildInstance
    action: LaunchInstance
    onFailure: Abort
  - name: CreateOutputAMI
    action: CreateImage
    inputs:
      instanceId.$: "$.stepOutputs.|"
  - name: TerminateBuildInstance
    action: TerminateInstance
outputs:
  - name: ImageId
    value: $.stepOutputs.CreateOutputAMI.imageId
`;

  it('offers only earlier steps after $.stepOutputs.', () => {
    const c = complete(doc, 'yaml', 'imageBuilderWorkflow');
    assert.deepEqual(c.labels, ['LaunchBuildInstance']);
    assert.match(c.apply('LaunchBuildInstance'), /"\$\.stepOutputs\.LaunchBuildInstance"/);
  });

  it('offers every step in the document outputs, replacing the partial name', () => {
    const d = doc.replace('"$.stepOutputs.|"', '"x"').replace('$.stepOutputs.CreateOutputAMI.imageId', '$.stepOutputs.Cre|ateOutputAMI.imageId');
    const c = complete(d, 'yaml', 'imageBuilderWorkflow');
    assert.deepEqual(c.labels, ['LaunchBuildInstance', 'CreateOutputAMI', 'TerminateBuildInstance']);
    assert.match(c.apply('TerminateBuildInstance'), /\$\.stepOutputs\.TerminateBuildInstance\.imageId/);
  });

  it('offers declared parameters after $.parameters. and actions from the generated list', () => {
    assert.deepEqual(complete(doc.replace('$.stepOutputs.|', '$.parameters.|'), 'yaml', 'imageBuilderWorkflow').labels, ['waitForActionAtEnd']);
    const actions = complete(doc.replace('"$.stepOutputs.|"', '"x"').replace('action: CreateImage', 'action: |'), 'yaml', 'imageBuilderWorkflow').labels;
    assert.ok(actions.includes('CreateImage') && actions.includes('WaitForAction'));
    assert.deepEqual(complete(doc.replace('"$.stepOutputs.|"', '"x"').replace('onFailure: Abort', 'onFailure: |'), 'yaml', 'imageBuilderWorkflow').labels, ['Abort', 'Continue']);
  });
});
