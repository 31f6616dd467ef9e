// Wording shared by the ASL checks: how a value is described, shortened, and what to use instead.

import type { NumberNode, ValueNode } from '../parse/node';
import type { QueryLanguage } from './fields';
import type { NumberRule } from './types';

export function describe(node: ValueNode): string {
  switch (node.kind) {
    case 'object': return 'an object';
    case 'array': return 'an array';
    case 'string': return `the string '${abbreviate(node.value)}'`;
    case 'number': return `the number ${(node as NumberNode).raw}`;
    case 'boolean': return String(node.value);
    case 'null': return 'null';
  }
}

export function describeNumberRule(rule: NumberRule): string {
  const noun = rule.integer ? 'an integer' : 'a number';
  if (rule.min === 0 && rule.exclusiveMin && rule.max !== undefined) return `${noun} from 1 to ${rule.max.toLocaleString('en-US')}`;
  if (rule.min === 0 && rule.exclusiveMin) return rule.integer ? 'a positive integer' : 'a positive number';
  if (rule.min !== undefined && rule.max !== undefined) return `${noun} from ${rule.min} to ${rule.max.toLocaleString('en-US')}`;
  if (rule.min !== undefined) return `${noun} of at least ${rule.min}`;
  return noun;
}

export function abbreviate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function hintForLanguage(field: string, language: QueryLanguage): string {
  if (language === 'JSONata') {
    if (field === 'Parameters') return ' Use Arguments instead.';
    if (field === 'ItemsPath') return ' Use Items instead.';
    if (field === 'InputPath' || field === 'OutputPath' || field === 'ResultPath' || field === 'ResultSelector' || field === 'Result') return ' Use Output (and $states.input / $states.result) instead.';
    if (field.endsWith('Path')) return ` Use '${field.slice(0, -4)}' with a JSONata expression instead.`;
  } else {
    if (field === 'Arguments') return ' Use Parameters, or set "QueryLanguage": "JSONata".';
    if (field === 'Output') return ' Use OutputPath or ResultSelector, or set "QueryLanguage": "JSONata".';
    if (field === 'Items') return ' Use ItemsPath, or set "QueryLanguage": "JSONata".';
  }
  return '';
}
