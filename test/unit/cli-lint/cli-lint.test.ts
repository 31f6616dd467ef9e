import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { dirname, join, resolve } from 'node:path';
import { runCli, type CliIo } from '../../../src/cli/main';
import { expandGlob, isGlob, toGlobPattern } from '../../../src/cli/glob';
import { KMS_REGION_WORKSPACE } from '../../support/kmsRegion';

const ROOT = resolve(__dirname, '../../..');

const FILES: Record<string, string> = {
  'aws-workflows.yaml': [
    'defaults:',
    '  definitionBucket: my-artifacts',
    'stateMachines:',
    '  orders:',
    '    definition: statemachines/orders.asl.yaml',
    '    roleArn: arn:aws:iam::123456789012:role/orders',
    'imageBuilderWorkflows:',
    '  hardened-build:',
    '    definition: imagebuilder/build.yaml',
    '    type: BUILD',
    '    version: 1.0.0',
    'airflowWorkflows:',
    '  nightly-etl:',
    '    definition: dags/etl.yaml',
    '    roleArn: arn:aws:iam::123456789012:role/mwaa',
    '',
  ].join('\n'),
  'statemachines/orders.asl.yaml': 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n',
  'imagebuilder/build.yaml': 'schemaVersion: 1.0\nsteps:\n  - name: Launch\n    action: LaunchInstances\n',
  'dags/etl.yaml': 'etl:\n  dag_id: etl\n  tasks:\n    a:\n      operator: airflow.operators.bash.BashOperator\n',
  'dags/other.yaml': 'other:\n  dag_id: other\n  tasks:\n    a:\n      operator: airflow.operators.empty.EmptyOperator\n',
  'notes/readme.yaml': 'hello: world\n',
};

function workspace(files: Record<string, string> = FILES): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-workflows-lint-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

