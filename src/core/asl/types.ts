// The types the ASL checker and its state-type modules share (see AslChecker).

import type { Finding, Fix, RelatedLocation } from '../findings';
import type { ParsedDocument } from '../parse/document';
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from '../parse/node';
import type { FieldLanguage, QueryLanguage, StateType } from './fields';
import type { PathKind } from './jsonpath';

export interface AslValidationOptions {
  /** The state machine type, when known (Express-only constraints are warnings). */
  type?: 'STANDARD' | 'EXPRESS';
}

/** Where a JSONata expression sits: decides which `$states` fields it may read. */
export interface JsonataPlace {
  field: string;
  stateType: string;
  inCatcher?: boolean;
}

export interface Scope {
  /** `the state machine`, `branch 2 of 'Fan out'`, `the ItemProcessor of 'Each order'`. */
  label: string;
  statesNode?: ObjectNode;
  statesKey?: PropertyNode;
  names: Map<string, PropertyNode>;
  startAt?: StringNode;
  edges: Map<string, string[]>;
  transitions: { target: StringNode; from: string }[];
  hasTerminal: boolean;
  /** A state whose type or transition is broken: whether the scope ends cannot be judged. */
  terminalUnknown: boolean;
  /** A transition is a template placeholder or names no state: reachability cannot be judged fairly. */
  dynamic: boolean;
  /** The scope a Parallel branch or ItemProcessor is nested in. */
  parent?: Scope;
  /** Variables assigned by this scope's states (first assignment of each name). */
  assigned: Map<string, PropertyNode>;
}

export interface StateContext {
  name: string;
  type: StateType;
  node: ObjectNode;
  language: QueryLanguage;
  scope: Scope;
  path: string;
}

/**
 * What the state-type modules (task.ts, wait.ts, fail.ts, parallel.ts, choice.ts, map.ts, retry.ts)
 * use of the checker: reporting, typed reads of values, and the checks shared by several states.
 * The checker (checker.ts) implements it; the modules import only this type, so no file imports the
 * class it is imported by.
 */
export interface AslChecker {
  readonly doc: ParsedDocument;
  /** Map Labels seen so far, for duplicates. */
  readonly labels: Map<string, StringNode>;
  /** The machine is EXPRESS (Express-only constraints are warnings). */
  readonly express: boolean;
  reportNode(code: string, severity: Finding['severity'], message: string, node: ValueNode, extra?: ReportExtra): void;
  reportKey(code: string, severity: Finding['severity'], message: string, prop: PropertyNode, extra?: ReportExtra): void;
  replaceFix(title: string, start: number, end: number, value: string): Fix;
  typeError(node: ValueNode, field: string, expected: string): void;
  expectString(node: ValueNode, field: string): string | undefined;
  expectObject(node: ValueNode, field: string): ObjectNode | undefined;
  expectArray(node: ValueNode, field: string): ArrayNode | undefined;
  expectBoolean(node: ValueNode, field: string): boolean | undefined;
  expectEnum(node: ValueNode, field: string, values: readonly string[], severity?: 'error' | 'warning'): void;
  expectNumber(node: ValueNode, field: string, rule: NumberRule): number | undefined;
  checkFields(obj: ObjectNode, allowed: Readonly<Record<string, FieldLanguage>>, where: string, language: QueryLanguage | undefined, options?: { unknownSeverity?: 'error' | 'warning'; skip?: ReadonlySet<string> }): void;
  exclusive(obj: ObjectNode, a: string, b: string): void;
  /** `XPath` reference paths beside literal fields `X`: each path checked, and never both. */
  checkPathTwins(obj: ObjectNode, literals: readonly string[], options: { context: boolean }): void;
  /** A field the state type requires that holds an array (Branches, Choices); reported when missing or not an array. */
  requiredArray(ctx: StateContext, field: string): { prop: PropertyNode; array: ArrayNode } | undefined;
  checkScope(container: ObjectNode, label: string, path: string, owner: PropertyNode | undefined, parent?: Scope): Scope;
  addEdge(scope: Scope, from: string, target: StringNode): void;
  checkResultPath(node: ValueNode): void;
  checkPathField(node: ValueNode, field: string, kind: PathKind, options: { nullable: boolean; context: boolean; variables: boolean; intrinsic?: boolean }): void;
  checkPayloadTemplate(node: ValueNode, field: string, depth?: number): void;
  checkAssign(node: ValueNode, language: QueryLanguage, place: JsonataPlace, scope: Scope): void;
  checkJsonataValue(node: ValueNode, place: JsonataPlace, depth?: number): void;
  checkJsonataString(node: StringNode, place: JsonataPlace): void;
}

export interface ReportExtra {
  fixes?: Fix[];
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
}

/** A number field's rule: literal (integer or not, with bounds), or in JSONata a `{% %}` expression. */
export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  jsonata?: JsonataPlace | false;
}
