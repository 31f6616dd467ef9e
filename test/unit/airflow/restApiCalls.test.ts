// AirflowRestApi through the real AwsSession and our InvokeRestApi client against the emulator:
// the refusals that never reach Airflow, each as one sentence.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AirflowRestApi } from '../../../src/airflow/restApi';
import { AwsActionError } from '../../../src/aws/errors';
import { AwsSession } from '../../../src/aws/session';
import { silentLogger } from '../../../src/core/log';
import { emulatorEnv } from '../../emulator/deploy/support';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

const SEED = `
regions:
  us-east-1:
    mwaaEnvironments:
      - name: Building
        status: CREATING
        airflowVersion: 2.10.3
      - name: Legacy
        airflowVersion: 1.10.12
      - name: Fine
        airflowVersion: 3.0.6
        dags:
          - dagId: a_dag_whose_name_pushes_paths_past_limit
            tasks: [{ taskId: t, seconds: 1 }]
`;

describe('Airflow REST API calls: refusals before Airflow', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let session: AwsSession;

  before(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'airflow-seed-'));
    writeFileSync(path.join(dir, 'seed.yaml'), SEED);
    emulator = await startEmulator({ port: 0, seed: path.join(dir, 'seed.yaml'), quiet: true });
    session = new AwsSession({
      logger: silentLogger,
      env: emulatorEnv(emulator),
      retry: { maxAttempts: 1 },
    });
  });
  after(async () => {
    session?.dispose();
    await emulator?.stop();
  });

  async function invokeCount(): Promise<number> {
    const requests = (await (await fetch(`${emulator.controlUrl}/requests`)).json()) as { operation: string }[];
    return requests.filter((r) => r.operation === 'InvokeRestApi').length;
  }

  async function failure(p: Promise<unknown>): Promise<AwsActionError> {
    const err = await p.then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof AwsActionError, `expected an AwsActionError, got ${String(err)}`);
    return err;
  }

  it('an environment that is not AVAILABLE: says its status, sends nothing', async () => {
    const before = await invokeCount();
    const err = await failure(new AirflowRestApi(session, 'Building', 'us-east-1').listDags(0, 10));
    assert.equal(err.message, 'Could not list the DAGs: MWAA environment Building in us-east-1 is CREATING, not AVAILABLE, so its Airflow web server is not running. Wait until it is AVAILABLE, then refresh.');
    assert.equal(await invokeCount(), before);
  });

  it('an Airflow without the REST API this extension calls', async () => {
    const err = await failure(new AirflowRestApi(session, 'Legacy', 'us-east-1').listDags(0, 10));
    assert.match(err.message, /runs Airflow 1\.10\.12, and only Airflow 2 and 3 have the REST API/);
  });

  it('a path past InvokeRestApi’s 64 characters: names the limit and where else to look; lists fall back to the batch endpoints', async () => {
    const api = new AirflowRestApi(session, 'Fine', 'us-east-1');
    const dagId = 'a_dag_whose_name_pushes_paths_past_limit';
    const run = await api.trigger(dagId, 'vsc-1', {});
    assert.equal(run.state, 'queued');
    const runs = await api.listRuns(dagId, 0, 10);
    assert.deepEqual(runs.runs.map((r) => r.runId), ['vsc-1']);
    assert.deepEqual((await api.listTaskInstances(dagId, 'vsc-1')).map((t) => t.taskId), ['t']);
    const err = await failure(api.readLog(dagId, 'vsc-1', 't', 1));
    assert.match(err.message, /its Airflow REST path is \d+ characters and InvokeRestApi accepts at most 64\. Open it in the Airflow UI \(AWS Workflows: Open Airflow UI\), or read the task log in CloudWatch Logs \(log group airflow-Fine-Task\)\./);
  });

  it('an environment that is not there: says so, naming the region', async () => {
    const err = await failure(new AirflowRestApi(session, 'Missing', 'us-east-1').listDags(0, 10));
    assert.match(err.message, /^MWAA environment Missing is not in us-east-1\. Check the name, or the region/);
  });
});
