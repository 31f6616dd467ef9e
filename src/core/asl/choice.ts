// Choice states: JSONPath rules (one comparison per data-test rule, And/Or/Not nesting, Next only
// on top-level rules) and JSONata rules (Condition + Next) (asl-facts §5).

import type { ObjectNode, PropertyNode } from '../parse/node';
import { property as prop } from '../parse/node';
import { CHOICE_RULE_FIELDS_JSONATA, COMPARISON_OPERATORS } from './fields';
import { isJsonataString } from './jsonata';
import { suggest } from '../suggest';
import { checkTimestamp } from './wait';
import type { AslChecker, StateContext } from './types';

const JSONPATH_RULE_FIELDS: ReadonlySet<string> = new Set(['Variable', 'And', 'Or', 'Not', ...Object.keys(COMPARISON_OPERATORS)]);

export function checkChoice(asl: AslChecker, ctx: StateContext): void {
  const { node, language, scope, name } = ctx;
  const def = prop(node, 'Default');
  if (def) {
    if (def.value.kind === 'string') asl.addEdge(scope, name, def.value);
    else {
      scope.dynamic = true;
      asl.typeError(def.value, 'Default', 'a state name');
    }
  }
  const required = asl.requiredArray(ctx, 'Choices');
  if (!required) return;
  const { prop: choices, array: arr } = required;
  if (arr.items.length === 0) asl.reportKey('asl/invalid-value', 'error', `'Choices' must contain at least one rule.`, choices);
  for (const rule of arr.items) {
    if (rule.kind !== 'object') {
      asl.typeError(rule, 'Choices item', 'a choice rule object');
      continue;
    }
    const next = prop(rule, 'Next');
    if (!next) asl.reportNode('asl/choice-rule-next', 'error', `Each rule in 'Choices' needs 'Next'.`, rule);
    else if (next.value.kind === 'string') asl.addEdge(scope, name, next.value);
    else {
      scope.dynamic = true;
      asl.typeError(next.value, 'Next', 'a state name');
    }
    if (language === 'JSONata') checkJsonataRule(asl, rule);
    else checkJsonPathRule(asl, rule, true, 0);
    const assign = prop(rule, 'Assign');
    if (assign) asl.checkAssign(assign.value, language, { field: 'Assign', stateType: 'Choice' }, scope);
  }
}

export function checkJsonataRule(asl: AslChecker, rule: ObjectNode): void {
  asl.checkFields(rule, CHOICE_RULE_FIELDS_JSONATA, 'JSONata Choice rules', 'JSONata', { skip: JSONPATH_RULE_FIELDS });
  for (const entry of rule.entries) {
    if (JSONPATH_RULE_FIELDS.has(entry.key)) {
      asl.reportKey('asl/wrong-query-language-field', 'error', `The QueryLanguage is set to 'JSONata', but field '${entry.key}' is only supported for the 'JSONPath' QueryLanguage. In JSONata, a Choice rule tests 'Condition'.`, entry, { data: { field: entry.key, language: 'JSONata' } });
    }
  }
  const condition = prop(rule, 'Condition');
  if (!condition) asl.reportNode('asl/missing-field', 'error', `A JSONata Choice rule needs 'Condition' (true, false or a JSONata expression {% … %}).`, rule, { data: { field: 'Condition' } });
  else if (condition.value.kind === 'string') {
    if (isJsonataString(condition.value.value)) asl.checkJsonataString(condition.value, { field: 'Condition', stateType: 'Choice' });
    else asl.typeError(condition.value, 'Condition', 'true, false or a JSONata expression {% … %}');
  } else asl.expectBoolean(condition.value, 'Condition');
  const output = prop(rule, 'Output');
  if (output) asl.checkJsonataValue(output.value, { field: 'Output', stateType: 'Choice' });
  const comment = prop(rule, 'Comment');
  if (comment) asl.expectString(comment.value, 'Comment');
}

