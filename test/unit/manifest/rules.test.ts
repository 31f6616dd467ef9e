import assert from 'node:assert/strict';
import { CASES } from './cases';
import { applyFix, lintManifest, marked, only } from './support';

describe('manifest rules: each fires on exactly its characters and not on its neighbour', () => {
  for (const c of CASES) {
    it(`${c.code}: ${c.name}`, () => {
      const { text, range } = marked(c.fires);
      const f = only(lintManifest(text, c.ctx), c.code);
      assert.equal(f.severity, c.severity);
      assert.deepEqual(f.range, range, `range of ${c.code}`);
      assert.ok(f.message.length > 20 && /[.?]$/.test(f.message), `message is a sentence: ${f.message}`);
      assert.deepEqual(lintManifest(c.clean, { ...c.ctx, ...c.cleanCtx }).map((x) => `${x.code}: ${x.message}`), [], 'the neighbour is clean');
      if (c.fixed !== undefined) {
        const fix = f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0];
        assert.ok(fix, `${c.code} offers a fix`);
        const after = applyFix(text, fix);
        assert.equal(after, c.fixed);
        assert.ok(!lintManifest(after, c.ctx).some((x) => x.code === c.code), 'the fix removes the finding');
      }
    });
  }
});
