// The injection grammars: valid JSON, every regex compiles (as JavaScript too: no Oniguruma-only
// syntax), package.json contributes each file, and the patterns match what they are for.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const syntaxes = path.join(root, 'syntaxes');
const load = (file: string) => JSON.parse(readFileSync(path.join(syntaxes, file), 'utf8'));

interface Rule { match?: string; begin?: string; end?: string; patterns?: Rule[]; captures?: Record<string, Rule>; include?: string; name?: string }

function regexesOf(rule: unknown, out: string[] = []): string[] {
  if (!rule || typeof rule !== 'object') return out;
  for (const [k, v] of Object.entries(rule)) {
    if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof v === 'string') out.push(v);
    else regexesOf(v, out);
  }
  return out;
}

function regexOf(grammar: { repository: Record<string, Rule> }, name: string): RegExp {
  return new RegExp(grammar.repository[name].match!, 'g');
}

describe('syntaxes (injection grammars)', () => {
  const files = readdirSync(syntaxes).filter((f) => f.endsWith('.json'));
  const json = load('workflows-json.injection.tmLanguage.json');
  const yaml = load('workflows-yaml.injection.tmLanguage.json');

  it('are all contributed in package.json, with our languages given the JSON and YAML grammars', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const contributed = (pkg.contributes.grammars as { path: string; scopeName: string; language?: string; injectTo?: string[] }[]);
    for (const f of files) {
      const entry = contributed.find((g) => path.normalize(g.path) === path.normalize(`./syntaxes/${f}`));
      assert.ok(entry, `${f} is not in contributes.grammars`);
      assert.equal(entry.scopeName, load(f).scopeName);
    }
    assert.deepEqual(load('asl.tmLanguage.json').patterns, [{ include: 'source.json' }]);
    assert.deepEqual(load('asl-yaml.tmLanguage.json').patterns, [{ include: 'source.yaml' }]);
    assert.deepEqual(contributed.find((g) => g.scopeName === json.scopeName)?.injectTo, ['source.json', 'source.asl']);
    assert.deepEqual(contributed.find((g) => g.scopeName === yaml.scopeName)?.injectTo, ['source.yaml', 'source.asl-yaml']);
  });

  it('have regexes that compile in JavaScript', () => {
    for (const f of files) {
      const all = regexesOf(load(f));
      for (const r of all) assert.doesNotThrow(() => new RegExp(r), `${f}: ${r}`);
    }
  });

  for (const [label, grammar] of [['JSON', json], ['YAML', yaml]] as const) {
    describe(label, () => {
      it('finds a JSONata block and the variables and functions inside it', () => {
        const m = regexOf(grammar, 'jsonata').exec('{% $sum($states.input.items.price) %}');
        assert.ok(m);
        assert.equal(m[2], ' $sum($states.input.items.price) ');
        const inner = grammar.repository.jsonata.captures!['2'].patterns!;
        const fn = new RegExp(inner[1].match!).exec(m[2]);
        assert.equal(fn?.[1], '$sum');
        assert.match(m[2], new RegExp(inner[0].match!));
      });

      it('finds intrinsic function names but not look-alikes', () => {
        const re = regexOf(grammar, 'intrinsic');
        assert.deepEqual([...`States.Format('{} of {}', $.a, States.UUID())`.matchAll(re)].map((m) => m[3]), ['Format', 'UUID']);
        assert.equal(re.exec('MyStates.Format'), null);
        re.lastIndex = 0;
        assert.equal(re.exec('States.ALL'), null);
      });

      it('finds JSONPath and context paths, not a dollar inside a word', () => {
        const re = regexOf(grammar, 'jsonpath');
        assert.deepEqual([...'$.order.items[0].id and $$.Execution.Id and $total.sum'.matchAll(re)].map((m) => m[0]), ['$.order.items[0].id', '$$.Execution.Id', '$total.sum']);
        assert.deepEqual([...'costs US$5'.matchAll(re)].map((m) => m[0]), []);
      });

      it('finds Image Builder step outputs and parameters with the step name apart', () => {
        const re = regexOf(grammar, 'image-builder-reference');
        const m = re.exec('$.stepOutputs.LaunchBuildInstance.instanceId');
        assert.equal(m?.[3], 'stepOutputs');
        assert.equal(m?.[5], 'LaunchBuildInstance');
        assert.equal(m?.[6], '.instanceId');
        re.lastIndex = 0;
        assert.equal(re.exec('$.parameters.waitForActionAtEnd')?.[5], 'waitForActionAtEnd');
      });
    });
  }

  it('does not let a JSONata match in JSON run past the end of its string', () => {
    const re = regexOf(json, 'jsonata');
    // The raw text of two JSON strings on one line: the first never closes its block.
    assert.equal(re.exec('{% $x ", "b": "%}'), null);
    re.lastIndex = 0;
    assert.ok(re.exec('{% $states.input.name = \\"x\\" %}'));
  });

  it('keeps keys out of the injection, and itself out of JSONata expressions', () => {
    assert.match(yaml.injectionSelector, /-meta\.map\.key/);
    assert.match(json.injectionSelector, /-support\.type\.property-name/);
    // Otherwise the outer JSONPath rule wins inside {% %}: `$states` would read as a path.
    for (const part of [...json.injectionSelector.split(','), ...yaml.injectionSelector.split(',')]) assert.match(part, /-meta\.embedded\.expression\.jsonata/);
  });
});