export function checkJsonPathRule(asl: AslChecker, rule: ObjectNode, top: boolean, depth: number): void {
  if (depth > 50) return;
  const operators: PropertyNode[] = [];
  const boolean: PropertyNode[] = [];
  for (const entry of rule.entries) {
    const k = entry.key;
    if (k in COMPARISON_OPERATORS) operators.push(entry);
    else if (k === 'And' || k === 'Or' || k === 'Not') boolean.push(entry);
    else if (k === 'Variable' || k === 'Comment') continue;
    else if (k === 'Next') {
      if (!top) asl.reportKey('asl/choice-rule-next', 'error', `'Next' is only allowed on top-level rules in 'Choices', not on rules nested in And, Or or Not.`, entry);
    } else if (k === 'Assign') {
      // Assign on nested rules is unverified (asl-facts §5): not reported.
      continue;
    } else if (k === 'Condition' || k === 'Output') {
      asl.reportKey('asl/wrong-query-language-field', 'error', `The QueryLanguage is set to 'JSONPath', but field '${k}' is only supported for the 'JSONata' QueryLanguage.`, entry, { data: { field: k, language: 'JSONPath' } });
    } else {
      const suggestion = suggest(k, [...Object.keys(COMPARISON_OPERATORS), 'Variable', 'And', 'Or', 'Not', 'Next', 'Comment', 'Assign']);
      asl.reportKey('asl/unknown-field', 'error', `Field '${k}' is not supported in Choice rules.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`, entry, {
        fixes: suggestion ? [asl.replaceFix(`Rename to '${suggestion}'`, entry.keyStart, entry.keyEnd, suggestion)] : undefined,
        data: suggestion ? { field: k, suggestion } : { field: k },
      });
    }
  }
  const comment = prop(rule, 'Comment');
  if (comment) asl.expectString(comment.value, 'Comment');
  const variable = prop(rule, 'Variable');
  if (boolean.length) {
    if (boolean.length > 1 || operators.length || variable) {
      asl.reportNode('asl/choice-rule-operator', 'error', `A Choice rule is either a boolean combination (one of And, Or, Not) or one comparison on a Variable, not both.`, rule);
    }
    for (const b of boolean) {
      if (b.key === 'Not') {
        if (b.value.kind === 'object') checkJsonPathRule(asl, b.value, false, depth + 1);
        else asl.typeError(b.value, 'Not', 'one rule object');
      } else {
        const arr = asl.expectArray(b.value, b.key);
        if (!arr) continue;
        if (arr.items.length === 0) asl.reportKey('asl/invalid-value', 'error', `'${b.key}' must contain at least one rule.`, b);
        for (const item of arr.items) {
          if (item.kind === 'object') checkJsonPathRule(asl, item, false, depth + 1);
          else asl.typeError(item, `${b.key} item`, 'a rule object');
        }
      }
    }
    return;
  }
  if (!variable) {
    asl.reportNode('asl/choice-rule-operator', 'error', `A Choice rule needs 'Variable' and one comparison operator (such as StringEquals), or one of And, Or, Not.`, rule);
  } else {
    asl.checkPathField(variable.value, 'Variable', 'path', { nullable: false, context: true, variables: true });
  }
  if (operators.length !== 1) {
    if (variable) {
      if (operators.length === 0) asl.reportNode('asl/choice-rule-operator', 'error', `A Choice rule needs exactly one comparison operator (such as StringEquals or IsPresent); this one has none.`, rule);
      else asl.reportKey('asl/choice-rule-operator', 'error', `A Choice rule needs exactly one comparison operator; this one has ${operators.map((o) => o.key).join(', ')}. Combine several with And or Or.`, operators[1]);
    }
  }
  for (const op of operators) checkOperatorValue(asl, op);
}

export function checkOperatorValue(asl: AslChecker, op: PropertyNode): void {
  const kind = COMPARISON_OPERATORS[op.key];
  const v = op.value;
  switch (kind) {
    case 'string':
    case 'pattern':
      asl.expectString(v, op.key);
      break;
    case 'number':
      asl.expectNumber(v, op.key, {});
      break;
    case 'boolean':
      asl.expectBoolean(v, op.key);
      break;
    case 'timestamp':
      checkTimestamp(asl, v, op.key, undefined);
      break;
    case 'path':
      asl.checkPathField(v, op.key, 'path', { nullable: false, context: true, variables: true });
      break;
  }
}
