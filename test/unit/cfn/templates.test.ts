// CloudFormation and SAM templates: kind detection by content, short-form tags with exact ranges,
// resource checks from the registry schemas, definitions through the ASL engine, local paths.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectKind } from '../../../src/core/kind';
import { parseTemplate, intrinsicOf, tagOptions } from '../../../src/core/cfn/parse';
import { parseYamlWithPackage } from '../../../src/core/parse/yaml';
import { parseYamlFast } from '../../../src/core/parse/yamlFast';
import { property } from '../../../src/core/parse/node';
import { applyEdits, codes, covered, lintTemplateText } from './support';

describe('templates: kind', () => {
  it('is recognised by content: AWSTemplateFormatVersion, the SAM transform, or Resources with AWS:: types', () => {
    assert.equal(detectKind('x.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n'), 'cloudFormationTemplate');
    assert.equal(detectKind('x.yml', 'Transform: AWS::Serverless-2016-10-31\nResources: {}\n'), 'cloudFormationTemplate');
    assert.equal(detectKind('x.yml', 'Transform:\n  - AWS::LanguageExtensions\n  - AWS::Serverless-2016-10-31\n'), 'cloudFormationTemplate');
    assert.equal(detectKind('x.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'), 'cloudFormationTemplate');
    // A JSON template with an inline definition is a template, not a state machine.
    assert.equal(detectKind('t.json', '{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {"StartAt": "A", "States": {}}}}}}'), 'cloudFormationTemplate');
  });

  it('is never recognised by name alone', () => {
    assert.equal(detectKind('template.yaml', 'name: my-app\nversion: 1\n'), 'unknown');
    assert.equal(detectKind('template.json', '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}'), 'stateMachine');
    assert.equal(detectKind('stack.yaml', 'Resources:\n  - Type: thing\n'), 'unknown');
  });
});

describe('templates: short-form tags', () => {
  it('become the long form, with the tag as the key range and GetAtt split on the first dot', () => {
    const text = 'A: !GetAtt Fn.Arn.Sub\nB: !Sub "x${C}"\nD: !Join\n  - ""\n  - [a, !Ref E]\n';
    const doc = parseTemplate(text, 'yaml');
    assert.deepEqual(doc.problems, []);
    const a = intrinsicOf(property(doc.root, 'A')!.value)!;
    assert.equal(a.name, 'Fn::GetAtt');
    assert.equal(text.slice(a.prop.keyStart, a.prop.keyEnd), '!GetAtt');
    assert.ok(a.args.kind === 'array');
    assert.deepEqual(a.args.items.map((i) => text.slice(i.start, i.end)), ['Fn', 'Arn.Sub']);
    const b = intrinsicOf(property(doc.root, 'B')!.value)!;
    assert.equal(b.name, 'Fn::Sub');
    assert.equal(text.slice(b.prop.keyStart, b.prop.keyEnd), '!Sub');
    const d = intrinsicOf(property(doc.root, 'D')!.value)!;
    assert.equal(d.name, 'Fn::Join');
    assert.ok(d.args.kind === 'array' && d.args.items[1].kind === 'array');
    const list = d.args.items[1];
    const e = list.kind === "array" ? intrinsicOf(list.items[1]) : undefined;
    assert.equal(e?.name, 'Ref');
  });

  it('without the template option, the fast path gives up on any tag', () => {
    assert.equal(parseYamlFast('A: !Ref B\n'), undefined);
    assert.equal(parseYamlFast('A:\n  - !Sub x\n'), undefined);
    assert.equal(parseYamlFast('A: [!Ref B]\n'), undefined);
    assert.ok(parseYamlFast('A: B!\n'));
  });

  it('read a flow list indented no deeper than its key as CloudFormation does, with a warning', () => {
    const text = 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      Resource: [\n      !Sub "arn:${AWS::Partition}:s3:::a",\n      "b"\n      ]\n';
    const findings = lintTemplateText(text);
    assert.deepEqual(codes(findings), ['parse/yaml-warning']);
  });
});

