// Retry and Catch on Task, Parallel and Map states: retrier and catcher fields, ErrorEquals and
// the place of States.ALL (asl-facts §4).

import type { ObjectNode, ValueNode } from '../parse/node';
import { property as prop } from '../parse/node';
import { CATCHER_FIELDS, JITTER_STRATEGIES, PREDEFINED_ERRORS, RETRIER_FIELDS } from './fields';
import { suggest } from '../suggest';
import type { AslChecker, JsonataPlace, StateContext } from './types';

export function checkErrorEquals(asl: AslChecker, obj: ObjectNode, index: number, count: number, what: 'Retry' | 'Catch'): void {
  const p = prop(obj, 'ErrorEquals');
  if (!p) {
    asl.reportNode('asl/missing-field', 'error', `Each ${what === 'Retry' ? 'retrier' : 'catcher'} needs 'ErrorEquals' (a non-empty list of error names such as States.ALL).`, obj, { data: { field: 'ErrorEquals' } });
    return;
  }
  const arr = asl.expectArray(p.value, 'ErrorEquals');
  if (!arr) return;
  if (arr.items.length === 0) {
    asl.reportKey('asl/invalid-value', 'error', `'ErrorEquals' must list at least one error name.`, p);
    return;
  }
  for (const item of arr.items) {
    if (item.kind !== 'string') {
      asl.typeError(item, 'ErrorEquals item', 'an error name string');
      continue;
    }
    if (item.value === 'States.ALL') {
      if (arr.items.length > 1) asl.reportNode('asl/states-all-position', 'error', `'States.ALL' must appear alone in 'ErrorEquals'.`, item);
      else if (index !== count - 1) asl.reportNode('asl/states-all-position', 'error', `The ${what === 'Retry' ? 'retrier' : 'catcher'} with 'States.ALL' must be the last one in '${what}'.`, item);
    } else if (item.value.startsWith('States.') && !PREDEFINED_ERRORS.has(item.value)) {
      const suggestion = suggest(item.value, [...PREDEFINED_ERRORS]);
      asl.reportNode('asl/unknown-error-name', 'warning', `'${item.value}' is not a predefined Step Functions error name.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`, item, {
        fixes: suggestion ? [asl.replaceFix(`Change to '${suggestion}'`, item.start, item.end, suggestion)] : undefined,
      });
    }
  }
}

export function checkRetry(asl: AslChecker, node: ValueNode): void {
  const arr = asl.expectArray(node, 'Retry');
  if (!arr) return;
  arr.items.forEach((r, i) => {
    if (r.kind !== 'object') {
      asl.typeError(r, 'Retry item', 'a retrier object');
      return;
    }
    asl.checkFields(r, RETRIER_FIELDS, 'a retrier', undefined);
    checkErrorEquals(asl, r, i, arr.items.length, 'Retry');
    const interval = prop(r, 'IntervalSeconds');
    if (interval) asl.expectNumber(interval.value, 'IntervalSeconds', { integer: true, min: 0, exclusiveMin: true });
    const attempts = prop(r, 'MaxAttempts');
    if (attempts) asl.expectNumber(attempts.value, 'MaxAttempts', { integer: true, min: 0 });
    const backoff = prop(r, 'BackoffRate');
    if (backoff) asl.expectNumber(backoff.value, 'BackoffRate', { min: 1 });
    const maxDelay = prop(r, 'MaxDelaySeconds');
    if (maxDelay) asl.expectNumber(maxDelay.value, 'MaxDelaySeconds', { integer: true, min: 0, exclusiveMin: true });
    const jitter = prop(r, 'JitterStrategy');
    if (jitter) asl.expectEnum(jitter.value, 'JitterStrategy', JITTER_STRATEGIES);
    const comment = prop(r, 'Comment');
    if (comment) asl.expectString(comment.value, 'Comment');
  });
}

export function checkCatch(asl: AslChecker, node: ValueNode, ctx: StateContext): void {
  const arr = asl.expectArray(node, 'Catch');
  if (!arr) return;
  arr.items.forEach((c, i) => {
    if (c.kind !== 'object') {
      asl.typeError(c, 'Catch item', 'a catcher object');
      return;
    }
    asl.checkFields(c, CATCHER_FIELDS, 'a catcher', ctx.language);
    checkErrorEquals(asl, c, i, arr.items.length, 'Catch');
    const next = prop(c, 'Next');
    if (!next) asl.reportNode('asl/missing-field', 'error', `Each catcher needs 'Next': the state to go to when the error is caught.`, c, { data: { field: 'Next' } });
    else if (next.value.kind === 'string') asl.addEdge(ctx.scope, ctx.name, next.value);
    else {
      ctx.scope.dynamic = true;
      asl.typeError(next.value, 'Next', 'a state name');
    }
    const place: JsonataPlace = { field: 'Output', stateType: ctx.type, inCatcher: true };
    if (ctx.language === 'JSONPath') {
      const rp = prop(c, 'ResultPath');
      if (rp) asl.checkResultPath(rp.value);
    } else {
      const output = prop(c, 'Output');
      if (output) asl.checkJsonataValue(output.value, place);
    }
    const assign = prop(c, 'Assign');
    if (assign) asl.checkAssign(assign.value, ctx.language, { ...place, field: 'Assign' }, ctx.scope);
    const comment = prop(c, 'Comment');
    if (comment) asl.expectString(comment.value, 'Comment');
  });
}
