// Templates drawn by the graph: one container per state machine resource, its definition's graph
// inside, node places in the template's text (inline and DefinitionString) so reveal lands there.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildGraph, graphFindings, graphKindOf, nodeLocator, type GraphModel, type GraphNode, type GraphResult } from '../../../src/core/graph/index';
import { layoutGraph } from '../../../src/core/graph/layout';
import { renderSvg } from '../../../src/core/graph/svg';
import { toDot } from '../../../src/core/graph/dot';
import { lintText } from '../../../src/core/lint';
import { containedFileReader } from '../../../src/files/templateFiles';

function model(result: GraphResult): GraphModel {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.model;
}

const node = (m: GraphModel, id: string): GraphNode => {
  const n = m.nodes.find((x) => x.id === id);
  assert.ok(n, `no node ${id}: ${m.nodes.map((x) => x.id).join(', ')}`);
  return n;
};

/** The template text at a node's name: what reveal selects. */
const nameText = (text: string, n: GraphNode) => text.slice(n.source!.nameStart, n.source!.nameEnd);

const SAM_INLINE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrderFunction:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs20.x, CodeUri: src/ }
  OrderFlow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionSubstitutions:
        TableName: !Ref Orders
      Definition:
        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource: !GetAtt OrderFunction.Arn
            Catch:
              - ErrorEquals: [States.ALL]
                Next: Failed
            Next: Store
          Store:
            Type: Task
            Resource: arn:aws:states:::dynamodb:putItem
            Parameters:
              TableName: \${TableName}
            End: true
          Failed:
            Type: Fail
            Error: ChargeFailed
