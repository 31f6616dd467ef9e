// The graph of a workflow definition as plain data: what is drawn, not where. Built from the
// position-keeping parse tree (src/core/parse) for the three kinds of document, so the editor, the
// CLI and the execution view (#15) share one model. No vscode, no DOM.

import type { Range, Severity } from '../findings';

export type GraphDocumentKind = 'stateMachine' | 'airflowWorkflow' | 'imageBuilderWorkflow' | 'cloudFormationTemplate';

/** Step Functions state types, lower-cased, then the kinds of the other documents and the markers. */
export type StateNodeKind = 'task' | 'pass' | 'choice' | 'wait' | 'succeed' | 'fail' | 'parallel' | 'map';
export type GraphNodeKind =
  | StateNodeKind
  /** A Parallel state's branch: a container of states. */
  | 'branch'
  /** An MWAA Serverless task (an Airflow operator). */
  | 'dagTask'
  /** A DAG, when a file holds several: a container of tasks. */
  | 'dag'
  /** A template's state machine resource: a container of its definition's graph. */
  | 'stateMachine'
  /** Why a template's state machine is not drawn (its definition is computed, remote or unreadable). */
  | 'note'
  /** An Image Builder workflow step. */
  | 'step'
  | 'start'
  | 'end';

export const STATE_NODE_KINDS: ReadonlySet<GraphNodeKind> = new Set<GraphNodeKind>(['task', 'pass', 'choice', 'wait', 'succeed', 'fail', 'parallel', 'map']);
/** Kinds drawn as containers of other nodes. */
export const CONTAINER_KINDS: ReadonlySet<GraphNodeKind> = new Set<GraphNodeKind>(['parallel', 'map', 'branch', 'dag', 'stateMachine']);

export interface GraphFinding {
  code?: string;
  severity: Severity;
  message: string;
}

/** Where a node is written: offsets into the text and the matching editor ranges. */
export interface GraphSource {
  /** The whole state, task or step. */
  start: number;
  end: number;
  /** The name (the key of a state or task, the `name` value of a step): where "reveal" puts the cursor. */
  nameStart: number;
  nameEnd: number;
  range: Range;
  nameRange: Range;
}

export interface GraphBadge {
  /** `retry`, `distributed`, `onFailure`, `condition`, `jsonata`, … */
  kind: string;
  text: string;
  /** The longer explanation shown on hover. */
  title?: string;
}

export interface GraphNode {
  /** Unique in the graph: the state, task or step name; markers and branches get `::` ids. */
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** The container this node is drawn in (a Parallel branch, a Map, a DAG). */
  parent?: string;
  /** The second line: a Task's resource, an operator, an Image Builder action. */
  detail?: string;
  /** The full text behind a shortened detail (a resource ARN, an operator's import path), for hovers. */
  description?: string;
  badges: GraphBadge[];
  source?: GraphSource;
  /** Findings whose range starts inside this node (innermost node wins). */
  findings: GraphFinding[];
  /** The worst severity among `findings`. */
  severity?: Severity;
  unreachable?: boolean;
  /** A Task that starts another state machine: its ARN (literal, or as written). */
  stateMachineArn?: string;
  /** The first state of its scope. */
  start?: boolean;
  /** Ends its scope (End, Succeed, Fail). */
  end?: boolean;
}

export type GraphEdgeKind =
  /** Next, and the implicit order of Image Builder steps. */
  | 'next'
  | 'choice'
  | 'default'
  | 'catch'
  | 'start'
  | 'end'
  /** A DAG task dependency. */
  | 'dependency'
  /** An Image Builder `$.stepOutputs` reference: data, not control. */
  | 'data';

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: GraphEdgeKind;
  /** Short text on the edge (a shortened condition, error names). */
  label?: string;
  /** The full text behind a shortened label. */
  title?: string;
}

export interface GraphModel {
  kind: GraphDocumentKind;
  /** Parents before children; siblings in document order. */
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Findings that are not inside any node (for example at the top of the document). */
  findings: GraphFinding[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 4, warning: 3, info: 2, hint: 1 };

export function worseSeverity(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** Shortens text for a label, keeping the start; the full text goes in a title. */
export function shorten(text: string, max = 36): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Nodes by id, and children by parent id (`''` for the top level), in model order. */
export function indexGraph(model: GraphModel): { byId: Map<string, GraphNode>; children: Map<string, GraphNode[]> } {
  const byId = new Map<string, GraphNode>();
  const children = new Map<string, GraphNode[]>();
  for (const node of model.nodes) {
    byId.set(node.id, node);
    const key = node.parent ?? '';
    let list = children.get(key);
    if (!list) children.set(key, (list = []));
    list.push(node);
  }
  return { byId, children };
}
