// State machine aliases through the real SDK over HTTP: create/describe/list/update/delete with the
// routing rules, executions started through an alias or a version ARN, and ListExecutions given
// either (the model: "specifying an alias ARN or a version ARN in the stateMachineArn parameter").
import assert from 'node:assert/strict';
import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteStateMachineAliasCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeStateMachineAliasCommand,
  ListExecutionsCommand,
  ListStateMachineAliasesCommand,
  PublishStateMachineVersionCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import type { RunningEmulator } from './server';
import { clients, credentials, rejection, startTestEmulator } from './testSupport';

const ROLE = 'arn:aws:iam::000000000000:role/TestRole';
const pass = (result: string) => JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: result, End: true } } });

describe('emulator: Step Functions aliases and executions through a version or alias', () => {
  let emulator: RunningEmulator;
  let sfn: SFNClient;
  let machineArn: string;
  let v1: string;
  let v2: string;

  before(async () => {
    emulator = await startTestEmulator({ timeScale: 0.001 });
    ({ sfn } = clients(emulator));
    machineArn = (await sfn.send(new CreateStateMachineCommand({ name: 'Routed', definition: pass('one'), roleArn: ROLE }))).stateMachineArn!;
    v1 = (await sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn: machineArn }))).stateMachineVersionArn!;
    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: machineArn, definition: pass('two') }));
    v2 = (await sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn: machineArn }))).stateMachineVersionArn!;
  });
  after(() => emulator.stop());

  it('creates, describes, lists, updates and deletes an alias, and checks its routing', async () => {
    const stateMachineAliasArn = (await sfn.send(new CreateStateMachineAliasCommand({ name: 'prod', description: 'live', routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }] }))).stateMachineAliasArn!;
    assert.equal(stateMachineAliasArn, `${machineArn}:prod`);
    const described = await sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }));
    assert.deepEqual([described.name, described.description, described.routingConfiguration], ['prod', 'live', [{ stateMachineVersionArn: v1, weight: 100 }]]);
    const listed = await sfn.send(new ListStateMachineAliasesCommand({ stateMachineArn: machineArn }));
    assert.deepEqual(listed.stateMachineAliases?.map((a) => a.stateMachineAliasArn), [stateMachineAliasArn]);

    await sfn.send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn, routingConfiguration: [{ stateMachineVersionArn: v1, weight: 90 }, { stateMachineVersionArn: v2, weight: 10 }] }));
    const updated = await sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }));
    assert.deepEqual(updated.routingConfiguration?.map((r) => r.weight), [90, 10]);

    const badSum = await rejection(() => sfn.send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn, routingConfiguration: [{ stateMachineVersionArn: v1, weight: 50 }, { stateMachineVersionArn: v2, weight: 20 }] })));
    assert.equal(badSum.name, 'ValidationException');
    const notVersion = await rejection(() => sfn.send(new CreateStateMachineAliasCommand({ name: 'staging', routingConfiguration: [{ stateMachineVersionArn: machineArn, weight: 100 }] })));
    assert.equal(notVersion.name, 'ValidationException');
    const routed = await rejection(() => sfn.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v1 })));
    assert.equal(routed.name, 'ConflictException');

    await sfn.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn }));
    const gone = await rejection(() => sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn })));
    assert.equal(gone.name, 'ResourceNotFound');
  });

  it('runs an execution started through an alias on the version it routes to, and lists it under the alias and the version', async () => {
    const { stateMachineAliasArn } = await sfn.send(new CreateStateMachineAliasCommand({ name: 'live', routingConfiguration: [{ stateMachineVersionArn: v2, weight: 100 }] }));
    const viaAlias = await sfn.send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn, name: 'through-alias' }));
    const viaVersion = await sfn.send(new StartExecutionCommand({ stateMachineArn: v1, name: 'through-version' }));
    await sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'unqualified' }));

    const d = await sfn.send(new DescribeExecutionCommand({ executionArn: viaAlias.executionArn }));
    assert.deepEqual([d.status, d.output, d.stateMachineAliasArn, d.stateMachineVersionArn], ['SUCCEEDED', '"two"', stateMachineAliasArn, v2]);

    const names = async (arn: string) => (await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn }))).executions?.map((e) => e.name);
    assert.deepEqual(await names(stateMachineAliasArn!), ['through-alias']);
    assert.deepEqual(await names(v1), ['through-version']);
    assert.deepEqual(await names(v2), ['through-alias']);
    assert.deepEqual(await names(machineArn), ['unqualified', 'through-version', 'through-alias']);
    const listed = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: stateMachineAliasArn }))).executions?.[0];
    assert.equal(listed?.stateMachineAliasArn, stateMachineAliasArn);
    assert.ok(viaVersion.executionArn);
  });

  it('seeds aliases: the demo seed routes OrderProcessing:prod to version 1', async () => {
    const demo = await startTestEmulator({ seed: 'demo' });
    try {
      const { sfn: demoSfn } = clients(demo);
      const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:OrderProcessing';
      const listed = await demoSfn.send(new ListStateMachineAliasesCommand({ stateMachineArn: machine }));
      assert.deepEqual(listed.stateMachineAliases?.map((a) => a.stateMachineAliasArn), [`${machine}:prod`]);
      const d = await demoSfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: `${machine}:prod` }));
      assert.deepEqual(d.routingConfiguration, [{ stateMachineVersionArn: `${machine}:1`, weight: 100 }]);
    } finally {
      await demo.stop();
    }
  });

  it('refuses an alias that does not exist, and StartSyncExecution on a Standard alias', async () => {
    const missing = await rejection(() => sfn.send(new StartExecutionCommand({ stateMachineArn: `${machineArn}:nope` })));
    assert.equal(missing.name, 'ResourceNotFound');
    // StartSyncExecution's `sync-` host prefix would break the endpoint override.
    const syncClient = new SFNClient({ endpoint: emulator.endpoint, region: 'us-east-1', credentials, maxAttempts: 1, disableHostPrefix: true });
    const sync = await rejection(() => syncClient.send(new StartSyncExecutionCommand({ stateMachineArn: `${machineArn}:live` })));
    assert.equal(sync.name, 'StateMachineTypeNotSupported');
  });
});
