// InvokeRestApi through our generated MWAA client (real SigV4 over HTTP) against the emulator's
// Airflow: DAGs from the seed, a trigger whose run moves on the scaled clock, logs by token, and
// Airflow 2 and 3 error bodies wrapped in RestApiClientException.
import assert from 'node:assert/strict';
import { MwaaClient, RestApiClientException, type InvokeRestApiRequest } from '../../src/aws/mwaa';
import type { RunningEmulator } from './server';
import { credentials, rejection, startTestEmulator } from './testSupport';

describe('emulator: MWAA InvokeRestApi and its Airflow model', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let us: MwaaClient;
  let eu: MwaaClient;

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo' });
    const options = (region: string) => ({ region, endpoint: emulator.endpoint, endpointOverridden: true, credentials: async () => credentials, retry: { maxAttempts: 1 } });
    us = new MwaaClient(options('us-east-1'));
    eu = new MwaaClient(options('eu-west-1'));
  });
  after(async () => {
    us.destroy();
    eu.destroy();
    await emulator.stop();
  });

  const call = (client: MwaaClient, input: Omit<InvokeRestApiRequest, 'Name'> & { Name?: string }) =>
    client.invokeRestApi({ Name: client === eu ? 'EuropeAirflow' : 'DemoAirflow', ...input });

  /** Polls until `done` holds for what `read` returns; the clock is real, so no fixed sleeps. */
  async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const v = await read();
      if (done(v)) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('condition not reached in 20 s');
  }

  it('lists the seeded DAGs with Airflow 2 and Airflow 3 shapes', async () => {
    const two = (await call(us, { Path: '/dags', Method: 'GET', QueryParameters: { limit: 2, offset: 0 } })).RestApiResponse as { dags: Record<string, unknown>[]; total_entries: number };
    assert.equal(two.total_entries, 3);
    assert.deepEqual(two.dags.map((d) => d.dag_id), ['ingest', 'nightly_etl']);
    assert.deepEqual(two.dags[1].schedule_interval, { __type: 'CronExpression', value: '0 2 * * *' });
    const three = (await call(eu, { Path: '/dags', Method: 'GET' })).RestApiResponse as { dags: Record<string, unknown>[] };
    assert.equal(three.dags[0].timetable_summary, '0 6 * * *');
    assert.equal('schedule_interval' in three.dags[0], false);
  });

  it('triggers a run that goes queued → running → failed, with task instances and logs per try', async () => {
    const run = (await call(us, { Path: '/dags/ingest/dagRuns', Method: 'POST', Body: { dag_run_id: 'vsc-test1', conf: { day: '2026-11-30' } } })).RestApiResponse as Record<string, unknown>;
    assert.equal(run.state, 'queued');
    assert.deepEqual(run.conf, { day: '2026-11-30' });
    const path = '/dags/ingest/dagRuns/vsc-test1/taskInstances';
    const tis = await eventually(
      async () => ((await call(us, { Path: path, Method: 'GET' })).RestApiResponse as { task_instances: Record<string, unknown>[] }).task_instances,
      (t) => t.some((x) => x.state === 'running'),
    );
    assert.equal(tis[0].task_id, 'fetch');
    const done = await eventually(
      async () => ((await call(us, { Path: '/dags/ingest/dagRuns', Method: 'GET', QueryParameters: { limit: 1 } })).RestApiResponse as { dag_runs: Record<string, unknown>[] }).dag_runs[0],
      (r) => r.state !== 'queued' && r.state !== 'running',
    );
    assert.equal(done.dag_run_id, 'vsc-test1');
    assert.equal(done.state, 'failed');
    const final = ((await call(us, { Path: path, Method: 'GET' })).RestApiResponse as { task_instances: Record<string, unknown>[] }).task_instances;
    assert.deepEqual(final.map((t) => [t.task_id, t.state, t.try_number]), [['fetch', 'success', 1], ['parse', 'failed', 2], ['publish', 'upstream_failed', 0]]);
    const log = (await call(us, { Path: '/dags/ingest/dagRuns/vsc-test1/taskInstances/parse/logs/2', Method: 'GET' })).RestApiResponse as { content: string; continuation_token: string };
    assert.match(log.content, /Starting attempt 2 of 2/);
    assert.match(log.content, /ValueError: parse: the input file is empty/);
    assert.ok(log.continuation_token);
    const missingTry = await rejection<RestApiClientException>(() => call(us, { Path: '/dags/ingest/dagRuns/vsc-test1/taskInstances/parse/logs/3', Method: 'GET' }));
    assert.equal(missingTry.RestApiStatusCode, 404);
  });

  it('pauses and unpauses with PATCH, and lists several DAGs’ runs with the batch endpoint', async () => {
    const paused = (await call(us, { Path: '/dags/nightly_etl', Method: 'PATCH', QueryParameters: { update_mask: 'is_paused' }, Body: { is_paused: true } })).RestApiResponse as Record<string, unknown>;
    assert.equal(paused.is_paused, true);
    await call(us, { Path: '/dags/nightly_etl', Method: 'PATCH', Body: { is_paused: false } });
    const batch = (await call(us, { Path: '/dags/~/dagRuns/list', Method: 'POST', Body: { dag_ids: ['nightly_etl'], page_limit: 10 } })).RestApiResponse as { dag_runs: Record<string, unknown>[] };
    assert.deepEqual(batch.dag_runs.map((r) => [r.dag_run_id, r.state]), [['scheduled__2026-11-29T02:00:00+00:00', 'success']]);
  });

  it('answers Airflow 2 problem JSON and Airflow 3 detail in RestApiClientException', async () => {
    const two = await rejection<RestApiClientException>(() => call(us, { Path: '/dags/nope', Method: 'GET' }));
    assert.equal(two.name, 'RestApiClientException');
    assert.equal(two.$metadata.httpStatusCode, 400);
    assert.equal(two.RestApiStatusCode, 404);
    assert.deepEqual(Object.keys(two.RestApiResponse as object).sort(), ['detail', 'status', 'title', 'type']);
    const three = await rejection<RestApiClientException>(() => call(eu, { Path: '/dags/eu_reports/dagRuns', Method: 'POST', Body: { conf: {} } }));
    assert.equal(three.RestApiStatusCode, 422);
    assert.deepEqual(three.RestApiResponse, { detail: [{ loc: ['body', 'logical_date'], msg: 'Field required', type: 'missing' }] });
    const conflict = await rejection<RestApiClientException>(() => call(us, { Path: '/dags/nightly_etl/dagRuns', Method: 'POST', Body: { dag_run_id: 'scheduled__2026-11-29T02:00:00+00:00' } }));
    assert.equal(conflict.RestApiStatusCode, 409);
  });

  it('refuses what MWAA refuses: long paths, private web servers, environments without a web server, unknown ones', async () => {
    const long = await rejection(() => call(us, { Path: `/dags/${'x'.repeat(60)}`, Method: 'GET' }));
    assert.equal(long.name, 'ValidationException');
    assert.match(long.message, /Path/);
    const priv = await rejection(() => us.invokeRestApi({ Name: 'PrivateAirflow', Path: '/dags', Method: 'GET' }));
    assert.match(priv.message, /PRIVATE_ONLY/);
    const missing = await rejection(() => us.invokeRestApi({ Name: 'Nope', Path: '/dags', Method: 'GET' }));
    assert.equal(missing.name, 'ResourceNotFoundException');
  });
});
