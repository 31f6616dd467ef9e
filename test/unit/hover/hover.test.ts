import assert from 'node:assert/strict';
import { hoverAt } from '../../../src/core/hover';
import { parseDocument } from '../../../src/core/parse/document';
import type { DocumentKind } from '../../../src/core/kind';

/** A document with one `|` marking the cursor. */
function at(source: string, format: 'json' | 'yaml', kind: DocumentKind) {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const doc = parseDocument(text, format);
  return { input: { doc, kind }, position: doc.lines.positionAt(offset), text };
}

function hover(source: string, format: 'json' | 'yaml', kind: DocumentKind) {
  const { input, position, text } = at(source, format, kind);
  const result = hoverAt(input, position);
  return result && { ...result, hovered: text.slice(input.doc.lines.offsetAt(result.range.start), input.doc.lines.offsetAt(result.range.end)) };
}

describe('hover: state machines', () => {
  const asl = `{
  "QueryLanguage": "JSONata",
  "StartAt": "Charge",
  "States": {
    "Charge": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": ["States.ALL"], "JitterStrategy": "FULL" }],
      "Next": "Done"
    },
    "Done": { "Type": "Succeed", "Comment": "All paid" }
  }
}`;

  it('explains a retrier field with its values, on the key only', () => {
    const h = hover(asl.replace('"JitterStrategy"', '"Jit|terStrategy"'), 'json', 'stateMachine');
    assert.ok(h);
    assert.equal(h.hovered, '"JitterStrategy"');
    assert.match(h.contents, /\*\*JitterStrategy\*\* — Retry/);
    assert.match(h.contents, /`FULL` · `NONE`/);
  });

  it('says when a JSONPath-only field sits in a JSONata state, naming where the language comes from', () => {
    const h = hover(asl.replace('"Resource"', '"Output|Path"'), 'json', 'stateMachine');
    assert.ok(h);
    assert.equal(h.hovered, '"OutputPath"');
    assert.match(h.contents, /JSONPath only\. This state uses JSONata \(from the top-level QueryLanguage\), so the field is not allowed here\./);
  });

  it('names the state types a field belongs to and flags a state of another type', () => {
    const h = hover(asl.replace('"Comment": "All paid"', '"Sec|onds": 3'), 'json', 'stateMachine');
    assert.ok(h);
    assert.match(h.contents, /\*\*Seconds\*\* — Wait/);
    assert.match(h.contents, /A Succeed state does not take this field\./);
  });

  it('shows the target of Next', () => {
    const h = hover(asl.replace('"Next": "Done"', '"Next": "Do|ne"'), 'json', 'stateMachine');
    assert.ok(h);
    assert.equal(h.hovered, '"Done"');
    assert.match(h.contents, /Goes to \*\*Done\*\* \(Succeed\)\.\n\nAll paid/);
  });

  it('gives the signature of an intrinsic function in YAML', () => {
    const yaml = `StartAt: A
States:
  A:
    Type: Pass
    Parameters:
      id.$: States.Array|Range(1, 10, 2)
    End: true
`;
    const h = hover(yaml, 'yaml', 'stateMachine');
    assert.ok(h);
    assert.equal(h.hovered, 'States.ArrayRange');
    assert.match(h.contents, /`States\.ArrayRange\(integer, integer, integer\)`/);
  });

  it('has nothing to say about payload keys (user data)', () => {
    const yaml = `StartAt: A
States:
  A:
    Type: Pass
    Parameters:
      Ty|pe: mine
    End: true
`;
    assert.equal(hover(yaml, 'yaml', 'stateMachine'), undefined);
  });

  it('knows nested scopes: a state inside a Map ItemProcessor, and ProcessorConfig', () => {
    const yaml = `StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      ProcessorConfig:
        Mo|de: DISTRIBUTED
        ExecutionType: EXPRESS
      StartAt: Inner
      States:
        Inner: { Type: Pass, End: true }
    End: true
`;
    const h = hover(yaml, 'yaml', 'stateMachine');
    assert.ok(h);
    assert.match(h.contents, /\*\*Mode\*\* — ProcessorConfig/);
    assert.match(h.contents, /`INLINE` · `DISTRIBUTED`/);
  });
});

describe('hover: aws-workflows.yaml', () => {
  const manifest = `stateMachines:
  orders:
    definition: orders.asl.json
    encryption:
      type: CUSTOMER_MANAGED_KMS_KEY
      kmsDataKeyReusePeriodSeconds: 300
`;

  it('describes a nested field with its range and default from the generated facts', () => {
    const h = hover(manifest.replace('kmsDataKeyReusePeriodSeconds', 'kmsDataKey|ReusePeriodSeconds'), 'yaml', 'manifest');
    assert.ok(h);
    assert.equal(h.hovered, 'kmsDataKeyReusePeriodSeconds');
    assert.match(h.contents, /\*\*encryption\.kmsDataKeyReusePeriodSeconds\*\* — state machine/);
    assert.match(h.contents, /Range: 60–900/);
    assert.match(h.contents, /Default: 300/);
  });

  it('lists the allowed values of an enum field', () => {
    const h = hover(manifest.replace('      type:', '      ty|pe:'), 'yaml', 'manifest');
    assert.ok(h);
    assert.match(h.contents, /Values: `AWS_OWNED_KEY` · `CUSTOMER_MANAGED_KMS_KEY`/);
  });

  it('describes sections and entry names, and not unknown keys', () => {
    assert.match(hover(manifest.replace('stateMachines', 'state|Machines'), 'yaml', 'manifest')!.contents, /Step Functions state machines/);
    assert.match(hover(manifest.replace('orders:', 'ord|ers:'), 'yaml', 'manifest')!.contents, /\*\*orders\*\*: state machine/);
    assert.equal(hover(manifest.replace('definition', 'defin|itionn'), 'yaml', 'manifest'), undefined);
  });
});
