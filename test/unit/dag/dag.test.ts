import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDag } from '../../../src/core/dag/validate';
import { checkCron } from '../../../src/core/dag/cron';
import { RULES } from '../../../src/core/dag/rules';
import { OPERATORS, TRIGGER_RULES, DEFAULT_ARGS_KEYS } from '../../../src/core/facts/dag.generated';
import { parseDocument } from '../../../src/core/parse/document';
import { lintText } from '../../../src/core/lint';
import { assertDocumentsEmittedCodes, codes, expectedCodes, expectFinding, expectNone, rangeAfter, rangeOf } from '../lint/support';

const FIXTURES = join(__dirname, '../../fixtures/dag');
const EMPTY = 'airflow.operators.empty.EmptyOperator';

function check(text: string) {
  return validateDag(parseDocument(text, 'yaml'));
}

/** One DAG with the given tasks block (4-space indented task names) and extra DAG fields. */
function dag(tasks: string, fields = ''): string {
  return `etl:\n  dag_id: etl\n${fields}  tasks:\n${tasks}`;
}

function task(name: string, deps: string[] = [], extra = ''): string {
  return `    ${name}:\n      operator: ${EMPTY}\n${deps.length ? `      dependencies: [${deps.join(', ')}]\n` : ''}${extra}`;
}

