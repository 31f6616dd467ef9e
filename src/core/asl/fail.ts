// Fail states: Error and Cause, or ErrorPath and CausePath (a reference path or a string-returning intrinsic).

import { property as prop } from '../parse/node';
import type { AslChecker, StateContext } from './types';

export function checkFail(asl: AslChecker, ctx: StateContext): void {
  const { node, language } = ctx;
  for (const f of ['Error', 'Cause']) {
    const p = prop(node, f);
    if (!p) continue;
    if (p.value.kind !== 'string') asl.typeError(p.value, f, 'a string');
    else if (language === 'JSONata') asl.checkJsonataString(p.value, { field: f, stateType: 'Fail' });
  }
  if (language === 'JSONPath') {
    for (const f of ['ErrorPath', 'CausePath']) {
      const p = prop(node, f);
      if (p) asl.checkPathField(p.value, f, 'reference', { nullable: false, context: true, variables: true, intrinsic: true });
    }
    asl.exclusive(node, 'Error', 'ErrorPath');
    asl.exclusive(node, 'Cause', 'CausePath');
  }
}
