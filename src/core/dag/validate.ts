// MWAA Serverless workflow definitions: dag-factory style YAML, one or more DAGs keyed by id.
// Facts (operator allowlist, default_args keys, trigger rules, id pattern) are generated from
// ../shared/reference/mwaa-serverless-dag-schema.yaml into facts/dag.generated.ts.

import type { Finding, Severity } from '../findings';
import type { ParsedDocument } from '../parse/document';
import type { ObjectNode, PropertyNode, StringNode, ValueNode } from '../parse/node';
import { property } from '../parse/node';
import { DAG_ID_PATTERN, DAG_KEYS, DEFAULT_ARGS_KEYS, OPERATORS, SCHEDULE_PRESETS, TASK_KEYS, TRIGGER_RULES, WEIGHT_RULES } from '../facts/dag.generated';
import { checkCron } from './cron';
import { editDistance, suggest } from '../suggest';

const DAG_ID = new RegExp(DAG_ID_PATTERN);
const OPERATOR_SET = new Set(OPERATORS);
const DAG_KEY_SET = new Set(DAG_KEYS);
// `operator` and `dependencies` are declared apart from the plain keys in the schema's task block.
const TASK_KEY_SET = new Set([...TASK_KEYS, 'operator', 'dependencies']);
const DATE_KEYS = ['start_date', 'end_date'];
// ISO dates and date-times, dag-factory's relative forms ("3 days"), and Jinja templates.
const DATE_LIKE = /^(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?|\d+\s*(second|minute|hour|day|week|month|year)s?(\s+ago)?|.*\{\{.*\}\}.*)$/i;

export function validateDag(doc: ParsedDocument): Finding[] {
  return new DagValidator(doc).run();
}

interface TaskInfo {
  name: string;
  prop: PropertyNode;
  dependencies: StringNode[];
}

class DagValidator {
  private readonly findings: Finding[] = [];

  constructor(private readonly doc: ParsedDocument) {}

  run(): Finding[] {
    const root = this.doc.root;
    if (!root) return this.findings;
    if (root.kind !== 'object') {
      this.report('dag/not-a-mapping', 'error', root.start, root.end, 'An MWAA Serverless definition is a mapping of DAG ids to DAGs.');
      return this.findings;
    }
    for (const entry of root.entries) this.checkDag(entry);
    return this.findings;
  }

  private checkDag(entry: PropertyNode): void {
    const dag = entry.value;
    if (dag.kind !== 'object') {
      this.report('dag/not-a-mapping', 'error', dag.kind === 'null' ? entry.keyStart : dag.start, dag.kind === 'null' ? entry.keyEnd : dag.end,
        `DAG '${entry.key}' must be a mapping with dag_id, schedule and tasks.`);
      return;
    }
    const dagId = property(dag, 'dag_id');
    if (!dagId) {
      const edits = this.insertFirstKey(dag, `dag_id: ${entry.key}`);
      this.report('dag/dag-id-missing', 'warning', entry.keyStart, entry.keyEnd, `DAG '${entry.key}' has no dag_id; the MWAA Serverless schema requires one.`,
        edits.length > 0 ? { fixes: [{ title: `Add dag_id: ${entry.key}`, edits }] } : {});
      if (!DAG_ID.test(entry.key)) this.reportDagId(entry.key, entry.keyStart, entry.keyEnd);
    } else if (dagId.value.kind !== 'string') {
      this.report('dag/id-invalid', 'error', dagId.value.start, dagId.value.end, 'dag_id must be a string.');
    } else if (!DAG_ID.test(dagId.value.value)) {
      this.reportDagId(dagId.value.value, dagId.value.start, dagId.value.end);
    }

    for (const e of dag.entries) {
      if (DAG_KEY_SET.has(e.key)) continue;
      const guess = suggest(e.key, DAG_KEYS);
      this.report('dag/unknown-key', 'warning', e.keyStart, e.keyEnd, `'${e.key}' is not a DAG field in the MWAA Serverless schema.${guess ? ` Did you mean '${guess}'?` : ''}`,
        guess ? this.renameFix(e, guess) : {});
    }

    for (const key of ['schedule', 'schedule_interval']) {
      const p = property(dag, key);
      if (p) this.checkSchedule(p);
    }
    this.checkDates(dag);
    this.checkDefaultArgs(dag);

    const tasks = property(dag, 'tasks');
    if (tasks) this.checkTasks(tasks);
  }

