import assert from 'node:assert/strict';
import { tagChange, tagMapOf, tagsToApply } from '../../../src/deploy/engine/tags';

describe('deploy tags on update', () => {
  it('applies only listed keys that are missing or differ, and never lists unlisted keys for removal', () => {
    const deployed = { team: 'orders', 'cost-center': '42', owner: 'ana' };
    assert.deepEqual(tagsToApply({ team: 'payments', owner: 'ana', tier: 'gold' }, deployed), { team: 'payments', tier: 'gold' });
    assert.deepEqual(tagsToApply(undefined, deployed), {});
    assert.deepEqual(tagsToApply({ team: 'orders' }, deployed), {});
  });

  it('compares YAML numbers and booleans as the strings AWS stores', () => {
    const listed = { cost: 42, public: false } as unknown as Record<string, string>;
    assert.deepEqual(tagsToApply(listed, { cost: '42', public: 'false' }), {});
    assert.deepEqual(tagsToApply(listed, {}), { cost: '42', public: 'false' });
  });

  it('summarizes the change for the confirmation, old values included', () => {
    assert.deepEqual(tagChange({ team: 'payments', tier: 'gold' }, { team: 'orders' }), { field: 'tags', summary: 'tags team=payments (was orders), tier=gold (new)' });
    assert.equal(tagChange({}, { team: 'orders' }), undefined);
  });

  it('reads Step Functions key/value pairs as a map', () => {
    assert.deepEqual(tagMapOf([{ key: 'a', value: '1' }, { key: 'b' }]), { a: '1', b: '' });
    assert.deepEqual(tagMapOf(undefined), {});
  });
});
