// src/core/asl is a checker toolkit (checker.ts), one module per state type and shared types: no
// module imports, even for types, a module that imports it, so the state-type modules stay separate.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '../../../src/core/asl');

function imports(file: string): string[] {
  const text = readFileSync(path.join(dir, file), 'utf8');
  return [...text.matchAll(/^import\s[^;]*?from\s+'\.\/([^']+)';/gms)].map((m) => `${m[1]}.ts`);
}

describe('src/core/asl modules', () => {
  it('has no import cycle', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    const graph = new Map(files.map((f) => [f, imports(f)]));
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (trail.includes(file)) {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    };
    for (const f of files) visit(f, []);
    assert.deepEqual([...new Set(cycles)], []);
  });

  it('keeps each state type in its own module, and the entry point small', () => {
    for (const module of ['task.ts', 'choice.ts', 'wait.ts', 'fail.ts', 'parallel.ts', 'map.ts', 'retry.ts', 'types.ts']) {
      assert.ok(!imports(module).includes('checker.ts') && !imports(module).includes('validate.ts'), `${module} imports the checker`);
    }
    assert.ok(readFileSync(path.join(dir, 'validate.ts'), 'utf8').split('\n').length < 60);
  });
});
