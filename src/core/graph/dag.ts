// MWAA Serverless DAG (dag-factory YAML) → graph: each task a node with its operator, each
// dependency an edge from the upstream task. A file with several DAGs draws each in a container.

import { child, stringValue } from '../parse/node';
import type { ParsedDocument } from '../parse/document';
import { GraphBuilder, lastSegment } from './builder';
import type { GraphModel } from './model';

export function buildDagGraph(doc: ParsedDocument): GraphModel {
  const b = new GraphBuilder(doc, 'airflowWorkflow');
  const root = doc.root;
  if (root?.kind !== 'object') return b.model();
  const dags = root.entries.filter((e) => e.value.kind === 'object' && child(e.value, 'tasks')?.kind === 'object');
  const several = dags.length > 1;
  for (const dag of dags) {
    let parent: string | undefined;
    if (several) {
      const dagId = stringValue(child(dag.value, 'dag_id')) ?? dag.key;
      parent = b.addNode({ id: dag.key, kind: 'dag', label: dagId, start: dag.keyStart, end: dag.value.end, nameStart: dag.keyStart, nameEnd: dag.keyEnd }).id;
    }
    const tasks = child(dag.value, 'tasks');
    if (tasks?.kind !== 'object') continue;
    const ids = new Map<string, string>();
    for (const task of tasks.entries) {
      const operator = stringValue(child(task.value, 'operator'));
      const node = b.addNode({
        id: parent ? `${parent}::${task.key}` : task.key,
        kind: 'dagTask',
        label: task.key,
        parent,
        detail: operator ? lastSegment(operator) : undefined,
        description: operator,
        start: task.keyStart,
        end: task.value.end,
        nameStart: task.keyStart,
        nameEnd: task.keyEnd,
      });
      if (!ids.has(task.key)) ids.set(task.key, node.id);
    }
    for (const task of tasks.entries) {
      const deps = child(task.value, 'dependencies');
      const to = ids.get(task.key);
      if (!to || deps?.kind !== 'array') continue;
      for (const dep of deps.items) {
        const from = dep.kind === 'string' ? ids.get(dep.value) : undefined;
        if (from) b.addEdge(from, to, 'dependency');
      }
    }
  }
  return b.model();
}