const SFN = (props: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/states
${props}`;

describe('templates: resource checks', () => {
  it('report enum, name, unknown property and role problems on their characters, with fixes', () => {
    const text = SFN(`      StateMachineType: EXPRES
      StateMachineName: "orders machine"
      TracingConfig: { Enabled: true }
      Definition: { StartAt: A, States: { A: { Type: Succeed } } }
`);
    const findings = lintTemplateText(text);
    assert.deepEqual(findings.map((f) => [f.code, covered(text, f)]), [
      ['cfn/invalid-value', 'EXPRES'],
      ['sfn/name-invalid-char', ' '],
      ['cfn/unknown-property', 'TracingConfig'],
    ]);
    assert.match(applyEdits(text, findings[0].fixes![0].edits), /StateMachineType: EXPRESS\n/);
    assert.match(applyEdits(text, findings[2].fixes![0].edits), /TracingConfiguration: \{ Enabled: true \}/);
  });

  it('never takes an intrinsic for a literal, and checks a Fn::Sub without variables', () => {
    const text = SFN(`      StateMachineType: !Ref Type
      StateMachineName: !Sub "\${AWS::StackName}-orders"
      LoggingConfiguration: !If [Prod, { Level: ALL }, !Ref AWS::NoValue]
      TracingConfiguration: { Enabled: !Ref Tracing }
      Tags: [{ Key: team, Value: !Ref Team }]
      Definition: { StartAt: A, States: { A: { Type: Succeed } } }
`);
    assert.deepEqual(lintTemplateText(text), []);
    const known = SFN(`      StateMachineName: !Sub "orders machine"
      Definition: { StartAt: A, States: { A: { Type: Succeed } } }
`);
    assert.deepEqual(codes(lintTemplateText(known)), ['sfn/name-invalid-char']);
  });

  it('checks EncryptionConfiguration with the KMS rules, in CloudFormation property names', () => {
    const text = SFN(`      EncryptionConfiguration:
        Type: CUSTOMER_MANAGED_KMS_KEY
      Definition: { StartAt: A, States: { A: { Type: Succeed } } }
`);
    const [f] = lintTemplateText(text);
    assert.equal(f.code, 'kms/missing-key');
    assert.equal(covered(text, f), 'CUSTOMER_MANAGED_KMS_KEY');
    assert.match(f.message, /KmsKeyId/);
    const stray = SFN(`      EncryptionConfiguration: { Type: AWS_OWNED_KEY, KmsKeyId: alias/orders }
      Definition: { StartAt: A, States: { A: { Type: Succeed } } }
`);
    const [s] = lintTemplateText(stray);
    assert.equal(s.code, 'kms/stray-key');
    assert.equal(covered(stray, s), 'KmsKeyId');
    assert.doesNotMatch(applyEdits(stray, s.fixes![0].edits), /KmsKeyId/);
  });

  it('requires RoleArn and exactly one definition source', () => {
    const text = 'Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition: { StartAt: A, States: { A: { Type: Succeed } } }\n      DefinitionString: "{}"\n';
    assert.deepEqual(lintTemplateText(text).map((f) => [f.code, covered(text, f)]), [
      ['cfn/missing-property', 'Properties'],
      ['cfn/definition-conflict', 'DefinitionString'],
    ]);
  });

  it('checks Image Builder workflows: version, Data xor Uri, 16,000 characters, and MWAA names', () => {
    const text = `Resources:
  Build:
    Type: AWS::ImageBuilder::Workflow
    Properties:
      Name: build
      Version: 1.0
      Type: BUILD
      Data: ${'x'.repeat(16001)}
      Uri: s3://bucket/wf.yaml
  Env:
    Type: AWS::MWAA::Environment
    Properties:
      Name: 1env
  Flow:
    Type: AWS::MWAAServerless::Workflow
    Properties:
      DefinitionS3Location: { Bucket: b, ObjectKey: k.yaml }
      RoleArn: arn:aws:iam::123456789012:user/me
      TriggerMode: ""
`;
    assert.deepEqual(lintTemplateText(text).map((f) => f.code), [
      'imagebuilder/version-invalid',
      'cfn/length',
      'cfn/imagebuilder-data-and-uri',
      'mwaa/environment-name-invalid',
      'iam/role-arn-invalid',
      'cfn/length',
    ]);
  });
});

describe('templates: definitions through the ASL engine', () => {
  it('checks an inline Definition in place; intrinsics in it are placeholders, not errors', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  M:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Call
        States:
          Call:
            Type: Task
            Resource: !GetAtt Fn.Arn
            Parameters:
              Region.$: !Sub "\${AWS::Region}"
            Next: Missing
`;
    const findings = lintTemplateText(text);
    assert.deepEqual(findings.map((f) => [f.code, covered(text, f)]), [['asl/unknown-state', 'Missing']]);
  });

  it('checks a DefinitionString block scalar, Fn::Join lines and Fn::Sub, with findings on their characters', () => {
    const block = SFN(`      DefinitionString: |
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}
`);
    const [b] = lintTemplateText(block);
    assert.equal(b.code, 'asl/unknown-state');
    assert.equal(covered(block, b), '"Nowhere"');
    const join = SFN(`      DefinitionString: !Join
        - "\\n"
        - - '{"StartAt": "A",'
          - '  "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Gone"}}}'
`);
    const [j] = lintTemplateText(join);
    assert.equal(j.code, 'asl/unknown-state');
    assert.equal(covered(join, j), '"Gone"');
    const sub = SFN(`      DefinitionString: !Sub '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:\${AWS::Partition}:states:::lambda:invoke", "End": true, "Retry": [{"ErrorEquals": []}]}}}'
`);
    const [s] = lintTemplateText(sub);
    assert.equal(s.code, 'asl/invalid-value');
    assert.equal(covered(sub, s), '"ErrorEquals"');
  });

  it('does not judge a Fn::Join whose computed parts make the text unparseable', () => {
    const text = SFN(`      DefinitionString: !Join ["", ['{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ', !Ref Wait, ', "End": true}}}']]
`);
    assert.deepEqual(lintTemplateText(text), []);
  });
});

