// The activation budget (issue 18): a production build's activate() loads at most 150 KB of our
// JavaScript and no AWS SDK module; the validation engine, YAML, JSONata and the generated clients
// load on first use. Timings are figures for `npm run bench`, never asserted here.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

interface ActivationRecord { ms: number; bytes: number; files: { file: string; bytes: number }[]; sdk: number }

describe('activation budget (production bundle)', function () {
  this.timeout(60_000);
  let outdir: string;
  let record: ActivationRecord;
  let budget: number;

  before(async () => {
    outdir = mkdtempSync(path.join(tmpdir(), 'workflows-activation-'));
    execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--outdir', outdir, '--metafile', path.join(outdir, 'meta.json')], { cwd: root, stdio: 'pipe' });
    const activation = await import(path.join(root, 'scripts', 'lib', 'activation.mjs'));
    budget = activation.ACTIVATION_BUDGET_BYTES;
    record = activation.measureActivation(outdir);
  });
  after(() => rmSync(outdir, { recursive: true, force: true }));

  it('activate() loads at most 150 KB of JavaScript', () => {
    assert.ok(record.bytes <= budget, `activation loaded ${record.bytes} bytes (budget ${budget}): ${record.files.map((f) => `${f.file} ${f.bytes}`).join(', ')}`);
    assert.ok(record.files.some((f) => f.file === 'extension.js'), 'the measurement saw extension.js load');
  });

  it('activate() loads no AWS SDK module', () => {
    assert.equal(record.sdk, 0);
  });

  it('the validation engine, YAML, JSONata and our generated clients are not among what activation loads', async () => {
    const { readFileSync } = await import('node:fs');
    const meta = JSON.parse(readFileSync(path.join(outdir, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const loaded = new Set(record.files.map((f) => f.file));
    const inputsLoaded = Object.entries(meta.outputs)
      .filter(([out]) => loaded.has(path.relative(outdir, path.resolve(root, out))))
      .flatMap(([, o]) => Object.keys(o.inputs));
    for (const heavy of ['node_modules/yaml/', 'node_modules/jsonata/', 'src/core/asl/', 'src/core/lint.ts', 'src/aws/mwaaServerless.generated.ts', 'src/aws/mwaa.generated.ts', 'src/deploy/engine/']) {
      assert.ok(!inputsLoaded.some((i) => i.startsWith(heavy)), `${heavy} was loaded by activate()`);
    }
  });
});
