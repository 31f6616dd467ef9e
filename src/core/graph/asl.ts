// Amazon States Language → graph: every state a node, Parallel branches and Map processors nested
// containers, Next/Choice/Default/Catch edges. Reads what is there and never judges it: a broken
// transition is simply not drawn (the linter reports it), a duplicate name still gets its node.

import type { ObjectNode, ValueNode } from '../parse/node';
import { child, property, stringValue } from '../parse/node';
import type { ParsedDocument } from '../parse/document';
import { GraphBuilder, lastSegment } from './builder';
import type { GraphBadge, GraphModel, GraphNode, StateNodeKind } from './model';
import { shorten } from './model';

const STATE_KINDS: Record<string, StateNodeKind> = {
  Task: 'task', Pass: 'pass', Choice: 'choice', Wait: 'wait', Succeed: 'succeed', Fail: 'fail', Parallel: 'parallel', Map: 'map',
};

export const START_ID = '::start';
export const END_ID = '::end';

interface ScopeResult {
  ids: Map<string, string>;
  startId?: string;
  terminals: string[];
}

export function buildAslGraph(doc: ParsedDocument): GraphModel {
  const b = new GraphBuilder(doc, 'stateMachine');
  const root = doc.root;
  if (root?.kind !== 'object') return b.model();
  b.addNode({ id: START_ID, kind: 'start', label: 'Start' });
  const top = readScope(b, root, undefined);
  b.addNode({ id: END_ID, kind: 'end', label: 'End' });
  if (top.startId) b.addEdge(START_ID, top.startId, 'start');
  for (const t of top.terminals) b.addEdge(t, END_ID, 'end');
  return b.model();
}

function readScope(b: GraphBuilder, scope: ObjectNode, parent: string | undefined): ScopeResult {
  const states = child(scope, 'States');
  const result: ScopeResult = { ids: new Map(), terminals: [] };
  if (states?.kind !== 'object') return result;
  const read: { node: GraphNode; state: ValueNode }[] = [];
  for (const entry of states.entries) {
    const state = entry.value;
    const type = stringValue(child(state, 'Type'));
    const kind = (type && STATE_KINDS[type]) || 'pass';
    const node = b.addNode({
      id: entry.key,
      kind,
      label: entry.key,
      parent,
      start: entry.keyStart,
      end: state.end,
      nameStart: entry.keyStart,
      nameEnd: entry.keyEnd,
      detail: type && STATE_KINDS[type] ? detailOf(type, state) : `Type: ${type ?? 'missing'}`,
      description: stringValue(child(state, 'Resource')),
      badges: badgesOf(type, state),
    });
    if (!result.ids.has(entry.key)) result.ids.set(entry.key, node.id);
    if (type === 'Task') {
      const arn = stateMachineArnOf(state);
      if (arn) node.stateMachineArn = arn;
    }
    read.push({ node, state });
    readNested(b, node, type, state);
  }
  const startName = stringValue(child(scope, 'StartAt'));
  result.startId = startName === undefined ? undefined : result.ids.get(startName);
  if (result.startId) {
    const startNode = read.find((r) => r.node.id === result.startId)?.node;
    if (startNode) startNode.start = true;
  }
  for (const { node, state } of read) readTransitions(b, node, state, result);
  return result;
}

function readNested(b: GraphBuilder, node: GraphNode, type: string | undefined, state: ValueNode): void {
  if (type === 'Parallel') {
    const branches = child(state, 'Branches');
    if (branches?.kind !== 'array') return;
    branches.items.forEach((branch, i) => {
      if (branch.kind !== 'object') return;
      const container = b.addNode({ id: `${node.id}::branch-${i + 1}`, kind: 'branch', label: `Branch ${i + 1}`, parent: node.id, start: branch.start, end: branch.end });
      readScope(b, branch, container.id);
    });
  } else if (type === 'Map') {
    const processor = child(state, 'ItemProcessor') ?? child(state, 'Iterator');
    if (processor?.kind === 'object') readScope(b, processor, node.id);
  }
}

