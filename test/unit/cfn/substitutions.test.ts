// Item 4 of the templates issue: each substitution rule fires at its exact range and not on its
// neighbour, in the template (inline Definition, DefinitionString) and in a DefinitionUri file.
import assert from 'node:assert/strict';
import { applyEdits, covered, lintDefinitionFile, lintTemplateText } from './support';

const template = (definition: string, substitutions: string) => `Transform: AWS::Serverless-2016-10-31
Parameters:
  TableName: { Type: String }
Resources:
  Worker:
    Type: AWS::Serverless::Function
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
${definition}
      DefinitionSubstitutions:
${substitutions}
`;

const INLINE = `      Definition:
        StartAt: Get
        States:
          Get:
            Type: Task
            Resource: arn:aws:states:::dynamodb:getItem
            Parameters:
              TableName: \${TableName}
              Key: \${KeyName}
            Next: Call
          Call:
            Type: Task
            Resource: \${WorkerArn}
            End: true`;

describe('substitutions: a placeholder without a key is an error at the ${X}', () => {
  it('inline Definition: at ${KeyName}, not at its provided neighbour ${TableName}', () => {
    const text = template(INLINE, '        TableName: !Ref TableName\n        WorkerArn: !GetAtt Worker.Arn');
    const findings = lintTemplateText(text).filter((f) => f.code === 'cfn/substitution-missing');
    assert.deepEqual(findings.map((f) => covered(text, f)), ['${KeyName}']);
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /'Machine'/);
  });

  it('the fix adds the key (a GetAtt when the name is a resource and an attribute), after which the error is gone', () => {
    const text = template(INLINE, '        TableName: !Ref TableName\n        KeyName: id');
    const [f] = lintTemplateText(text).filter((x) => x.code === 'cfn/substitution-missing');
    assert.equal(covered(text, f), '${WorkerArn}');
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.match(fixed, /KeyName: id\n {8}WorkerArn: !GetAtt Worker\.Arn\n/);
    assert.deepEqual(lintTemplateText(fixed).filter((x) => x.code.startsWith('cfn/substitution')), []);
  });

  it('a DefinitionUri file: at ${X} in the file, naming the template and resource; the fix edits the template', () => {
    const text = template('      DefinitionUri: sm.asl.json', '        TableName: !Ref TableName');
    const asl = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",\n  "Parameters": {"TableName": "${TableName}", "Key": "${KeyName}"}, "End": true}}}';
    const findings = lintDefinitionFile('sm.asl.json', asl, [{ fileName: 'template.yaml', text }]);
    assert.deepEqual(findings.map((f) => [f.code, covered(asl, f)]), [['cfn/substitution-missing', '${KeyName}']]);
    assert.match(findings[0].message, /template\.yaml \(resource 'Machine'\)/);
    const edit = findings[0].fixes![0].edits[0];
    assert.equal(edit.file, 'template.yaml');
    assert.match(applyEdits(text, [edit]), /TableName: !Ref TableName\n {8}KeyName: ""\n/);
  });

  it('${AWS::Region} in Fn::Sub is CloudFormation\'s; ${!X} in Fn::Sub is a placeholder', () => {
    const text = template(`      Definition:
        StartAt: A
        States:
          A:
            Type: Pass
            Parameters:
              Region: !Sub "\${AWS::Region}"
              Literal: !Sub "\${!Later}"
            End: true`, '        Other: x');
    const findings = lintTemplateText(text).filter((f) => f.code === 'cfn/substitution-missing');
    assert.deepEqual(findings.map((f) => covered(text, f)), ['${!Later}']);
  });
});

describe('substitutions: a key no placeholder uses is a warning at its key', () => {
  it('at the unused key, not at its used neighbour; the fix removes the line', () => {
    const text = template(INLINE, '        TableName: !Ref TableName\n        KeyName: id\n        WorkerArn: !GetAtt Worker.Arn\n        ModelId: claude');
    const findings = lintTemplateText(text).filter((f) => f.code === 'cfn/substitution-unused');
    assert.deepEqual(findings.map((f) => [f.severity, covered(text, f)]), [['warning', 'ModelId']]);
    const fixed = applyEdits(text, findings[0].fixes![0].edits);
    assert.doesNotMatch(fixed, /ModelId/);
    assert.match(fixed, /WorkerArn: !GetAtt Worker\.Arn\n/);
    assert.deepEqual(lintTemplateText(fixed).filter((f) => f.code.startsWith('cfn/')), []);
  });

  it('for a DefinitionUri file, from the file\'s placeholders', () => {
    const text = template('      DefinitionUri: sm.asl.json', '        Used: a\n        Unused: b');
    const findings = lintTemplateText(text, { 'sm.asl.json': '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "${Used}", "End": true}}}' });
    assert.deepEqual(findings.map((f) => [f.code, covered(text, f)]), [['cfn/substitution-unused', 'Unused']]);
  });

  it('not when the definition cannot be read', () => {
    const text = template('      DefinitionUri: s3://bucket/sm.asl.json', '        Unused: b');
    assert.deepEqual(lintTemplateText(text), []);
  });
});