describe('MWAA Serverless DAG definitions', () => {
  it('generated facts come from the schema', () => {
    assert.ok(OPERATORS.length > 200);
    assert.ok(OPERATORS.includes('airflow.providers.amazon.aws.operators.s3.S3ListOperator'));
    assert.ok(OPERATORS.includes('airflow.providers.amazon.aws.transfers.dynamodb_to_s3.DynamoDBToS3Operator'));
    assert.ok(TRIGGER_RULES.includes('none_failed_or_skipped'));
    assert.ok(DEFAULT_ARGS_KEYS.includes('retry_delay'));
  });

  describe('DAG ids', () => {
    it('accepts letters, digits, -, . and _', () => {
      assert.deepEqual(check(`a-b.c_1:\n  dag_id: a-b.c_1\n  tasks:\n${task('t')}`), []);
    });

    it('reports an invalid dag_id on its value', () => {
      const text = `etl:\n  dag_id: nightly etl!\n  tasks:\n${task('t')}`;
      expectFinding(check(text), 'dag/id-invalid', 'error', rangeOf(text, 'nightly etl!'));
    });

    it('warns when dag_id is missing, with a fix that adds it; checks the key instead', () => {
      const text = `etl:\n  schedule: null\n  tasks:\n${task('t')}`;
      const f = expectFinding(check(text), 'dag/dag-id-missing', 'warning', rangeOf(text, 'etl'));
      assert.deepEqual(f.fixes?.[0].edits, [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, newText: 'dag_id: etl\n  ' }]);
      const bad = `"my etl":\n  tasks:\n${task('t')}`;
      expectFinding(check(bad), 'dag/id-invalid', 'error', rangeOf(bad, '"my etl"'));
    });

    it('reports a DAG or a document that is not a mapping', () => {
      const text = 'etl: [a, b]\n';
      expectFinding(check(text), 'dag/not-a-mapping', 'error', rangeOf(text, '[a, b]'));
      const list = '- etl\n';
      expectFinding(check(list), 'dag/not-a-mapping', 'error', { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
    });
  });

  describe('tasks', () => {
    it('requires an operator', () => {
      const text = dag('    load:\n      bucket: x\n');
      expectFinding(check(text), 'dag/operator-missing', 'error', rangeOf(text, 'load'));
      const empty = dag('    load:\n');
      expectFinding(check(empty), 'dag/operator-missing', 'error', rangeOf(empty, 'load'));
    });

    it('warns on an operator outside the allowlist, suggesting the allowed path of the same class', () => {
      const text = dag('    t:\n      operator: airflow.operators.empty.EmptyOperatorr\n');
      const f = expectFinding(check(text), 'dag/operator-not-allowed', 'warning', rangeOf(text, 'airflow.operators.empty.EmptyOperatorr'));
      assert.equal(f.fixes?.[0].edits[0].newText, EMPTY);
      const moved = dag('    t:\n      operator: airflow.operators.s3.S3ListOperator\n');
      assert.match(expectFinding(check(moved), 'dag/operator-not-allowed', 'warning', rangeOf(moved, 'airflow.operators.s3.S3ListOperator')).message,
        /Did you mean 'airflow\.providers\.amazon\.aws\.operators\.s3\.S3ListOperator'/);
      const bash = dag('    t:\n      operator: airflow.operators.bash.BashOperator\n');
      assert.equal(expectFinding(check(bash), 'dag/operator-not-allowed', 'warning', rangeOf(bash, 'airflow.operators.bash.BashOperator')).fixes, undefined);
      expectNone(check(dag(task('t'))), 'dag/operator-not-allowed');
    });

    it('reports duplicate task names and task ids', () => {
      const text = dag(`${task('a')}${task('a')}`);
      expectFinding(check(text), 'dag/task-duplicate', 'error', rangeOf(text, 'a:', 1) && rangeAfter(text, `${EMPTY}\n    `, 'a'));
      const ids = dag(`${task('a')}${task('b', [], '      task_id: a\n')}`);
      expectFinding(check(ids), 'dag/task-duplicate', 'error', rangeAfter(ids, 'task_id: ', 'a'));
      expectNone(check(dag(`${task('a')}${task('b', [], '      task_id: c\n')}`)), 'dag/task-duplicate');
    });

    it('warns on unknown task fields, with a rename fix', () => {
      const text = dag(task('t', [], '      dependecies: [x]\n'));
      const f = expectFinding(check(text), 'dag/task-key-unknown', 'warning', rangeOf(text, 'dependecies'));
      assert.equal(f.fixes?.[0].edits[0].newText, 'dependencies');
      expectNone(check(dag(task('t', [], '      bucket: raw\n      aws_conn_id: aws_default\n'))), 'dag/task-key-unknown');
    });

    it('reports tasks that are not a mapping', () => {
      const text = dag('').replace('  tasks:\n', '  tasks: [a, b]\n');
      expectFinding(check(text), 'dag/tasks-invalid', 'error', rangeOf(text, '[a, b]'));
    });
  });

  describe('dependencies', () => {
    it('must name tasks of the DAG, with did-you-mean', () => {
      const text = dag(`${task('extract')}${task('load', ['extrakt'])}`);
      const f = expectFinding(check(text), 'dag/dependency-unknown', 'error', rangeOf(text, 'extrakt'));
      assert.match(f.message, /Did you mean 'extract'\?/);
      assert.equal(f.fixes?.[0].edits[0].newText, 'extract');
      assert.deepEqual(check(dag(`${task('extract')}${task('load', ['extract'])}`)), []);
    });

    it('must be a list of names', () => {
      const text = dag(task('t', [], '      dependencies: extract\n'));
      expectFinding(check(text), 'dag/dependencies-invalid', 'error', rangeOf(text, 'extract'));
      const item = dag(`${task('a')}${task('t', [], '      dependencies: [a, {x: 1}]\n')}`);
      expectFinding(check(item), 'dag/dependencies-invalid', 'error', rangeOf(item, '{x: 1}'));
    });

    it('reports a cycle once, listing it in run order', () => {
      const text = dag(`${task('extract', ['transform'])}${task('transform', ['extract'])}`);
      const f = expectFinding(check(text), 'dag/dependency-cycle', 'error', rangeAfter(text, 'transform:', 'extract'));
      assert.equal(f.message, 'These tasks depend on each other in a cycle: extract → transform → extract.');
    });

    it('lists a longer cycle and a self-dependency', () => {
      const text = dag(`${task('a', ['c'])}${task('b', ['a'])}${task('c', ['b'])}${task('d', ['d'])}`);
      const found = check(text).filter((f) => f.code === 'dag/dependency-cycle').map((f) => f.message).sort();
      assert.deepEqual(found, ["Task 'd' depends on itself.", 'These tasks depend on each other in a cycle: a → b → c → a.']);
    });

    it('accepts a diamond (shared upstream is not a cycle)', () => {
      assert.deepEqual(check(dag(`${task('a')}${task('b', ['a'])}${task('c', ['a'])}${task('d', ['b', 'c'])}`)), []);
    });

    it('handles a long chain without recursion limits', () => {
      const tasks = Array.from({ length: 5000 }, (_, i) => task(`t${i}`, i ? [`t${i - 1}`] : [])).join('');
      assert.deepEqual(check(dag(tasks)), []);
      const cyclic = dag(Array.from({ length: 5000 }, (_, i) => task(`t${i}`, [`t${(i + 4999) % 5000}`])).join(''));
      assert.deepEqual(codes(check(cyclic)), ['dag/dependency-cycle']);
    });
  });

  describe('default_args and trigger rules', () => {
    it('allows only the schema keys in default_args', () => {
      const text = dag(task('t'), '  default_args:\n    owner: data\n    retires: 2\n');
      const f = expectFinding(check(text), 'dag/default-arg-unknown', 'error', rangeOf(text, 'retires'));
      assert.equal(f.fixes?.[0].edits[0].newText, 'retries');
      assert.deepEqual(check(dag(task('t'), '  default_args:\n    owner: data\n    retries: 2\n    retry_delay: 300\n')), []);
      const notMap = dag(task('t'), '  default_args: [owner]\n');
      expectFinding(check(notMap), 'dag/default-args-invalid', 'error', rangeOf(notMap, '[owner]'));
    });

    it('checks trigger_rule in tasks and default_args, and weight_rule', () => {
      const text = dag(task('t', [], '      trigger_rule: all_succeeded\n'));
      expectFinding(check(text), 'dag/trigger-rule-invalid', 'error', rangeOf(text, 'all_succeeded'));
      const defaults = dag(task('t'), '  default_args:\n    trigger_rule: allsuccess\n');
      assert.equal(expectFinding(check(defaults), 'dag/trigger-rule-invalid', 'error', rangeOf(defaults, 'allsuccess')).fixes?.[0].edits[0].newText, 'all_success');
      assert.deepEqual(check(dag(task('t', [], '      trigger_rule: none_failed_or_skipped\n      weight_rule: upstream\n'))), []);
      const weight = dag(task('t', [], '      weight_rule: heaviest\n'));
      expectFinding(check(weight), 'dag/weight-rule-invalid', 'error', rangeOf(weight, 'heaviest'));
    });
  });

  describe('schedule', () => {
    const withSchedule = (value: string) => dag(task('t'), `  schedule: ${value}\n`);

    it('accepts presets, null and valid cron expressions', () => {
      for (const value of ['"@daily"', '"@hourly"', '"@once"', 'null', '', '"0 3 * * *"', '"*/15 8-18 * JAN-MAR,OCT-DEC MON-FRI"', '"0 0 1 */3 *"', '"30 23 L * 5L"', '"0 9 * * 1#2"', '"0 0 * * 7"']) {
        assert.deepEqual(check(withSchedule(value)), [], value);
      }
      assert.deepEqual(check(dag(task('t'), '  schedule_interval: "@weekly"\n')), []);
    });

    it('reports an unknown preset with a fix', () => {
      const text = withSchedule('"@dialy"');
      assert.equal(expectFinding(check(text), 'dag/schedule-invalid', 'error', rangeOf(text, '"@dialy"')).fixes?.[0].edits[0].newText, '@daily');
    });

    it('points at the cron field that is out of range', () => {
      const text = withSchedule('"0 25 * * *"');
      const f = expectFinding(check(text), 'dag/schedule-invalid', 'error', rangeAfter(text, '"0 ', '25'));
      assert.match(f.message, /25 is out of range for the hour \(0–23\)/);
      const month = withSchedule('"0 0 1 JANUARY *"');
      expectFinding(check(month), 'dag/schedule-invalid', 'error', rangeOf(month, 'JANUARY'));
      const plain = withSchedule('61 * * * *');
      expectFinding(check(plain), 'dag/schedule-invalid', 'error', rangeOf(plain, '61'));
    });

    it('reports the wrong number of fields and non-strings', () => {
      const text = withSchedule('"0 3 * *"');
      expectFinding(check(text), 'dag/schedule-invalid', 'error', rangeOf(text, '0 3 * *'));
      const number = withSchedule('5');
      expectFinding(check(number), 'dag/schedule-invalid', 'error', rangeAfter(number, 'schedule: ', '5'));
    });
  });

  describe('cron', () => {
    it('validates each field', () => {
      assert.deepEqual(checkCron('0 0 * * *'), []);
      assert.deepEqual(checkCron('0-59/5 0,12 1-31 1-12 0-6'), []);
      assert.deepEqual(checkCron('0 0 ? * SUN'), []);
      assert.deepEqual(checkCron('0 0 15W * *'), []);
      assert.equal(checkCron('0 0 0 * *')[0].message, '0 is out of range for the day of month (1–31).');
      assert.equal(checkCron('0 0 * 13 *')[0].message, '13 is out of range for the month (1–12).');
      assert.equal(checkCron('0 0 * * 8')[0].message, '8 is out of range for the day of week (0–7).');
      assert.match(checkCron('*/0 * * * *')[0].message, /cannot be 0/);
      assert.match(checkCron('5-1 * * * *')[0].message, /runs backwards/);
      assert.match(checkCron('1,,2 * * * *')[0].message, /empty list item/);
      assert.deepEqual(checkCron('0 0 * * * *').map((p) => [p.start, p.end]), [[0, 11]]);
      assert.deepEqual(checkCron('0 0 * * FRY').map((p) => [p.start, p.end]), [[8, 11]]);
    });
  });

  describe('dates', () => {
    it('accepts dates, date-times, relative and templated dates', () => {
      for (const value of ['2025-01-01', '"2025-01-01T06:00:00Z"', '2025-01-01 06:00', '"2025-01-01T06:00:00+02:00"', '3 days', '"{{ macros.ds_add(ds, -1) }}"']) {
        assert.deepEqual(check(dag(task('t'), `  start_date: ${value}\n`)), [], value);
      }
    });

    it('reports something that is not a date, in the DAG, default_args and tasks', () => {
      const text = dag(task('t', [], '      end_date: soon\n'), '  start_date: yesterday\n  default_args:\n    start_date: 12\n');
      const found = check(text).filter((f) => f.code === 'dag/date-invalid');
      assert.deepEqual(found.map((f) => f.range), [rangeOf(text, 'yesterday'), rangeAfter(text, 'start_date: ', '12'), rangeOf(text, 'soon')]);
      assert.ok(found.every((f) => f.severity === 'error'));
    });
  });

  it('warns on unknown DAG fields', () => {
    const text = dag(task('t'), '  schedual: "@daily"\n');
    assert.equal(expectFinding(check(text), 'dag/unknown-key', 'warning', rangeOf(text, 'schedual')).fixes?.[0].edits[0].newText, 'schedule');
  });

  describe('corpus', () => {
    for (const file of readdirSync(join(FIXTURES, 'valid'))) {
      it(`valid/${file}: no findings, detected as an MWAA Serverless DAG`, () => {
        const text = readFileSync(join(FIXTURES, 'valid', file), 'utf8');
        const result = lintText({ fileName: file, text });
        assert.equal(result.kind, 'airflowWorkflow');
        assert.deepEqual(result.findings, []);
      });
    }
    for (const file of readdirSync(join(FIXTURES, 'invalid'))) {
      it(`invalid/${file}: exactly the expected codes`, () => {
        const text = readFileSync(join(FIXTURES, 'invalid', file), 'utf8');
        const expected = expectedCodes(text);
        assert.ok(expected.length > 0, 'fixture has no # expect: line');
        const result = lintText({ fileName: file, text });
        assert.equal(result.kind, 'airflowWorkflow');
        assert.deepEqual([...new Set(codes(result.findings))].sort(), expected);
      });
    }
  });

  it('documents every code it emits', () => {
    assertDocumentsEmittedCodes(join(__dirname, '../../../src/core/dag/validate.ts'), 'dag', RULES);
  });
});
