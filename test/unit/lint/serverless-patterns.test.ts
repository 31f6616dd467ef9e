// The real-world regression set: every state machine definition in aws-samples/serverless-patterns
// (../shared/corpus), written and deployed by people outside this project, linted as the CLI does.
// A finding here is a false error to fix, unless it is listed below with the reason it is right.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../../../src/core/lint';
import { SERVERLESS_PATTERNS_DIR, serverlessPatternsDefinitions as definitionFiles } from '../../support/reference';

/** Findings that are right: `file:line code`, with why. */
const TRUE_DEFECTS: Record<string, string> = {
  'sfn-log-export/src/statemachine/stateMachine.asl.json:58 asl/missing-dollar-suffix':
    "Parameters.taskId is '$.exportLogGroupResult.taskId' without '.$', so the Lambda gets that literal text, not the task ID (AWS's own NO_DOLLAR warning; a warning, not an error).",
};

(SERVERLESS_PATTERNS_DIR ? describe : describe.skip)('serverless-patterns corpus (../shared/corpus)', () => {
  const root = SERVERLESS_PATTERNS_DIR as string;

  it('lints every definition with no finding but its listed true defects', () => {
    const files = definitionFiles(root);
    // The README counts 47 *.asl.* files plus the JSON file one template names.
    assert.ok(files.length >= 48, `only ${files.length} definition files found`);
    const found: string[] = [];
    for (const file of files) {
      const rel = path.relative(root, file).replace(/\\/g, '/');
      const { kind, findings } = lintText({ fileName: rel, text: readFileSync(file, 'utf8') });
      assert.equal(kind, 'stateMachine', `${rel} is not recognised as a state machine`);
      for (const f of findings) found.push(`${rel}:${f.range.start.line + 1} ${f.code}${f.severity === 'error' ? ' (error)' : ''}: ${f.message}`);
    }
    const unexplained = found.filter((f) => !(f.replace(/(\s\(error\))?: .*$/, '') in TRUE_DEFECTS));
    assert.deepEqual(unexplained, [], 'false errors (or new true defects to list with their reason)');
    const listedButGone = Object.keys(TRUE_DEFECTS).filter((key) => !found.some((f) => f.startsWith(`${key}`)));
    assert.deepEqual(listedButGone, [], 'listed true defects no longer reported');
  });
});