describe('substitutions: a literal value is checked where it lands', () => {
  const asl = '{"StartAt": "A", "States": {\n  "A": {"Type": "Task", "Resource": "${FunctionArn}", "Next": "B"},\n  "B": {"Type": "Task", "Resource": "${OtherArn}", "Next": "W"},\n  "W": {"Type": "Wait", "Seconds": ${Delay}, "End": true}}}';

  it('a literal that is not an ARN in Resource is an error at ${FunctionArn}; the computed neighbour is not judged', () => {
    const text = template('      DefinitionUri: sm.asl.json', '        FunctionArn: my-function\n        OtherArn: !GetAtt Worker.Arn\n        Delay: 5');
    const findings = lintDefinitionFile('sm.asl.json', asl, [{ fileName: 'template.yaml', text }]);
    assert.deepEqual(findings.map((f) => [f.code, covered(asl, f)]), [['asl/invalid-resource', '"${FunctionArn}"']]);
    assert.match(findings[0].message, /my-function/);
  });

  it('a literal number where a number goes is a number: no placeholder warning; a computed one keeps its warning', () => {
    const literal = template('      DefinitionUri: sm.asl.json', '        FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f\n        OtherArn: !GetAtt Worker.Arn\n        Delay: 5');
    assert.deepEqual(lintDefinitionFile('sm.asl.json', asl, [{ fileName: 'template.yaml', text: literal }]), []);
    const computed = template('      DefinitionUri: sm.asl.json', '        FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f\n        OtherArn: !GetAtt Worker.Arn\n        Delay: !Ref Wait');
    const findings = lintDefinitionFile('sm.asl.json', asl, [{ fileName: 'template.yaml', text: computed }]);
    assert.deepEqual(findings.map((f) => [f.code, covered(asl, f)]), [['asl/placeholder-not-a-number', '${Delay}']]);
  });

  it('a literal that is not a number where a number goes is an error at ${Delay}', () => {
    const text = template('      DefinitionUri: sm.asl.json', '        FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f\n        OtherArn: !GetAtt Worker.Arn\n        Delay: soon');
    const findings = lintDefinitionFile('sm.asl.json', asl, [{ fileName: 'template.yaml', text }]);
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => covered(asl, f) === '${Delay}'), findings.map((f) => `${f.code} ${covered(asl, f)}`).join('\n'));
    assert.equal(findings[0].severity, 'error');
  });

  it('inline: a literal in a DefinitionString is checked at its ${X} in the template', () => {
    const text = template(`      DefinitionString: |
        {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "\${FunctionArn}", "Next": "B"},
          "B": {"Type": "Task", "Resource": "\${OtherArn}", "End": true}}}`, '        FunctionArn: my-function\n        OtherArn: !GetAtt Worker.Arn').replace('AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine').replace('    Properties:\n', '    Properties:\n      RoleArn: arn:aws:iam::123456789012:role/r\n');
    const findings = lintTemplateText(text);
    assert.deepEqual(findings.map((f) => [f.code, covered(text, f)]), [['asl/invalid-resource', '"${FunctionArn}"']]);
  });
});

describe('substitutions: Fn::Sub and DefinitionSubstitutions together', () => {
  const cfn = (definition: string) => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage: { Type: String }
Resources:
  Fn:
    Type: AWS::Lambda::Function
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/r
${definition}
      DefinitionSubstitutions:
        FunctionArn: !GetAtt Fn.Arn
`;

  it('a ${X} meant for DefinitionSubstitutions inside Fn::Sub is an error at it; its neighbours (pseudo parameter, parameter, resource attribute) are not; the fix escapes it', () => {
    const text = cfn(`      DefinitionString: !Sub '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "\${FunctionArn}", "Parameters": {"r": "\${AWS::Region}", "s": "\${Stage}", "f": "\${Fn.Arn}"}, "End": true}}}'`);
    const findings = lintTemplateText(text).filter((f) => f.code === 'cfn/sub-unresolved');
    assert.deepEqual(findings.map((f) => covered(text, f)), ['${FunctionArn}']);
    const fixed = applyEdits(text, findings[0].fixes![0].edits);
    assert.match(fixed, /"Resource": "\$\{!FunctionArn\}"/);
    assert.deepEqual(lintTemplateText(fixed).filter((f) => f.code.startsWith('cfn/')), []);
  });
});
