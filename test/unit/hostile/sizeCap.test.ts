// The size cap is configurable: the CLI's AWS_WORKFLOWS_MAX_FILE_MB and the editor's
// awsWorkflows.diagnostics.maxFileSizeMB (carried to the lint worker in the job).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_FILE_SIZE_ENV, runCli, type CliIo } from '../../../src/cli/main';
import { DEFAULT_PARSE_LIMITS, maxDocumentCharsForMegabytes, parseLimits, resetParseLimits } from '../../../src/core/parse/limits';
import { runLintJob } from '../../../src/diagnostics/lintJob';

/** A valid state machine of about `megabytes` MB: one Pass state with a long Comment. */
function definitionOf(megabytes: number): string {
  return JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Comment: 'x'.repeat(Math.round(megabytes * 1024 * 1024)), End: true } } });
}

async function lint(dir: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (s: string) => ((stdout += s), true) }, stderr: { write: (s: string) => ((stderr += s), true) }, cwd: dir, env } as unknown as CliIo;
  const code = await runCli(['lint', '--format', 'json', 'big.asl.json'], io);
  return { code, stdout, stderr };
}

describe('the size cap is configurable', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'aws-workflows-cap-'));
    writeFileSync(join(dir, 'big.asl.json'), definitionOf(1.5));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => resetParseLimits());

  it('megabytes from 1 to 200 become characters; anything else is refused', () => {
    assert.equal(maxDocumentCharsForMegabytes(1), 1024 * 1024);
    assert.equal(maxDocumentCharsForMegabytes('2.5'), 2.5 * 1024 * 1024);
    for (const bad of [0, 0.5, 201, -3, Number.NaN, '', 'ten', undefined, null]) assert.equal(maxDocumentCharsForMegabytes(bad), undefined, String(bad));
  });

  it(`the CLI reads ${MAX_FILE_SIZE_ENV}: a 1.5 MB definition is refused under 1 MB and checked under 2 MB`, async () => {
    const under = await lint(dir, { [MAX_FILE_SIZE_ENV]: '1' });
    assert.equal(under.code, 1, under.stderr);
    assert.match(under.stdout, /"code": "lint\/unreadable"/);
    assert.match(under.stdout, /big\.asl\.json cannot be read: it has 1\.5 MB, more than the 1 MB limit\./);
    resetParseLimits();
    const over = await lint(dir, { [MAX_FILE_SIZE_ENV]: '2' });
    // Read, parsed and checked: only the service's own definition size limit speaks.
    assert.doesNotMatch(over.stdout, /unreadable|too-complex/);
    assert.match(over.stdout, /"code": "asl\/definition-too-large"/);
  });

  it(`an ${MAX_FILE_SIZE_ENV} that is not a number of megabytes in range is a usage error`, async () => {
    const result = await lint(dir, { [MAX_FILE_SIZE_ENV]: '0' });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, `aws-workflows: ${MAX_FILE_SIZE_ENV} takes a number of megabytes from 1 to 200, not '0'.\n`);
    assert.equal(parseLimits().maxDocumentChars, DEFAULT_PARSE_LIMITS.maxDocumentChars);
  });

  it("a lint job carries the editor's cap (a worker thread has its own limits) and the default applies without one", () => {
    const text = definitionOf(1.5);
    const capped = runLintJob({ fileName: join(dir, 'big.asl.json'), text, files: {}, kind: 'stateMachine', maxDocumentChars: 1024 * 1024 });
    assert.ok(capped.findings.some((f) => f.code === 'parse/too-complex'), JSON.stringify(capped.findings));
    const uncapped = runLintJob({ fileName: join(dir, 'big.asl.json'), text, files: {}, kind: 'stateMachine' });
    // Parsed and checked: only the service's own definition size limit speaks (1 MB, from the model).
    assert.deepEqual(uncapped.findings.map((f) => f.code), ['asl/definition-too-large']);
  });
});
