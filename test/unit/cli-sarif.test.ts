// `aws-workflows lint --format sarif` against the SARIF 2.1.0 JSON schema (vendored in
// test/fixtures/sarif; its patterns are ECMA-262 without the u flag, hence unicodeRegExp: false), with the regions, rules and levels checked against the findings.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli, type CliIo } from '../../src/cli/main';
import { RULE_CATALOG } from '../../src/core/rules/catalog';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string; help: { text: string }; defaultConfiguration: { level: string } }[] } }; results: SarifResult[]; originalUriBaseIds: Record<string, { uri: string }> }[];
}

function io(cwd: string): CliIo & { out: string; err: string } {
  const captured = { out: '', err: '', cwd, env: { AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: join(cwd, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(cwd, 'none') }, stdout: { write: (s: string) => { captured.out += s; } }, stderr: { write: (s: string) => { captured.err += s; } } };
  return captured;
}

// "Missing" is not a state, and the Wait has no duration: two errors with known places.
const BROKEN = '{\n  "StartAt": "Missing",\n  "States": {\n    "Pause": { "Type": "Wait", "End": true }\n  }\n}\n';

describe('aws-workflows lint --format sarif', () => {
  let dir: string;
  let log: SarifLog;
  let code: number;
  let json: { file: string; code: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  // uri, uri-reference and date-time are checked too (ajv-formats), not ignored.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aws-workflows-sarif-'));
    writeFileSync(join(dir, 'broken flow.asl.json'), BROKEN);
    const sarif = io(dir);
    code = await runCli(['lint', 'broken flow.asl.json', '--format', 'sarif'], sarif);
    log = JSON.parse(sarif.out) as SarifLog;
    const plain = io(dir);
    await runCli(['lint', 'broken flow.asl.json', '--format', 'json'], plain);
    json = JSON.parse(plain.out);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is valid SARIF 2.1.0 with one run, and exits 1 for errors as the text format does', () => {
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].tool.driver.name, 'aws-workflows');
    assert.equal(code, 1);
  });

  it('lists every rule of the catalogue, ids = our codes, help from the rule docs', () => {
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), RULE_CATALOG.map((r) => r.code));
    for (const [i, doc] of RULE_CATALOG.entries()) {
      assert.ok(rules[i].help.text.startsWith(doc.summary), doc.code);
      if (doc.source) assert.ok(rules[i].help.text.includes(doc.source), `${doc.code} help names its source`);
      assert.equal(rules[i].defaultConfiguration.level, doc.severity === 'info' ? 'note' : doc.severity);
    }
  });

  it('has one result per finding, at its exact region (1-based, end column exclusive), pointing at its rule', () => {
    const results = log.runs[0].results;
    assert.ok(json.length >= 2, `findings: ${JSON.stringify(json)}`);
    assert.equal(results.length, json.length);
    const rules = log.runs[0].tool.driver.rules;
    for (const [i, finding] of json.entries()) {
      const result = results[i];
      assert.equal(result.ruleId, finding.code);
      assert.equal(rules[result.ruleIndex].id, finding.code);
      assert.equal(result.level, finding.severity === 'info' ? 'note' : finding.severity);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uri, 'broken%20flow.asl.json');
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(region, { startLine: finding.range.start.line + 1, startColumn: finding.range.start.character + 1, endLine: finding.range.end.line + 1, endColumn: finding.range.end.character + 1 });
    }
    // "Missing" (quotes included or not) on line 2, where the text has it.
    const startAt = results.find((r) => /Missing/.test(r.message.text));
    assert.ok(startAt, JSON.stringify(results.map((r) => r.message.text)));
    const region = startAt.locations[0].physicalLocation.region;
    const line = BROKEN.split('\n')[region.startLine - 1];
    assert.match(line.slice(region.startColumn - 1, region.endColumn - 1), /^"?Missing"?$/);
    assert.ok(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const broken = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0].results[0].message;
    assert.equal(validate(broken), false);
  });
});