  private reportDagId(id: string, start: number, end: number): void {
    this.report('dag/id-invalid', 'error', start, end, `DAG id '${id}' may only contain letters, digits, '-', '.' and '_'.`);
  }

  private checkSchedule(prop: PropertyNode): void {
    const v = prop.value;
    if (v.kind === 'null') return;
    if (v.kind !== 'string') {
      this.report('dag/schedule-invalid', 'error', v.start, v.end, `${prop.key} must be a cron expression, a preset such as @daily, or null.`);
      return;
    }
    const text = v.value.trim();
    if (text.startsWith('@')) {
      if (!SCHEDULE_PRESETS.includes(text)) {
        const guess = suggest(text, SCHEDULE_PRESETS);
        this.report('dag/schedule-invalid', 'error', v.start, v.end,
          `'${text}' is not a schedule preset (${SCHEDULE_PRESETS.join(', ')}).${guess ? ` Did you mean '${guess}'?` : ''}`,
          guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ range: this.range(v.start, v.end), newText: guess }] }] } : {});
      }
      return;
    }
    if (text === 'None' || text === 'null') return;
    const problems = checkCron(v.value);
    if (problems.length === 0) return;
    const source = this.doc.text.slice(v.start, v.end);
    const base = source.indexOf(v.value);
    for (const p of problems) {
      const [start, end] = base >= 0 ? [v.start + base + p.start, v.start + base + p.end] : [v.start, v.end];
      this.report('dag/schedule-invalid', 'error', start, end, p.message);
    }
  }

  private checkDates(node: ObjectNode): void {
    for (const key of DATE_KEYS) {
      const p = property(node, key);
      if (!p || p.value.kind === 'null') continue;
      const v = p.value;
      if (v.kind === 'string' ? !DATE_LIKE.test(v.value.trim()) : v.kind !== 'object') {
        this.report('dag/date-invalid', 'error', v.start, v.end, `${key} must be a date such as 2025-01-01 or 2025-01-01T06:00:00Z, not ${describe(v)}.`);
      }
    }
  }

  private checkDefaultArgs(dag: ObjectNode): void {
    const p = property(dag, 'default_args');
    if (!p || p.value.kind === 'null') return;
    if (p.value.kind !== 'object') {
      this.report('dag/default-args-invalid', 'error', p.value.start, p.value.end, 'default_args must be a mapping.');
      return;
    }
    for (const e of p.value.entries) {
      if (!DEFAULT_ARGS_KEYS.includes(e.key)) {
        const guess = suggest(e.key, DEFAULT_ARGS_KEYS);
        this.report('dag/default-arg-unknown', 'error', e.keyStart, e.keyEnd,
          `'${e.key}' is not allowed in default_args by MWAA Serverless (allowed: ${DEFAULT_ARGS_KEYS.join(', ')}).${guess ? ` Did you mean '${guess}'?` : ''}`,
          guess ? this.renameFix(e, guess) : {});
      }
    }
    this.checkTriggerRule(p.value);
    this.checkDates(p.value);
  }

  private checkTriggerRule(node: ObjectNode): void {
    const p = property(node, 'trigger_rule');
    if (p) this.checkEnum(p, TRIGGER_RULES, 'dag/trigger-rule-invalid', 'trigger_rule');
    const w = property(node, 'weight_rule');
    if (w) this.checkEnum(w, WEIGHT_RULES, 'dag/weight-rule-invalid', 'weight_rule');
  }

  private checkEnum(p: PropertyNode, values: readonly string[], code: string, what: string): void {
    const v = p.value;
    if (v.kind === 'string' && values.includes(v.value)) return;
    const guess = v.kind === 'string' ? suggest(v.value, values) : undefined;
    this.report(code, 'error', v.start, v.end, `${what} must be one of ${values.join(', ')}.${guess ? ` Did you mean '${guess}'?` : ''}`,
      guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ range: this.range(v.start, v.end), newText: guess }] }] } : {});
  }

  private checkTasks(prop: PropertyNode): void {
    const node = prop.value;
    if (node.kind === 'null') return;
    if (node.kind !== 'object') {
      this.report('dag/tasks-invalid', 'error', node.start, node.end, 'tasks must be a mapping of task names to tasks.');
      return;
    }
    const tasks = new Map<string, TaskInfo>();
    const taskIds = new Map<string, StringNode | PropertyNode>();
    for (const entry of node.entries) {
      if (tasks.has(entry.key)) {
        this.report('dag/task-duplicate', 'error', entry.keyStart, entry.keyEnd, `Task '${entry.key}' is defined twice in this DAG; task names must be unique.`);
        continue;
      }
      const info: TaskInfo = { name: entry.key, prop: entry, dependencies: [] };
      tasks.set(entry.key, info);
      this.checkTask(entry, info);
      const taskId = property(entry.value, 'task_id')?.value;
      const id = taskId?.kind === 'string' ? taskId.value : entry.key;
      const earlier = taskIds.get(id);
      if (earlier) {
        const at = taskId?.kind === 'string' ? taskId : undefined;
        this.report('dag/task-duplicate', 'error', at ? at.start : entry.keyStart, at ? at.end : entry.keyEnd,
          `Task id '${id}' is used by another task in this DAG; task ids must be unique.`);
      } else {
        taskIds.set(id, taskId?.kind === 'string' ? taskId : entry);
      }
    }
    const names = [...tasks.keys()];
    for (const task of tasks.values()) {
      for (const dep of task.dependencies) {
        if (tasks.has(dep.value)) continue;
        const guess = suggest(dep.value, names);
        this.report('dag/dependency-unknown', 'error', dep.start, dep.end,
          `Task '${task.name}' depends on '${dep.value}', which is not a task in this DAG.${guess ? ` Did you mean '${guess}'?` : ''}`,
          guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ range: this.range(dep.start, dep.end), newText: guess }] }] } : {});
      }
    }
    this.checkCycles(tasks);
  }

  private checkTask(entry: PropertyNode, info: TaskInfo): void {
    const task = entry.value;
    if (task.kind !== 'object') {
      this.report('dag/operator-missing', 'error', entry.keyStart, entry.keyEnd, `Task '${entry.key}' has no operator.`);
      return;
    }
    const operator = property(task, 'operator');
    if (!operator) {
      this.report('dag/operator-missing', 'error', entry.keyStart, entry.keyEnd, `Task '${entry.key}' has no operator: add the operator's fully qualified class name.`);
    } else if (operator.value.kind !== 'string') {
      this.report('dag/operator-missing', 'error', operator.value.start, operator.value.end, 'operator must be a fully qualified class name.');
    } else if (!OPERATOR_SET.has(operator.value.value)) {
      const written = operator.value.value;
      const className = written.slice(written.lastIndexOf('.') + 1);
      const sameClass = OPERATORS.find((o) => o.endsWith(`.${className}`));
      // Long dotted names are all close to each other: only suggest a near-exact spelling.
      const guess = sameClass ?? OPERATORS.find((o) => editDistance(written, o, 3) <= 3);
      this.report('dag/operator-not-allowed', 'warning', operator.value.start, operator.value.end,
        `'${written}' is not in MWAA Serverless's operator allowlist; the service may reject this workflow.${guess ? ` Did you mean '${guess}'?` : ''}`,
        guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ range: this.range(operator.value.start, operator.value.end), newText: guess }] }] } : {});
    }
    for (const e of task.entries) {
      if (TASK_KEY_SET.has(e.key)) continue;
      const guess = suggest(e.key, TASK_KEY_SET);
      this.report('dag/task-key-unknown', 'warning', e.keyStart, e.keyEnd, `'${e.key}' is not a task field in the MWAA Serverless schema.${guess ? ` Did you mean '${guess}'?` : ''}`,
        guess ? this.renameFix(e, guess) : {});
    }
    const deps = property(task, 'dependencies');
    if (deps && deps.value.kind !== 'null') {
      if (deps.value.kind !== 'array') {
        this.report('dag/dependencies-invalid', 'error', deps.value.start, deps.value.end, 'dependencies must be a list of task names.');
      } else {
        for (const item of deps.value.items) {
          if (item.kind === 'string') info.dependencies.push(item);
          else this.report('dag/dependencies-invalid', 'error', item.start, item.end, 'A dependency is a task name.');
        }
      }
    }
    this.checkTriggerRule(task);
    this.checkDates(task);
  }

  /** Reports each dependency cycle once, on the dependency that closes it. */
  private checkCycles(tasks: Map<string, TaskInfo>): void {
    const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
    const path: string[] = [];
    const reported = new Set<string>();
    const position = new Map([...tasks.keys()].map((name, i) => [name, i]));
    // Iterative DFS: a generated DAG with thousands of chained tasks must not overflow the stack.
    for (const startName of tasks.keys()) {
      if (state.has(startName)) continue;
      const stack: { name: string; next: number }[] = [{ name: startName, next: 0 }];
      state.set(startName, 1);
      path.push(startName);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        const deps = tasks.get(frame.name)?.dependencies ?? [];
        if (frame.next >= deps.length) {
          state.set(frame.name, 2);
          path.pop();
          stack.pop();
          continue;
        }
        const dep = deps[frame.next++];
        if (!tasks.has(dep.value)) continue;
        const s = state.get(dep.value);
        if (s === undefined) {
          state.set(dep.value, 1);
          path.push(dep.value);
          stack.push({ name: dep.value, next: 0 });
        } else if (s === 1) {
          // `frame.name` depends on `dep.value`, which is upstream of it on the path: a cycle.
          const cycle = path.slice(path.indexOf(dep.value));
          const key = [...cycle].sort().join('\u0000');
          if (reported.has(key)) continue;
          reported.add(key);
          // Listed in run order (each task runs before the next), starting from the one written first.
          const reversed = [...cycle].reverse();
          const first = reversed.reduce((best, name, i) => (position.get(name)! < position.get(reversed[best])! ? i : best), 0);
          const order = [...reversed.slice(first), ...reversed.slice(0, first)];
          const shown = [...order, order[0]].join(' → ');
          this.report('dag/dependency-cycle', 'error', dep.start, dep.end,
            cycle.length === 1 ? `Task '${dep.value}' depends on itself.` : `These tasks depend on each other in a cycle: ${shown}.`);
        }
      }
    }
  }

  private renameFix(e: PropertyNode, to: string): Partial<Finding> {
    return { fixes: [{ title: `Rename to '${to}'`, preferred: true, edits: [{ range: this.range(e.keyStart, e.keyEnd), newText: to }] }] };
  }

  private insertFirstKey(node: ObjectNode, line: string): { range: ReturnType<DagValidator['range']>; newText: string }[] {
    const first = node.entries[0];
    if (!first) return [];
    const pos = this.doc.lines.positionAt(first.keyStart);
    // Only block mappings, where the first key starts its own line.
    if (this.doc.text.slice(first.keyStart - pos.character, first.keyStart).trim() !== '') return [];
    return [{ range: { start: pos, end: pos }, newText: `${line}\n${' '.repeat(pos.character)}` }];
  }

  private range(start: number, end: number) {
    return this.doc.lines.range(start, end);
  }

  private report(code: string, severity: Severity, start: number, end: number, message: string, extra: Partial<Finding> = {}): void {
    this.findings.push({ code, severity, message, range: this.range(start, end), ...extra });
  }
}

function describe(node: ValueNode): string {
  switch (node.kind) {
    case 'string': return `'${node.value}'`;
    case 'number': return `the number ${node.raw}`;
    case 'boolean': return String(node.value);
    case 'null': return 'empty';
    case 'array': return 'a list';
    case 'object': return 'a mapping';
  }
}
