// Where each top-level state of a definition is written: what the "Test this state" CodeLens needs.
// Computed by the lint engine from the tree it already parsed (src/core/lint.ts) and carried with
// the findings, so the CodeLens provider parses nothing. Pure.

import { child, type ValueNode } from '../parse/node';

export interface StateAnchor {
  name: string;
  /** The state's `Type`, when it is a string. */
  type?: string;
  /** Offset of the state's key in the text. */
  offset: number;
}

/**
 * The top-level states, in the order written. Only these: TestState's `stateName` names a state of
 * the definition's `States`, which is what the emulator implements too; a state inside a Parallel
 * branch or a Map's processor is tested by testing that branch's definition on its own.
 */
export function stateAnchors(root: ValueNode | undefined): StateAnchor[] {
  const states = child(root, 'States');
  if (!states || states.kind !== 'object') return [];
  return states.entries.map((e) => {
    const type = child(e.value, 'Type');
    // Read when the CodeLens (or a worker's reply) asks: a lint nobody shows them to (the CLI) then locates
    // no position of a natively parsed definition (parse/jsonNative.ts).
    return {
      name: e.key,
      type: type?.kind === 'string' ? type.value : undefined,
      get offset() {
        return e.keyStart;
      },
    };
  });
}
