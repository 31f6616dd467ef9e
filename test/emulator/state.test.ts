import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CreateWorkflowCommand, GetWorkflowCommand } from '@aws-sdk/client-imagebuilder';
import { CreateStateMachineCommand, DescribeStateMachineCommand, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { clients, rejection, startTestEmulator } from './testSupport';
import { describeWithReference } from '../support/reference';

const DEFINITION = '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}';

describe('emulator: seeds, persistence and the command line', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'emulator-state-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('persists state across a restart (written atomically, then loaded instead of the seed)', async () => {
    const statePath = path.join(dir, 'state.json');
    const first = await startTestEmulator({ statePath, seed: 'demo' });
    const c = clients(first);
    await c.sfn.send(new CreateStateMachineCommand({ name: 'Survivor', definition: DEFINITION, roleArn: 'arn:aws:iam::000000000000:role/R', publish: true }));
    const { workflowBuildVersionArn } = await c.imagebuilder.send(new CreateWorkflowCommand({ name: 'kept', semanticVersion: '1.0.0', type: 'BUILD', data: 'a: 1', clientToken: 'persisted-token' }));
    await first.stop();
    assert.deepEqual(readdirSync(dir), ['state.json'], 'no temporary file is left behind');

    const second = await startTestEmulator({ statePath, seed: 'demo' });
    try {
      const again = clients(second);
      const described = await again.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Survivor:1' }));
      assert.equal(described.definition, DEFINITION);
      assert.equal((await again.imagebuilder.send(new GetWorkflowCommand({ workflowBuildVersionArn }))).workflow?.data, 'a: 1');
      // Idempotency records survive too: the same token with other parameters is still a mismatch.
      const mismatch = await rejection(() => again.imagebuilder.send(new CreateWorkflowCommand({ name: 'kept2', semanticVersion: '1.0.0', type: 'BUILD', data: 'a: 1', clientToken: 'persisted-token' })));
      assert.equal(mismatch.name, 'IdempotentParameterMismatchException');
      assert.ok((await again.mwaa.listEnvironments({})).Environments?.includes('DemoAirflow'));
    } finally {
      await second.stop();
    }
  });

  it('applies a YAML seed file in any region', async () => {
    const seedPath = path.join(dir, 'seed.yaml');
    writeFileSync(
      seedPath,
      ['regions:', '  ap-northeast-2:', '    stateMachines:', '      - name: Seeded', `        definition: '${DEFINITION}'`, '    mwaaEnvironments:', '      - name: Seoul', '        status: CREATING'].join('\n'),
    );
    const emulator = await startTestEmulator({ seed: seedPath });
    try {
      const c = clients(emulator, 'ap-northeast-2');
      assert.deepEqual((await c.sfn.send(new ListStateMachinesCommand({}))).stateMachines?.map((m) => m.name), ['Seeded']);
      assert.deepEqual((await c.mwaa.listEnvironments({})).Environments, ['Seoul']);
      assert.deepEqual((await clients(emulator).sfn.send(new ListStateMachinesCommand({}))).stateMachines, []);
    } finally {
      await emulator.stop();
    }
  });

  it('generates the large seed: 10,000 state machines in us-east-1', async () => {
    const emulator = await startTestEmulator({ seed: 'large' });
    try {
      const sfn = clients(emulator).sfn;
      let count = 0;
      let nextToken: string | undefined;
      do {
        const page = await sfn.send(new ListStateMachinesCommand({ maxResults: 1000, nextToken }));
        count += page.stateMachines?.length ?? 0;
        nextToken = page.nextToken;
      } while (nextToken);
      assert.equal(count, 10_000);
    } finally {
      await emulator.stop();
    }
  });

  it('`npm run emulator` prints the ready line, serves, and exits cleanly on SIGTERM', async () => {
    const root = path.resolve(__dirname, '..', '..');
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'test/emulator/main.ts', '--port', '0', '--seed', 'demo'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', () => reject(new Error('the emulator exited before printing a line')));
      });
      const m = /^ready (http:\/\/127\.0\.0\.1:(\d+))$/.exec(firstLine);
      assert.ok(m, `unexpected first line: ${firstLine}`);
      const sfn = clients({ endpoint: m[1], port: Number(m[2]), airflowPort: 0, controlUrl: `${m[1]}/_emulator`, stop: async () => {} }).sfn;
      assert.ok((await sfn.send(new ListStateMachinesCommand({}))).stateMachines?.some((s) => s.name === 'OrderProcessing'));
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });
});

describeWithReference('emulator: generated models (against ../shared/reference)', () => {
  it('are what scripts/generate-emulator-models.mjs makes from ../shared/reference', () => {
    const root = path.resolve(__dirname, '..', '..');
    const result = spawnSync(process.execPath, ['scripts/generate-emulator-models.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});
