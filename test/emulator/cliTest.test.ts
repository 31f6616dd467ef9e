// `aws-workflows test` against the emulator: the examples' saved cases pass; a wrong expectation
// fails with exit 1 and says what differed; a malformed file is a usage error (exit 2).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { runCli } from '../../src/cli/main';
import type { RunningEmulator } from './server';
import { startTestEmulator } from './testSupport';

describe('aws-workflows test (TestState cases) against the emulator', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dir: string;

  before(async () => {
    emulator = await startTestEmulator();
    dir = mkdtempSync(join(tmpdir(), 'aws-workflows-test-'));
    cpSync(resolve(__dirname, '../../examples'), dir, { recursive: true });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const env = { AWS_ENDPOINT_URL: emulator.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
    const code = await runCli(['test', ...args], { cwd: dir, env, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
    return { code, stdout, stderr };
  }

  it("runs the examples' saved cases: every one passes, exit 0", async () => {
    const r = await run([]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^pass {2}statemachines\/order-pipeline\.tests\.yaml › a declined payment is caught and ends in PaymentFailed$/m);
    assert.match(r.stdout, /^5 passed, 0 failed$/m);
  });

  it('exits 1 naming what differed when an expectation fails', async () => {
    writeFileSync(join(dir, 'statemachines', 'wrong.tests.yaml'), 'definition: order-pipeline.asl.yaml\ncases:\n  - name: wrong branch\n    state: NeedsApproval\n    input: { total: 5 }\n    expect: { nextState: WaitForApproval }\n');
    const r = await run(['statemachines/wrong.tests.yaml']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^FAIL {2}statemachines\/wrong\.tests\.yaml › wrong branch: next state ShipOrder, expected WaitForApproval$/m);
  });

  it('exits 2 with one line for a malformed file or a missing definition', async () => {
    writeFileSync(join(dir, 'bad.tests.yaml'), 'definition: nowhere.asl.json\ncases:\n  - name: x\n    expect: {}\n');
    const missing = await run(['bad.tests.yaml']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'aws-workflows test: bad.tests.yaml: the definition nowhere.asl.json does not exist.\n');
    writeFileSync(join(dir, 'bad.tests.yaml'), 'cases: []\n');
    const malformed = await run(['bad.tests.yaml']);
    assert.match(malformed.stderr, /'definition' \(the definition file, relative to this one\) is missing/);
    // A definition outside the folder the command runs in is not read, whatever the tests file says.
    const outside = mkdtempSync(join(tmpdir(), 'aws-workflows-outside-'));
    writeFileSync(join(outside, 'secret.asl.json'), '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}');
    writeFileSync(join(dir, 'bad.tests.yaml'), `definition: ${relative(dir, join(outside, 'secret.asl.json'))}\ncases:\n  - name: x\n    state: A\n    expect: {}\n`);
    const escaped = await run(['bad.tests.yaml']);
    assert.equal(escaped.code, 2);
    assert.match(escaped.stderr, /^aws-workflows test: bad\.tests\.yaml: the definition \.\.\/.*secret\.asl\.json is outside /);
    rmSync(outside, { recursive: true, force: true });
  });
});
