// The examples' state machines run end to end in the emulator with the mock files beside them
// (`<name>.mocks.json`), and a mock that fails stops the run at that state, redrivable once fixed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CreateStateMachineCommand, DescribeExecutionCommand, RedriveExecutionCommand, StartExecutionCommand, type DescribeExecutionOutput, type SFNClient } from '@aws-sdk/client-sfn';
import { parse as parseYaml } from 'yaml';
import type { RunningEmulator } from './server';
import { clients, control, startTestEmulator } from './testSupport';

const folder = path.join(__dirname, '..', '..', 'examples', 'statemachines');
const examples = readdirSync(folder).filter((f) => /\.asl\.(json|ya?ml)$/.test(f));
const mockFileOf = (file: string) => path.join(folder, file.replace(/\.asl\.(json|ya?ml)$/, '.mocks.json'));

describe('emulator: the examples run end to end with their mocks', () => {
  let emulator: RunningEmulator;
  let sfn: SFNClient;

  before(async () => {
    emulator = await startTestEmulator({ timeScale: 0 });
    sfn = clients(emulator).sfn;
  });
  after(() => emulator.stop());

  async function runToEnd(executionArn: string): Promise<DescribeExecutionOutput> {
    for (;;) {
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (d.status !== 'RUNNING') return d;
      await new Promise((r) => setImmediate(r));
    }
  }

  async function deploy(file: string, name: string, mocks: unknown): Promise<string> {
    const definition = parseYaml(readFileSync(path.join(folder, file), 'utf8')) as unknown;
    // Both run as STANDARD here, so DescribeExecution can report them; the type does not change how a definition runs.
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::000000000000:role/examples' }));
    await control(emulator, 'PUT', `/mocks/us-east-1/${name}`, mocks);
    return stateMachineArn!;
  }

  it('has an example to run', () => assert.ok(examples.length >= 2, examples.join(', ')));

  for (const file of examples) {
    it(`${file} succeeds`, async () => {
      const mocks = existsSync(mockFileOf(file)) ? (JSON.parse(readFileSync(mockFileOf(file), 'utf8')) as unknown) : {};
      const arn = await deploy(file, file.replace(/\.asl\..*$/, ''), mocks);
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: JSON.stringify({ orderId: 'o-1001', total: 1250, name: 'Ada' }) }));
      const done = await runToEnd(executionArn!);
      assert.equal(done.status, 'SUCCEEDED', `${done.error}: ${done.cause}`);
    });
  }

  it('order-pipeline fails at a failing mock and succeeds when redriven after the mock is fixed', async () => {
    const mocks = JSON.parse(readFileSync(mockFileOf('order-pipeline.asl.yaml'), 'utf8')) as Record<string, unknown>;
    const arn = await deploy('order-pipeline.asl.yaml', 'order-pipeline-redrive', { ...mocks, ShipOrder: { errorOutput: { error: 'SQS.QueueDoesNotExist', cause: 'The shipping queue does not exist.' } } });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{"orderId":"o-1001","total":1250}' }));
    const failed = await runToEnd(executionArn!);
    assert.deepEqual([failed.status, failed.error, failed.redriveStatus], ['FAILED', 'SQS.QueueDoesNotExist', 'REDRIVABLE']);
    await control(emulator, 'PUT', '/mocks/us-east-1/order-pipeline-redrive', mocks);
    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    const redriven = await runToEnd(executionArn!);
    assert.equal(redriven.status, 'SUCCEEDED');
    assert.equal(redriven.output, JSON.stringify((mocks.ShipOrder as { result: unknown }).result));
  });
});
