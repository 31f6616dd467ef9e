import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { duplicateRuleCodes, RULE_CATALOG, ruleDoc } from '../../../src/core/rules/catalog';
import { RULES as MANIFEST_RULES } from '../../../src/core/rules/manifest';
import { RULES as NAME_RULES } from '../../../src/core/rules/names';
import { RULES as ARN_RULES } from '../../../src/core/rules/arns';
import { RULES as TAG_RULES } from '../../../src/core/rules/tags';
import { RULES as KMS_RULES } from '../../../src/core/rules/kms';
import { CASES } from './cases';
import { lintManifest, marked } from './support';

const NOT_TRIGGERABLE = new Set(['manifest/internal-error']);

describe('rule catalog (manifest and KMS rules)', () => {
  it('documents every code the manifest checks emit on the test inputs', () => {
    const emitted = new Set<string>();
    for (const c of CASES) for (const f of lintManifest(marked(c.fires).text, c.ctx)) emitted.add(f.code);
    for (const f of lintManifest(readFileSync(join(__dirname, 'example.yaml'), 'utf8'), { fileExists: () => false })) emitted.add(f.code);
    for (const f of lintManifest('stateMachines: [\n')) emitted.add(f.code);
    const undocumented = [...emitted].filter((code) => !ruleDoc(code));
    assert.deepEqual(undocumented, []);
  });

  it('has a firing case for every manifest and KMS rule it documents', () => {
    const covered = new Set(CASES.map((c) => c.code));
    const mine = [...MANIFEST_RULES, ...NAME_RULES, ...ARN_RULES, ...TAG_RULES, ...KMS_RULES].map((r) => r.code);
    assert.deepEqual(mine.filter((code) => !covered.has(code) && !NOT_TRIGGERABLE.has(code)), []);
  });

  it('documents each code once, with a summary and an example', () => {
    assert.deepEqual(duplicateRuleCodes(), []);
    for (const r of RULE_CATALOG) {
      assert.match(r.code, /^[a-z-]+\/[a-z0-9-]+$/, r.code);
      assert.ok(r.summary.length > 10 && r.example.length > 0, r.code);
      assert.ok(['error', 'warning', 'info'].includes(r.severity), r.code);
    }
  });

  it('documents the severity each rule reports', () => {
    for (const c of CASES) assert.equal(ruleDoc(c.code)?.severity, c.severity, c.code);
  });
});
