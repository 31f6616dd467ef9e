// Parallel states: Branches, each its own scope of states.

import { property as prop } from '../parse/node';
import { BRANCH_FIELDS } from './fields';
import type { AslChecker, StateContext } from './types';

export function checkParallel(asl: AslChecker, ctx: StateContext): void {
  const { name } = ctx;
  const required = asl.requiredArray(ctx, 'Branches');
  if (!required) return;
  const { prop: branches, array: arr } = required;
  if (arr.items.length === 0) asl.reportKey('asl/empty-branches', 'warning', `Parallel state '${name}' has no branches.`, branches);
  arr.items.forEach((branch, i) => {
    if (branch.kind !== 'object') {
      asl.typeError(branch, 'Branches item', 'a branch object with StartAt and States');
      return;
    }
    const label = `branch ${i + 1} of '${name}'`;
    asl.checkFields(branch, BRANCH_FIELDS, `a Parallel branch`, undefined);
    const comment = prop(branch, 'Comment');
    if (comment) asl.expectString(comment.value, 'Comment');
    asl.checkScope(branch, label, `${ctx.path}/Branches/${i}`, undefined, ctx.scope);
  });
}