describe('templates: local paths', () => {
  const sam = (uri: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  M:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: ${uri}
`;
  const files = { 'statemachine/stateMachine.asl.json': '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' };

  it('says when the file exists under another letter case, with the fix', () => {
    const text = sam('statemachine/StateMachine.asl.json');
    const findings = lintTemplateText(text, files);
    assert.deepEqual(findings.map((f) => [f.code, f.severity, covered(text, f)]), [['cfn/path-case-mismatch', 'error', 'statemachine/StateMachine.asl.json']]);
    assert.match(findings[0].message, /Linux/);
    assert.match(applyEdits(text, findings[0].fixes![0].edits), /DefinitionUri: statemachine\/stateMachine\.asl\.json/);
    assert.deepEqual(lintTemplateText(sam('./statemachine/stateMachine.asl.json'), files), []);
  });

  it('reports a missing file with did-you-mean, and does not read outside the workspace', () => {
    const text = sam('statemachine/stateMachin.asl.json');
    const [f] = lintTemplateText(text, files);
    assert.equal(f.code, 'cfn/path-missing');
    assert.match(f.message, /Did you mean 'statemachine\/stateMachine\.asl\.json'/);
    assert.deepEqual(codes(lintTemplateText(sam('s3://bucket/key.asl.json'), files)), []);
  });
});

describe('templates: the YAML fast path with short-form tags', () => {
  const corpus = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'serverless-patterns');
  const templates = existsSync(corpus) ? readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)(template|stack)\.ya?ml$/.test(f)) : [];
  const samples = [
    'A: !GetAtt Fn.Arn\nB: !Sub "x${C}"\nD: !Join\n  - ""\n  - [a, !Ref E]\nF: !If [c, {a: !Ref B}, !Ref AWS::NoValue]\nG:\n  - !Ref H\n  - !Sub\n    - "${X}"\n    - X: !GetAtt I.Arn\n',
    "K: !Select [0, !GetAZs '']\nL: !Equals [!Ref Stage, prod]\n",
    'S: !Join\n  - "\\n"\n  - - \'{\'\n    - \'  "a": 1\'\n    - !Sub \'"b": "${X}"\'\n    - \'}\'\nT:\n  - - a\n    - b\n  - - c\nU: x\n',
  ];

  it('gives the full parser\'s tree and offsets on real templates and samples', () => {
    let fast = 0;
    for (const [name, text] of [...templates.map((f) => [f, readFileSync(path.join(corpus, f), 'utf8')]), ...samples.map((s, i) => [`sample ${i}`, s])]) {
      const tags = tagOptions(text);
      const quick = parseYamlFast(text, tags);
      if (!quick) continue;
      fast++;
      assert.deepEqual(quick, parseYamlWithPackage(text, tags), name);
    }
    // Most real templates have a folded Description (`>`), which the fast path leaves to the full parser.
    assert.ok(fast >= samples.length + (templates.length ? 5 : 0), `${fast} of ${templates.length + samples.length} read by the fast path`);
  });

  it('still gives up on tags it does not know, and on any tag without the tags option', () => {
    assert.equal(parseYamlFast('A: !Custom x\n', tagOptions('A: !Custom x\n')), undefined);
    assert.equal(parseYamlFast('A: !Ref x\n'), undefined);
  });
});

describe('templates: hovers', () => {
  it('show a property\'s schema facts, a substitution\'s uses, and the ASL hovers inside an inline definition', async () => {
    const { hoverAt } = await import('../../../src/core/hover');
    const text = SFN(`      StateMachineType: STANDARD
      DefinitionSubstitutions:
        Table: orders
      Definition:
        StartAt: A
        States:
          A:
            Type: Pass
            Result: \${Table}
            End: true
`);
    const doc = parseTemplate(text, 'yaml');
    const at = (needle: string) => {
      const offset = text.indexOf(needle) + 1;
      return hoverAt({ doc, kind: 'cloudFormationTemplate' }, doc.lines.positionAt(offset))?.contents ?? '';
    };
    assert.match(at('StateMachineType'), /STANDARD`, `EXPRESS/);
    assert.match(at('Table: orders'), /Used once in the definition/);
    assert.match(at('Type: Pass'), /Pass/);
  });
});
