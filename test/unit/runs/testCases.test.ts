// Saved TestState cases: parsing with one-sentence problems, and judging answers.
import * as assert from 'node:assert/strict';
import { judge, parseTestFile, type TestCase } from '../../../src/core/runs/testCases';

describe('runs: saved TestState cases', () => {
  it('parses a file and names the first problem of a bad one', () => {
    const ok = parseTestFile('definition: a.asl.json\ncases:\n  - name: one\n    state: S\n    expect: { nextState: T }\n');
    assert.ok(typeof ok !== 'string' && ok.cases[0].state === 'S');
    assert.equal(parseTestFile('cases: []'), "'definition' (the definition file, relative to this one) is missing.");
    assert.equal(parseTestFile('definition: a.json\ncases: []'), "'cases' must be a list of at least one case.");
    assert.equal(parseTestFile('definition: a.json\ncases:\n  - name: x\n    expect: { outptu: 1 }'), "case 1 (x): 'expect.outptu' is not one of status, nextState, output, error, cause.");
    assert.equal(parseTestFile('definition: a.json\ncases:\n  - name: x\n    mock: { result: 1, errorOutput: {} }\n    expect: {}'), "case 1 (x): 'mock' needs exactly one of 'result' and 'errorOutput'.");
    assert.match(String(parseTestFile('definition: [')), /^it does not parse: /);
  });

  it('judges status, next state, output (as JSON, key order aside), error and cause', () => {
    const c = (expect: TestCase['expect']): TestCase => ({ name: 'c', expect });
    assert.deepEqual(judge(c({ nextState: 'B', output: { a: 1, b: [2] } }), { status: 'SUCCEEDED', nextState: 'B', output: '{"b":[2],"a":1}' }), []);
    assert.deepEqual(judge(c({ nextState: 'B' }), { status: 'SUCCEEDED', nextState: 'C' }), ['next state C, expected B']);
    assert.deepEqual(judge(c({ error: 'E' }), { status: 'SUCCEEDED', output: '{}' }), ['status SUCCEEDED, expected FAILED', 'error none, expected E']);
    assert.deepEqual(judge(c({ status: 'CAUGHT_ERROR', cause: 'card' }), { status: 'CAUGHT_ERROR', cause: 'the card expired' }), []);
    assert.deepEqual(judge(c({ nextState: null }), { status: 'SUCCEEDED' }), []);
    assert.deepEqual(judge(c({ output: 1 }), { status: 'FAILED', error: 'X', cause: 'y' }), ['status FAILED, expected SUCCEEDED (X: y)', 'output none, expected 1']);
  });
});