`;

describe('graph of a template', () => {
  it('draws a SAM inline YAML Definition in a container, with places in the template', () => {
    assert.equal(graphKindOf('template.yaml', SAM_INLINE), 'cloudFormationTemplate');
    const m = model(buildGraph({ fileName: 'template.yaml', text: SAM_INLINE }));
    assert.equal(m.kind, 'cloudFormationTemplate');
    const container = node(m, 'OrderFlow');
    assert.deepEqual([container.kind, container.label, container.detail, container.parent], ['stateMachine', 'OrderFlow', 'AWS::Serverless::StateMachine', undefined]);
    assert.equal(nameText(SAM_INLINE, container), 'OrderFlow');
    assert.deepEqual(m.nodes.filter((n) => n.parent === 'OrderFlow').map((n) => [n.id, n.kind]), [
      ['OrderFlow/::start', 'start'], ['OrderFlow/Charge', 'task'], ['OrderFlow/Store', 'task'], ['OrderFlow/Failed', 'fail'], ['OrderFlow/::end', 'end'],
    ]);
    for (const id of ['Charge', 'Store', 'Failed']) assert.equal(nameText(SAM_INLINE, node(m, `OrderFlow/${id}`)), id);
    // The intrinsic and the substitution stay as text.
    assert.equal(node(m, 'OrderFlow/Charge').detail, '${OrderFunction.Arn}');
    assert.deepEqual(m.edges.map((e) => [e.from, e.to, e.kind]).sort(), [
      ['OrderFlow/Charge', 'OrderFlow/Store', 'next'], ['OrderFlow/Charge', 'OrderFlow/Failed', 'catch'],
      ['OrderFlow/::start', 'OrderFlow/Charge', 'start'], ['OrderFlow/Store', 'OrderFlow/::end', 'end'], ['OrderFlow/Failed', 'OrderFlow/::end', 'end'],
    ].sort());
    // The cursor in a state finds it; in the function resource, nothing.
    const locate = nodeLocator(m);
    assert.equal(locate(SAM_INLINE.indexOf('arn:aws:states:::dynamodb:putItem'))?.id, 'OrderFlow/Store');
    assert.equal(locate(SAM_INLINE.indexOf('Handler')), undefined);
    const layout = layoutGraph(m);
    assert.ok(renderSvg(layout).includes('data-id="OrderFlow/Charge"'));
    assert.match(toDot(m), /subgraph "cluster_OrderFlow"/);
  });

  it('marks the template\'s findings on the states where they are written', () => {
    const text = SAM_INLINE.replace('Next: Store', 'Next: Stored');
    const lint = lintText({ fileName: 'template.yaml', text });
    const m = model(buildGraph({ fileName: 'template.yaml', text, findings: graphFindings(lint.findings) }));
    assert.equal(node(m, 'OrderFlow/Charge').severity, 'error');
    assert.deepEqual(node(m, 'OrderFlow/Charge').findings.map((f) => f.code), ['asl/unknown-state']);
    assert.equal(node(m, 'OrderFlow/Store').severity, undefined);
  });

  it('draws a CloudFormation JSON DefinitionString with Fn::Sub, places mapped back through the string', () => {
    const definition = JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 5, Next: 'Notify' }, Notify: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: '${Topic}' }, End: true } } }, null, 2);
    const text = JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Topic: { Type: 'AWS::SNS::Topic' },
        Notifier: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: 'arn:aws:iam::123456789012:role/r', DefinitionString: { 'Fn::Sub': definition } } },
      },
    }, null, 2);
    const m = model(buildGraph({ fileName: 'stack.json', text }));
    assert.deepEqual(node(m, 'Notifier').detail, 'AWS::StepFunctions::StateMachine');
    assert.deepEqual(m.nodes.filter((n) => n.parent === 'Notifier').map((n) => n.id), ['Notifier/::start', 'Notifier/Wait', 'Notifier/Notify', 'Notifier/::end']);
    assert.equal(node(m, 'Notifier/Wait').detail, 'Seconds 5');
    // In the template the state's name is inside an escaped string (`\"Wait\"`): reveal selects the name.
    for (const id of ['Wait', 'Notify']) assert.equal(nameText(text, node(m, `Notifier/${id}`)), id);
    const notify = node(m, 'Notifier/Notify');
    assert.equal(notify.source!.nameRange.start.line, text.slice(0, notify.source!.nameStart).split('\n').length - 1);
    assert.ok(m.edges.some((e) => e.from === 'Notifier/Wait' && e.to === 'Notifier/Notify' && e.kind === 'next'));
  });

  it('draws two state machines side by side, each in its own container, ids kept apart', () => {
    const text = `Resources:
  First:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/r
      Definition:
        StartAt: Go
        States:
          Go: { Type: Pass, End: true }
  Second:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Go
        States:
          Go: { Type: Pass, Next: Done }
          Done: { Type: Succeed }
`;
    const m = model(buildGraph({ fileName: 'template.yml', text }));
    assert.deepEqual(m.nodes.filter((n) => n.kind === 'stateMachine').map((n) => [n.id, n.parent]), [['First', undefined], ['Second', undefined]]);
    assert.deepEqual(m.nodes.filter((n) => n.kind === 'pass').map((n) => [n.id, n.parent]), [['First/Go', 'First'], ['Second/Go', 'Second']]);
    assert.ok(nameText(text, node(m, 'Second/Go')) === 'Go' && node(m, 'Second/Go').source!.start > node(m, 'First/Go').source!.start);
    const layout = layoutGraph(m);
    const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
    const [a, b] = [box('First'), box('Second')];
    assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, 'containers do not overlap');
  });

  it('draws a DefinitionUri file through the contained reader, and notes what it cannot read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'graph-template-'));
    try {
      mkdirSync(path.join(dir, 'app', 'statemachine'), { recursive: true });
      writeFileSync(path.join(dir, 'app', 'statemachine', 'flow.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${FnArn}", "Next": "B"}, "B": {"Type": "Succeed"}}}');
      writeFileSync(path.join(dir, 'secret.asl.json'), '{"StartAt": "Leak", "States": {"Leak": {"Type": "Succeed"}}}');
      symlinkSync(path.join(dir, 'secret.asl.json'), path.join(dir, 'app', 'statemachine', 'linked.asl.json'));
      const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  FromFile:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/flow.asl.json
      DefinitionSubstitutions: { FnArn: !GetAtt Fn.Arn }
  Missing:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/missing.asl.json
  Outside:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/linked.asl.json
  Remote:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: s3://bucket/flow.asl.json
`;
      // The workspace is app/: the link leads out of it.
      const readFile = containedFileReader(path.join(dir, 'app'), [path.join(dir, 'app')]);
      const m = model(buildGraph({ fileName: 'template.yaml', text, readFile }));
      assert.deepEqual(m.nodes.filter((n) => n.parent === 'FromFile').map((n) => [n.id, n.kind]), [['FromFile/::start', 'start'], ['FromFile/A', 'task'], ['FromFile/B', 'succeed'], ['FromFile/::end', 'end']]);
      // The substitution stays as text; places in the file are not the template's, so none.
      assert.equal(node(m, 'FromFile/A').detail, '${FnArn}');
      assert.equal(node(m, 'FromFile/A').source, undefined);
      const note = (id: string) => {
        const inside = m.nodes.filter((n) => n.parent === id);
        assert.deepEqual(inside.map((n) => n.kind), ['note'], id);
        return inside[0].description;
      };
      assert.equal(note('Missing'), "Its DefinitionUri 'statemachine/missing.asl.json' cannot be read (it does not exist), so it is not drawn.");
      assert.equal(note('Outside'), "Its DefinitionUri 'statemachine/linked.asl.json' cannot be read (it leads outside the workspace), so it is not drawn.");
      assert.equal(note('Remote'), "Its DefinitionUri 's3://bucket/flow.asl.json' is not a local file, so it is not drawn.");
      assert.ok(!m.nodes.some((n) => n.label === 'Leak'));
      // Without a reader (no file system), the file is noted, not read.
      const bare = model(buildGraph({ fileName: 'template.yaml', text }));
      assert.deepEqual(bare.nodes.filter((n) => n.parent === 'FromFile').map((n) => n.kind), ['note']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is offered only for templates that declare a state machine', () => {
    assert.equal(graphKindOf('template.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'), undefined);
    const result = buildGraph({ fileName: 'template.yaml', text: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' });
    assert.equal(result.ok, false);
    assert.equal(graphKindOf('t.json', '{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {}}}}'), 'cloudFormationTemplate');
  });
});