function readTransitions(b: GraphBuilder, node: GraphNode, state: ValueNode, scope: ScopeResult): void {
  const target = (name: string | undefined) => (name === undefined ? undefined : scope.ids.get(name));
  const next = target(stringValue(child(state, 'Next')));
  if (next) b.addEdge(node.id, next, 'next');
  const choices = child(state, 'Choices');
  if (choices?.kind === 'array') {
    for (const rule of choices.items) {
      const to = target(stringValue(child(rule, 'Next')));
      if (!to) continue;
      const condition = conditionText(rule);
      b.addEdge(node.id, to, 'choice', shorten(condition), condition);
    }
  }
  const byDefault = target(stringValue(child(state, 'Default')));
  if (byDefault) b.addEdge(node.id, byDefault, 'default', 'Default');
  const catchers = child(state, 'Catch');
  if (catchers?.kind === 'array') {
    for (const catcher of catchers.items) {
      const to = target(stringValue(child(catcher, 'Next')));
      if (!to) continue;
      const errors = stringList(child(catcher, 'ErrorEquals'));
      const text = errors.join(', ') || 'Catch';
      b.addEdge(node.id, to, 'catch', shorten(text), `Catch: ${text}`);
    }
  }
  const type = stringValue(child(state, 'Type'));
  if (child(state, 'End')?.kind === 'boolean' && (child(state, 'End') as { value: boolean }).value) node.end = true;
  if (type === 'Succeed' || type === 'Fail') node.end = true;
  if (node.end) scope.terminals.push(node.id);
}

function stringList(node: ValueNode | undefined): string[] {
  if (node?.kind === 'string') return [node.value];
  if (node?.kind !== 'array') return [];
  return node.items.flatMap((i) => (i.kind === 'string' ? [i.value] : []));
}

function detailOf(type: string, state: ValueNode): string | undefined {
  switch (type) {
    case 'Task': {
      const resource = stringValue(child(state, 'Resource'));
      return resource === undefined ? undefined : resourceLabel(resource);
    }
    case 'Wait': {
      for (const field of ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']) {
        const value = child(state, field);
        if (value && (value.kind === 'string' || value.kind === 'number')) return `${field} ${shorten(String(value.value), 24)}`;
      }
      return undefined;
    }
    case 'Parallel': {
      const branches = child(state, 'Branches');
      const n = branches?.kind === 'array' ? branches.items.length : 0;
      return `${n} branch${n === 1 ? '' : 'es'}`;
    }
    case 'Fail': {
      const error = stringValue(child(state, 'Error'));
      return error ? shorten(error, 30) : undefined;
    }
    case 'Map': {
      const processor = child(state, 'ItemProcessor');
      const reader = stringValue(child(child(state, 'ItemReader'), 'Resource'));
      if (reader) return `items: ${resourceLabel(reader)}`;
      return processor || child(state, 'Iterator') ? 'for each item' : undefined;
    }
    default:
      return undefined;
  }
}

/** `arn:aws:states:::lambda:invoke` → `lambda:invoke`; a function or activity ARN → its kind and name. */
export function resourceLabel(resource: string): string {
  const integration = /^arn:[^:]+:states:::(.+)$/.exec(resource);
  if (integration) return integration[1];
  const arn = /^arn:[^:]+:([^:]+):[^:]*:[^:]*:(.+)$/.exec(resource);
  if (arn) {
    const [, service, rest] = arn;
    if (service === 'lambda') return `lambda: ${rest.replace(/^function:/, '')}`;
    if (service === 'states') return rest.replace(/:/, ': ');
    return `${service}: ${lastSegment(rest, /[:/]/)}`;
  }
  return shorten(resource, 40);
}

