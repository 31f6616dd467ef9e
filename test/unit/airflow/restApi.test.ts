// The Airflow REST path builders (one per major version) and the readers of either version's JSON.
import * as assert from 'node:assert/strict';
import {
  airflow2Call,
  airflow3Call,
  airflowErrorDetail,
  airflowMajor,
  newRunId,
  parseTriggerConf,
  readDags,
  readLog,
  readRuns,
  readTaskInstances,
} from '../../../src/core/airflow/restApi';

describe('Airflow REST API paths and readers', () => {
  it('tells the major version from MWAA AirflowVersion', () => {
    assert.equal(airflowMajor('2.10.3'), 2);
    assert.equal(airflowMajor('3.0.6'), 3);
    assert.equal(airflowMajor('1.10.12'), undefined);
    assert.equal(airflowMajor(undefined), undefined);
  });

  it('Airflow 2: /dags, /dags/{id}/dagRuns by execution date, taskInstances, logs; ids percent-encoded', () => {
    assert.deepEqual(airflow2Call({ kind: 'listDags', offset: 50, limit: 25 }), { method: 'GET', path: '/dags', query: { limit: 25, offset: 50, order_by: 'dag_id', only_active: true } });
    assert.deepEqual(airflow2Call({ kind: 'listRuns', dagId: 'etl', offset: 0, limit: 10 }), { method: 'GET', path: '/dags/etl/dagRuns', query: { limit: 10, offset: 0, order_by: '-execution_date' } });
    assert.deepEqual(airflow2Call({ kind: 'triggerRun', dagId: 'etl', runId: 'vsc-1', conf: { a: 1 } }), { method: 'POST', path: '/dags/etl/dagRuns', body: { dag_run_id: 'vsc-1', conf: { a: 1 } } });
    assert.deepEqual(airflow2Call({ kind: 'setPaused', dagId: 'etl', paused: true }), { method: 'PATCH', path: '/dags/etl', query: { update_mask: 'is_paused' }, body: { is_paused: true } });
    assert.equal(airflow2Call({ kind: 'listTaskInstances', dagId: 'etl', runId: 'manual__2026-11-30T10:00:00+00:00', limit: 100 }).path, '/dags/etl/dagRuns/manual__2026-11-30T10%3A00%3A00%2B00%3A00/taskInstances');
    assert.deepEqual(airflow2Call({ kind: 'taskLog', dagId: 'etl', runId: 'r', taskId: 'load', tryNumber: 2, token: 'abc' }), { method: 'GET', path: '/dags/etl/dagRuns/r/taskInstances/load/logs/2', query: { full_content: false, token: 'abc' } });
  });

  it('Airflow 3: the v2 API sorts runs by run_after and sends logical_date null on trigger', () => {
    assert.deepEqual(airflow3Call({ kind: 'listDags', offset: 0, limit: 25 }), { method: 'GET', path: '/dags', query: { limit: 25, offset: 0, order_by: 'dag_id' } });
    assert.equal(airflow3Call({ kind: 'listRuns', dagId: 'etl', offset: 0, limit: 10 }).query?.order_by, '-run_after');
    assert.deepEqual(airflow3Call({ kind: 'triggerRun', dagId: 'etl', runId: 'vsc-1', conf: {} }).body, { dag_run_id: 'vsc-1', logical_date: null, conf: {} });
    assert.deepEqual(airflow3Call({ kind: 'latestRuns', dagIds: ['a', 'b'], limit: 8 }), { method: 'POST', path: '/dags/~/dagRuns/list', body: { dag_ids: ['a', 'b'], order_by: '-run_after', page_offset: 0, page_limit: 8 } });
  });

  it('falls back to the batch endpoints when a direct path would pass the limit', () => {
    const longRun = 'scheduled__2026-11-30T10:00:00+00:00';
    for (const build of [airflow2Call, airflow3Call]) {
      const tis = build({ kind: 'listTaskInstances', dagId: 'nightly_etl', runId: longRun, limit: 100 }, 64);
      assert.equal(tis.path, '/dags/~/dagRuns/~/taskInstances/list');
      assert.deepEqual(tis.body, { dag_ids: ['nightly_etl'], dag_run_ids: [longRun], page_limit: 100 });
      const runs = build({ kind: 'listRuns', dagId: 'd'.repeat(60), offset: 0, limit: 5 }, 64);
      assert.equal(runs.path, '/dags/~/dagRuns/list');
      // Under the limit the direct path stays.
      assert.equal(build({ kind: 'listTaskInstances', dagId: 'etl', runId: 'vsc-1', limit: 100 }, 64).path, '/dags/etl/dagRuns/vsc-1/taskInstances');
    }
  });

  it('reads DAGs of both versions: schedule, paused, tags', () => {
    const two = readDags({ dags: [{ dag_id: 'a', is_paused: true, schedule_interval: { __type: 'CronExpression', value: '0 2 * * *' }, tags: [{ name: 'etl' }] }, { dag_id: 'b', schedule_interval: { __type: 'TimeDelta', days: 1, seconds: 3600 } }], total_entries: 7 });
    assert.equal(two.total, 7);
    assert.deepEqual(two.dags.map((d) => [d.dagId, d.paused, d.schedule, d.tags]), [['a', true, '0 2 * * *', ['etl']], ['b', false, 'every 1d 1h', []]]);
    const three = readDags({ dags: [{ dag_id: 'c', is_paused: false, timetable_summary: '@daily', tags: [{ name: 'x', dag_id: 'c' }] }] });
    assert.deepEqual([three.dags[0].schedule, three.dags[0].tags, three.total], ['@daily', ['x'], 1]);
  });

  it('reads runs, task instances and logs of both versions', () => {
    const { runs } = readRuns({ dag_runs: [{ dag_id: 'a', dag_run_id: 'r', state: 'failed', execution_date: '2026-11-30T10:00:00+00:00', conf: { k: 1 } }, { dag_id: 'a', dag_run_id: 's', state: 'running', run_after: '2026-11-30T11:00:00+00:00', conf: {} }] });
    assert.equal(runs[0].logicalDate?.toISOString(), '2026-11-30T10:00:00.000Z');
    assert.deepEqual(runs[0].conf, { k: 1 });
    assert.equal(runs[1].conf, undefined);
    assert.equal(runs[1].logicalDate?.toISOString(), '2026-11-30T11:00:00.000Z');
    const tis = readTaskInstances({ task_instances: [{ task_id: 't', state: 'failed', try_number: 2, duration: 1.5, operator: 'PythonOperator' }, { task_id: 'u', state: null, try_number: 0, operator_name: 'BashOperator' }] });
    assert.deepEqual(tis.map((t) => [t.taskId, t.state, t.tryNumber, t.durationSeconds, t.operator]), [['t', 'failed', 2, 1.5, 'PythonOperator'], ['u', undefined, 0, undefined, 'BashOperator']]);
    assert.deepEqual(readLog({ content: 'one\ntwo\n', continuation_token: 'k' }), { lines: ['one', 'two'], continuationToken: 'k' });
    assert.deepEqual(readLog({ content: [{ timestamp: '2026-11-30T10:00:00Z', level: 'error', event: 'boom' }, { event: 'plain' }] }).lines, ['[2026-11-30T10:00:00Z ERROR] boom', 'plain']);
  });

  it('takes Airflow’s own words from either error body', () => {
    assert.equal(airflowErrorDetail({ detail: "DAG with dag_id: 'x' not found", status: 404, title: 'DAG not found', type: 'https://…' }), "DAG not found: DAG with dag_id: 'x' not found");
    assert.equal(airflowErrorDetail({ detail: 'The Dag with ID: `x` was not found' }), 'The Dag with ID: `x` was not found');
    assert.equal(airflowErrorDetail({ detail: [{ loc: ['body', 'logical_date'], msg: 'Field required', type: 'missing' }] }), 'body.logical_date: Field required');
    assert.equal(airflowErrorDetail('nothing'), undefined);
  });

  it('checks a trigger conf before sending: empty is {}, otherwise a JSON object', () => {
    assert.deepEqual(parseTriggerConf('  '), { conf: {} });
    assert.deepEqual(parseTriggerConf('{"day": "2026-11-30"}'), { conf: { day: '2026-11-30' } });
    assert.match((parseTriggerConf('{day: 1}') as { problem: string }).problem, /^The conf is not valid JSON/);
    assert.match((parseTriggerConf('[1]') as { problem: string }).problem, /JSON object .* not an array/);
    assert.match((parseTriggerConf('null') as { problem: string }).problem, /not null/);
    assert.match((parseTriggerConf(JSON.stringify({ a: 'x'.repeat(70_000) })) as { problem: string }).problem, /under 64 KB/);
  });

  it('makes run ids short enough for the log path limit', () => {
    const id = newRunId(Date.parse('2026-11-30T12:00:00Z'));
    assert.match(id, /^vsc-[0-9a-z]{7}$/);
    assert.ok(airflow2Call({ kind: 'taskLog', dagId: 'ingest', runId: id, taskId: 'publish', tryNumber: 2 }).path.length <= 64);
  });
});
