import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checkOverrideParameters, dagParams, defaultParametersText, type DagParams } from '../../../src/core/dag/params';

const demoDag = (parse(readFileSync(path.join(__dirname, '../../emulator/seeds/demo.yaml'), 'utf8')) as { buckets: { objects?: Record<string, string> }[] }).buckets.find((b) => b.objects?.['dags/nightly_etl.yaml'])!.objects!['dags/nightly_etl.yaml'];

describe('DAG params and override parameters', () => {
  it("reads the DAG's params with their defaults (the demo's nightly_etl)", () => {
    const dag = dagParams(demoDag) as DagParams;
    assert.equal(dag.dagId, 'nightly_etl');
    assert.deepEqual(dag.params, { day: 'yesterday', prefix: 'input/' });
    assert.equal(defaultParametersText(dag), '{"day":"yesterday","prefix":"input/"}');
  });

  it('a DAG without params has none; a definition that is not a DAG says why', () => {
    assert.deepEqual(dagParams('x:\n  tasks:\n    a: {operator: o}\n'), { dagId: 'x', params: {} });
    assert.match((dagParams('x: [') as { problem: string }).problem, /could not be read as YAML/);
    assert.deepEqual(dagParams('x:\n  schedule: daily\n'), { problem: 'The workflow definition has no DAG with tasks.' });
  });

  it('checks overrides: JSON object, declared names only, scalar values; empty means none', () => {
    const dag: DagParams = { dagId: 'etl', params: { day: 'today', prefix: 'in/' } };
    assert.deepEqual(checkOverrideParameters('  ', dag), {});
    assert.deepEqual(checkOverrideParameters('{"day": "2026-11-30"}', dag), { parameters: { day: '2026-11-30' } });
    assert.deepEqual(checkOverrideParameters('{"dya": "x"}', dag), { problem: 'etl has no param "dya": it declares "day", "prefix".' });
    assert.match((checkOverrideParameters('[1]', dag) as { problem: string }).problem, /must be a JSON object .* not an array/);
    assert.match((checkOverrideParameters('{"day": ', dag) as { problem: string }).problem, /not valid JSON/);
    assert.match((checkOverrideParameters('{"day": {"a": 1}}', dag) as { problem: string }).problem, /"day" must be a string, number or boolean/);
    assert.deepEqual(checkOverrideParameters('{"x": 1}', { dagId: 'e', params: {} }), { problem: 'e has no param "x": it declares no params.' });
  });
});
