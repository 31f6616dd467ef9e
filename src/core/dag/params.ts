// A DAG's params (the DAG-level `params` map of an MWAA Serverless workflow definition, as in
// ../shared/reference/mwaa-serverless-dag-schema.yaml: `params: map(str(), str())`) and the check of
// a run's OverrideParameters against them, before StartWorkflowRun is sent.

import { toValue } from '../parse/node';
import { parseYaml } from '../parse/yaml';

/** Definitions larger than this are not parsed for their params (the definition itself is capped by the service). */
const MAX_DEFINITION_CHARS = 1_048_576;
/** StartWorkflowRun's body is capped too; keep the overrides well within it. */
const MAX_OVERRIDE_BYTES = 64 * 1024;

export interface DagParams {
  dagId: string;
  /** Declared params with their defaults; empty when the DAG declares none. */
  params: Record<string, unknown>;
}

/** The first DAG with tasks in the definition, and its params; a problem sentence when it cannot be read. */
export function dagParams(definition: string): DagParams | { problem: string } {
  if (definition.length > MAX_DEFINITION_CHARS) return { problem: `The workflow definition is larger than ${MAX_DEFINITION_CHARS / 1_048_576} MB, so its params were not read.` };
  const { root, problems } = parseYaml(definition);
  const syntax = problems.find((p) => p.code === 'parse/syntax' || p.code === 'parse/too-complex' || p.code === 'parse/empty');
  if (!root || syntax) return { problem: `The workflow definition could not be read as YAML${syntax ? `: ${syntax.message}` : ''}.` };
  const doc = toValue(root);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { problem: 'The workflow definition is not a map of DAG ids to DAGs.' };
  for (const [key, dag] of Object.entries(doc as Record<string, unknown>)) {
    if (typeof dag !== 'object' || dag === null || Array.isArray(dag) || !('tasks' in dag)) continue;
    const d = dag as { dag_id?: unknown; params?: unknown };
    const params = typeof d.params === 'object' && d.params !== null && !Array.isArray(d.params) ? (d.params as Record<string, unknown>) : {};
    return { dagId: typeof d.dag_id === 'string' ? d.dag_id : key, params };
  }
  return { problem: 'The workflow definition has no DAG with tasks.' };
}

/**
 * Override parameters typed by the user: empty means none; otherwise a JSON object whose keys are
 * params the DAG declares (an undeclared key would not reach the DAG: the run would use no such param).
 */
export function checkOverrideParameters(text: string, dag: DagParams): { parameters?: Record<string, unknown> } | { problem: string } {
  const trimmed = text.trim();
  if (!trimmed) return {};
  if (Buffer.byteLength(trimmed) > MAX_OVERRIDE_BYTES) return { problem: `The parameters are ${Buffer.byteLength(trimmed)} bytes; keep them under ${MAX_OVERRIDE_BYTES / 1024} KB.` };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (err) {
    return { problem: `The parameters are not valid JSON: ${(err as Error).message}.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: `The parameters must be a JSON object ({"name": "value"}), not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}.` };
  }
  const declared = Object.keys(dag.params);
  const unknown = Object.keys(value).filter((k) => !Object.hasOwn(dag.params, k));
  if (unknown.length) {
    const list = unknown.map((k) => `"${k}"`).join(', ');
    const known = declared.length ? `it declares ${declared.map((k) => `"${k}"`).join(', ')}` : 'it declares no params';
    return { problem: `${dag.dagId} has no param${unknown.length > 1 ? 's' : ''} ${list}: ${known}.` };
  }
  const nested = Object.entries(value).find(([, v]) => typeof v === 'object' && v !== null);
  if (nested) return { problem: `The param "${nested[0]}" must be a string, number or boolean: the DAG's params are strings (params: map(str(), str())).` };
  return { parameters: value as Record<string, unknown> };
}

/** The input box's starting text: the declared params with their defaults. */
export function defaultParametersText(dag: DagParams): string {
  return Object.keys(dag.params).length ? JSON.stringify(dag.params) : '';
}