function badgesOf(type: string | undefined, state: ValueNode): GraphBadge[] {
  const badges: GraphBadge[] = [];
  const retry = child(state, 'Retry');
  if (retry?.kind === 'array' && retry.items.length > 0) {
    const lines = retry.items.map((r) => {
      const errors = stringList(child(r, 'ErrorEquals')).join(', ');
      const attempts = child(r, 'MaxAttempts');
      return `${errors || '(no errors)'}${attempts?.kind === 'number' ? ` ×${attempts.raw}` : ''}`;
    });
    badges.push({ kind: 'retry', text: retry.items.length === 1 ? 'Retry' : `Retry ×${retry.items.length}`, title: `Retry: ${lines.join('; ')}` });
  }
  if (type === 'Map') {
    const mode = stringValue(child(child(child(state, 'ItemProcessor'), 'ProcessorConfig'), 'Mode'));
    if (mode === 'DISTRIBUTED') {
      const execution = stringValue(child(child(child(state, 'ItemProcessor'), 'ProcessorConfig'), 'ExecutionType'));
      badges.push({ kind: 'distributed', text: 'Distributed', title: `Distributed Map: each item runs as a child workflow execution${execution ? ` (${execution})` : ''}.` });
    }
  }
  if (stringValue(child(state, 'QueryLanguage')) === 'JSONata') badges.push({ kind: 'jsonata', text: 'JSONata', title: 'This state uses JSONata.' });
  return badges;
}

const COMPARISONS: Record<string, string> = {
  Equals: '==', LessThan: '<', GreaterThan: '>', LessThanEquals: '<=', GreaterThanEquals: '>=', Matches: 'matches',
};

/** A Choice rule as one readable line: a JSONata Condition, or JSONPath comparisons joined with && / ||. */
export function conditionText(rule: ValueNode | undefined, depth = 0): string {
  if (rule?.kind !== 'object' || depth > 8) return '…';
  const condition = stringValue(child(rule, 'Condition'));
  if (condition !== undefined) return condition.replace(/^\s*\{%\s*/, '').replace(/\s*%\}\s*$/, '');
  const and = child(rule, 'And');
  if (and?.kind === 'array') return and.items.map((r) => wrap(conditionText(r, depth + 1), and.items.length)).join(' && ');
  const or = child(rule, 'Or');
  if (or?.kind === 'array') return or.items.map((r) => wrap(conditionText(r, depth + 1), or.items.length)).join(' || ');
  const not = child(rule, 'Not');
  if (not) return `!(${conditionText(not, depth + 1)})`;
  const variable = stringValue(child(rule, 'Variable')) ?? '?';
  for (const entry of rule.entries) {
    const op = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals|Matches)(Path)?$/.exec(entry.key);
    if (op) return `${variable} ${COMPARISONS[op[2]]} ${literal(entry.value)}`;
    const is = /^Is(Null|Present|Numeric|String|Boolean|Timestamp)$/.exec(entry.key);
    if (is) {
      const yes = entry.value.kind === 'boolean' ? entry.value.value : true;
      return `${yes ? '' : '!'}is${is[1]}(${variable})`;
    }
  }
  return variable;
}

function wrap(text: string, siblings: number): string {
  return siblings > 1 && /&&|\|\|/.test(text) ? `(${text})` : text;
}

function literal(node: ValueNode): string {
  if (node.kind === 'string') return JSON.stringify(node.value);
  if (node.kind === 'number') return node.raw;
  if (node.kind === 'boolean' || node.kind === 'null') return String(node.value);
  return '…';
}

/** The state machine a Task starts: `states:startExecution` with a StateMachineArn argument. */
function stateMachineArnOf(state: ValueNode): string | undefined {
  const resource = stringValue(child(state, 'Resource')) ?? '';
  if (/:stateMachine:/.test(resource)) return resource;
  if (!/^arn:[^:]+:states:::states:startExecution/.test(resource)) return undefined;
  for (const field of ['Parameters', 'Arguments']) {
    const args = child(state, field);
    const direct = stringValue(child(args, 'StateMachineArn'));
    if (direct) return direct;
    // `StateMachineArn.$` is a path: not a literal ARN; but the key still tells us it is computed.
    if (property(args, 'StateMachineArn.$')) return undefined;
  }
  return undefined;
}
