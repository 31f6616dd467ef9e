import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULE_CATALOG } from '../../../src/core/rules/catalog';

const root = join(__dirname, '..', '..', '..');

function runOn(readme: string): { text: string; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'rule-docs-'));
  try {
    const file = join(dir, 'README.md');
    writeFileSync(file, readme);
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'generate-rule-docs.mjs')], { cwd: root, encoding: 'utf8', env: { ...process.env, RULE_DOCS_README: file } });
    return { text: readFileSync(file, 'utf8'), stderr: r.stderr, status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('scripts/generate-rule-docs.mjs', () => {
  it('writes every rule between the markers and leaves the rest of README alone', () => {
    const { text, status } = runOn('# Title\n\nIntro.\n\n<!-- rules:start -->\nold table\n<!-- rules:end -->\n\n## After\n');
    assert.equal(status, 0);
    assert.ok(text.startsWith('# Title\n\nIntro.\n\n<!-- rules:start -->'));
    assert.ok(text.endsWith('<!-- rules:end -->\n\n## After\n'));
    assert.ok(!text.includes('old table'));
    for (const r of RULE_CATALOG) assert.ok(text.includes(`| \`${r.code}\` | ${r.severity} |`), r.code);
    const orders = RULE_CATALOG.find((r) => r.code === 'asl/unknown-state')!;
    assert.ok(text.includes(`| ${orders.source} |`), 'the source column');
  });

  it('warns and changes nothing when the markers are missing', () => {
    const readme = '# Title\n\nNo markers here.\n';
    const { text, stderr, status } = runOn(readme);
    assert.equal(status, 0);
    assert.equal(text, readme);
    assert.match(stderr, /has no <!-- rules:start -->/);
  });
});

describe('rule catalogue sources', () => {
  it('every error rule says where its fact comes from', () => {
    const unsourced = RULE_CATALOG.filter((r) => r.severity === 'error' && !(r.source && r.source.trim().length >= 10)).map((r) => r.code);
    assert.deepEqual(unsourced, [], 'an error rule needs a source (model pattern, documentation page, ASL spec, service error code); otherwise make it a warning');
  });

  it('names a kind of source the reader can check', () => {
    const vague = RULE_CATALOG.filter((r) => r.source && !/Model|Guide|spec|AWS [A-Z_]+|API reference|documentation|schema|RFC|YAML|JSON|format|error|file system|checker|Service/i.test(r.source)).map((r) => r.code);
    assert.deepEqual(vague, []);
  });
});