async function lint(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io: CliIo & { out: string; err: string } = {
    out: '', err: '', cwd, env: {},
    stdout: { write: (s: string) => { io.out += s; } },
    stderr: { write: (s: string) => { io.err += s; } },
  };
  const code = await runCli(['lint', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('aws-workflows lint', () => {
  let dir: string;
  beforeEach(() => { dir = workspace(); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('with no paths, checks aws-workflows.yaml and every definition it names', async () => {
    const { code, out, err } = await lint(dir);
    assert.equal(code, 1);
    const lines = out.trim().split('\n');
    assert.deepEqual(lines, [
      "imagebuilder/build.yaml:4:13 error imagebuilder/action-unknown 'LaunchInstances' is not an Image Builder step action. Did you mean 'LaunchInstance'?",
      "dags/etl.yaml:5:17 warning dag/operator-not-allowed 'airflow.operators.bash.BashOperator' is not in MWAA Serverless's operator allowlist; the service may reject this workflow.",
    ]);
    assert.match(err, /1 error, 1 warning in 4 files checked\./);
  });

  it('reports problems in aws-workflows.yaml itself', async () => {
    const ws = workspace({ ...FILES, 'aws-workflows.yaml': `${FILES['aws-workflows.yaml']}stateMachinez: {}\n` });
    try {
      const { out } = await lint(ws, '--format', 'json');
      const manifestFindings = JSON.parse(out).filter((f: { file: string }) => f.file === 'aws-workflows.yaml');
      assert.ok(manifestFindings.some((f: { code: string; range: { start: { line: number } } }) => f.code.startsWith('manifest/') && f.range.start.line === 15), out);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('prints JSON with 0-based positions', async () => {
    const { code, out } = await lint(dir, '--format', 'json', 'imagebuilder/build.yaml');
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(out), [{
      file: 'imagebuilder/build.yaml',
      range: { start: { line: 3, character: 12 }, end: { line: 3, character: 27 } },
      severity: 'error',
      code: 'imagebuilder/action-unknown',
      message: "'LaunchInstances' is not an Image Builder step action. Did you mean 'LaunchInstance'?",
    }]);
    const clean = await lint(dir, '--format=json', 'dags/other.yaml');
    assert.equal(clean.code, 0);
    assert.deepEqual(JSON.parse(clean.out), []);
  });

  it('exits 0 when there are only warnings', async () => {
    const { code, out } = await lint(dir, 'dags/etl.yaml');
    assert.equal(code, 0);
    assert.match(out, /^dags\/etl\.yaml:5:17 warning dag\/operator-not-allowed /);
  });

  it('expands globs and folders, skipping files of no known kind', async () => {
    const { code, out, err } = await lint(dir, '--format', 'json', 'dags/*.yaml', '**/build.{yaml,yml}');
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(out).map((f: { file: string; code: string }) => `${f.file} ${f.code}`), [
      'dags/etl.yaml dag/operator-not-allowed',
      'imagebuilder/build.yaml imagebuilder/action-unknown',
    ]);
    assert.equal(err, '');
    const folder = await lint(dir, 'notes', 'dags');
    assert.equal(folder.code, 0);
    assert.match(folder.err, /in 2 files checked/);
  });

  it('warns about a named file it cannot classify', async () => {
    const { code, out } = await lint(dir, 'notes/readme.yaml');
    assert.equal(code, 0);
    assert.match(out, /^notes\/readme\.yaml:1:1 warning lint\/unknown-kind /);
  });

  it('exits 2 on usage errors, naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [['--frobnicate'], /unknown option '--frobnicate'/],
      [['--format', 'xml'], /--format must be text, json or sarif, not 'xml'/],
      [['--format'], /--format must be text, json or sarif/],
      [['missing.yaml'], /no such file or folder: missing\.yaml/],
      [['nothing/*.yaml'], /no files match 'nothing\/\*\.yaml'/],
      [['{a,b.json'], /no files match '\{a,b\.json'/],
    ];
    for (const [args, message] of cases) {
      const { code, err, out } = await lint(dir, ...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, message);
      assert.match(err, /^aws-workflows lint: [^\n]+\n$/, 'one line');
      assert.equal(out, '');
    }
    const empty = workspace({ 'x.yaml': 'a: 1\n' });
    try {
      const { code, err } = await lint(empty);
      assert.equal(code, 2);
      assert.match(err, /no aws-workflows\.yaml and no CloudFormation or SAM template in .*Give the files to check/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('prints its help', async () => {
    const { code, out } = await lint(dir, '--help');
    assert.equal(code, 0);
    assert.match(out, /Usage: aws-workflows lint \[paths or globs…\] \[--format text\|json\|sarif\]/);
    assert.match(out, /Exit codes: 0 no errors/);
  });

  it('uses the manifest to decide the kind of a definition', async () => {
    const files = { ...FILES, 'dags/etl.yaml': 'not: [a, dag]\n' };
    const ws = workspace(files);
    try {
      const { out } = await lint(ws, '--format', 'json', 'dags/etl.yaml');
      assert.deepEqual(JSON.parse(out).map((f: { code: string }) => f.code), ['dag/not-a-mapping']);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('resolves the region as deploy does: flag, then the profile region, then the environment', async () => {
    const ws = workspace(KMS_REGION_WORKSPACE);
    const run = async (env: NodeJS.ProcessEnv, ...args: string[]) => {
      const io: CliIo & { out: string; err: string } = {
        out: '', err: '', cwd: ws, env: { AWS_CONFIG_FILE: join(ws, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(ws, 'none'), ...env },
        stdout: { write: (s: string) => { io.out += s; } },
        stderr: { write: (s: string) => { io.err += s; } },
      };
      const code = await runCli(['lint', '--format', 'json', ...args], io);
      return { code, codes: (JSON.parse(io.out) as { code: string }[]).map((f) => f.code) };
    };
    try {
      // The profile's region (eu-west-1) beats AWS_REGION, as in deploy: the us-east-1 key is in another region.
      assert.deepEqual(await run({ AWS_PROFILE: 'dev', AWS_REGION: 'us-east-1' }), { code: 1, codes: ['kms/region-mismatch'] });
      assert.deepEqual(await run({ AWS_REGION: 'us-east-1' }, '--profile', 'dev'), { code: 1, codes: ['kms/region-mismatch'] });
      assert.deepEqual(await run({ AWS_PROFILE: 'dev' }, '--region', 'us-east-1'), { code: 0, codes: [] });
      assert.deepEqual(await run({ AWS_REGION: 'us-east-1' }), { code: 0, codes: [] });
      // Nothing set anywhere: us-east-1, deploy's fallback.
      assert.deepEqual(await run({}), { code: 0, codes: [] });
      assert.deepEqual(await run({ AWS_DEFAULT_REGION: 'eu-west-1' }), { code: 1, codes: ['kms/region-mismatch'] });
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  describe('as a real process', () => {
    before(function () {
      this.timeout(180_000);
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, `build failed: ${build.stderr}`);
    });

    it('runs bin/aws-workflows.js lint with exit code and output', async () => {
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        execFile(process.execPath, [join(ROOT, 'bin/aws-workflows.js'), 'lint', '--format', 'json'], { cwd: dir, env: { PATH: process.env.PATH } }, (error, stdout, stderr) => {
          done({ code: error ? (error as { code?: number }).code ?? null : 0, stdout, stderr });
        });
      });
      assert.equal(result.code, 1, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout).map((f: { file: string; code: string }) => `${f.file} ${f.code}`), [
        'imagebuilder/build.yaml imagebuilder/action-unknown',
        'dags/etl.yaml dag/operator-not-allowed',
      ]);
      const usage = spawnSync(process.execPath, [join(ROOT, 'bin/aws-workflows.js'), 'lint', '--nope'], { cwd: dir, encoding: 'utf8' });
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /unknown option '--nope'/);
    });
  });
});

describe('lint globs', () => {
  const files = { 'a/b/c.yaml': '', 'a/d.yaml': '', 'node_modules/x/e.yaml': '', '.git/f.yaml': '', 'f.yaml': '', '.hidden.yaml': '', '.dir/g.yaml': '', 'b.json': '' };
  let dir: string;
  beforeEach(() => { dir = workspace(files); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const rel = (list: string[]) => list.map((f) => path.relative(dir, f).replace(/\\/g, '/'));

  it('matches *, **, ?, [] and {} from the folder, skipping node_modules, .git and dotfiles', () => {
    assert.deepEqual(rel(expandGlob('**/*.yaml', dir)), ['a/b/c.yaml', 'a/d.yaml', 'f.yaml']);
    assert.deepEqual(rel(expandGlob('*.yaml', dir)), ['f.yaml']);
    assert.deepEqual(rel(expandGlob('a/**/*.yaml', dir)), ['a/b/c.yaml', 'a/d.yaml']);
    assert.deepEqual(rel(expandGlob('./a/?.yaml', dir)), ['a/d.yaml']);
    assert.deepEqual(rel(expandGlob('[!a].{json,yml}', dir)), ['b.json']);
    assert.deepEqual(rel(expandGlob(join(dir, 'a', '*.yaml'), '/')), ['a/d.yaml']);
  });

  it('matches a malformed brace literally instead of failing', () => {
    assert.ok(isGlob('{a,b.json'));
    assert.deepEqual(expandGlob('{a,b.json', dir), []);
    writeFileSync(join(dir, '{a,b.json'), '');
    assert.deepEqual(rel(expandGlob('*', dir)).includes('{a,b.json'), true);
  });

  it('reads Windows backslashes as separators only on Windows', () => {
    assert.equal(toGlobPattern('C:\\defs\\*.asl.json', path.win32), 'C:/defs/*.asl.json');
    assert.equal(toGlobPattern('defs\\*.json', path.posix), 'defs\\*.json');
  });
});
