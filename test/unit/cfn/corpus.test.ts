// `aws-workflows lint` over the real templates of aws-samples/serverless-patterns
// (../shared/corpus/serverless-patterns). Every error is a true defect its README names; every
// warning is recorded here with why it is right. Anything else is a false error to fix.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../../../src/cli/main';

const CORPUS = [process.env.WORKFLOWS_CORPUS_DIR, path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'serverless-patterns')]
  .filter((d): d is string => Boolean(d))
  .find((d) => existsSync(path.join(d, 'README.md')));

interface Row { file: string; line: number; severity: string; code: string }

async function lint(cwd: string, ...args: string[]): Promise<{ code: number; rows: Row[] }> {
  const io: CliIo & { out: string; err: string } = {
    out: '', err: '', cwd, env: { AWS_REGION: 'us-east-1' },
    stdout: { write: (s: string) => { io.out += s; } },
    stderr: { write: (s: string) => { io.err += s; } },
  };
  const code = await runCli(['lint', '--format', 'json', ...args], io);
  const findings = JSON.parse(io.out || '[]') as { file: string; range: { start: { line: number } }; severity: string; code: string }[];
  return { code, rows: findings.map((f) => ({ file: f.file, line: f.range.start.line + 1, severity: f.severity, code: f.code })) };
}

/** Every finding over the corpus, with the reason it is right. */
const EXPECTED: (Row & { why: string })[] = [
  { file: 'apigw-rest-stepfunctions-express-sync-bedrock-sam/template.yml', line: 17, severity: 'warning', code: 'cfn/substitution-unused', why: 'README: defines a ModelId no definition uses' },
  { file: 'appsync-stepfunctions-express-sync-bedrock-sam/template.yaml', line: 164, severity: 'warning', code: 'cfn/substitution-unused', why: 'README: defines a ModelId no definition uses' },
  { file: 'sfn-lambda/template.yaml', line: 15, severity: 'error', code: 'cfn/path-case-mismatch', why: 'README: StateMachine.asl.json vs stateMachine.asl.json' },
  { file: 'sfn-log-export/src/statemachine/stateMachine.asl.json', line: 58, severity: 'warning', code: 'asl/missing-dollar-suffix', why: 'a path-looking literal under a key without .$ (ASL rules, issue #12)' },
  { file: 'sfn-log-export/template.yaml', line: 214, severity: 'error', code: 'cfn/path-case-mismatch', why: 'README: StateMachine.asl.json vs stateMachine.asl.json' },
  { file: 'sfn-sns/template.yml', line: 20, severity: 'error', code: 'cfn/path-case-mismatch', why: 'README: StateMachine.asl.json vs stateMachine.asl.json' },
  { file: 'systems-manager-automation-to-stepfunctions/template.yaml', line: 114, severity: 'warning', code: 'parse/yaml-warning', why: 'a flow list indented no deeper than its key: CloudFormation reads it, YAML 1.2 does not' },
];

(CORPUS ? describe : describe.skip)('serverless-patterns corpus: templates and their definitions', function () {
  this.timeout(60_000);

  it('reports no error but the three letter-case DefinitionUri defects the README names, and only the recorded warnings', async () => {
    const { code, rows } = await lint(CORPUS!, '.');
    assert.deepEqual(rows, EXPECTED.map(({ why: _why, ...row }) => row));
    assert.equal(code, 1);
  });

  it('links every DefinitionUri file to its template: a substitution removed from a template is reported in the definition', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfn-corpus-'));
    try {
      cpSync(path.join(CORPUS!, 'sfn-glue-sam'), dir, { recursive: true });
      const stack = path.join(dir, 'code', 'cloudformation', 'stack.yaml');
      const { readFileSync } = await import('node:fs');
      writeFileSync(stack, readFileSync(stack, 'utf8').replace(/^\s+FeatureEngineering: !Sub "\$\{FeatureEngineering\}"\n/m, '                Unrelated: x\n'));
      mkdirSync(path.join(dir, 'empty'), { recursive: true });
      const { rows } = await lint(dir, '.');
      assert.deepEqual(rows.map((r) => `${r.file} ${r.code}`), [
        'code/cloudformation/stack.yaml cfn/substitution-unused',
        'code/step_functions/statemachine.asl.json cfn/substitution-missing',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('aws-workflows lint with no paths: the templates at the root and their definitions', () => {
  it('checks template.yaml in the current folder and the DefinitionUri file it names, with the template as context', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfn-root-'));
    try {
      mkdirSync(path.join(dir, 'statemachine'));
      writeFileSync(path.join(dir, 'template.yaml'), 'Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: statemachine/m.asl.json\n      DefinitionSubstitutions:\n        Used: arn:aws:lambda:us-east-1:123456789012:function:f\n');
      writeFileSync(path.join(dir, 'statemachine', 'm.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${Used}", "Parameters": {"T": "${Missing}"}, "End": true}}}');
      writeFileSync(path.join(dir, 'notes.yaml'), 'title: not a template\n');
      const { code, rows } = await lint(dir);
      assert.deepEqual(rows.map((r) => `${r.file}:${r.line} ${r.code}`), ['statemachine/m.asl.json:1 cfn/substitution-missing']);
      assert.equal(code, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
