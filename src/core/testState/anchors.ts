// Where each state of a definition is written, nested ones included: what the "Test this state"
// CodeLens needs. Computed by the lint engine from the tree it already parsed (src/core/lint.ts) and
// carried with the findings, so the CodeLens provider parses nothing. Pure.

import { child, type ValueNode } from '../parse/node';

export interface StateAnchor {
  name: string;
  /**
   * The names from a top-level state down to this one: `['ProcessItems', 'ChargeCard']` for a state
   * of ProcessItems' processor; `[name]` for a top-level state.
   */
  path: string[];
  /** The state's `Type`, when it is a string. */
  type?: string;
  /** Offset of the state's key in the text. */
  offset: number;
}

/** Deeper than any definition a person writes; the parser's own depth budget bounds it too. */
const MAX_NESTING = 32;

/** The `States` objects a Parallel's branches or a Map's processor (ItemProcessor, or the legacy Iterator) hold. */
function nestedStatesNodes(state: ValueNode | undefined): ValueNode[] {
  const out: ValueNode[] = [];
  const branches = child(state, 'Branches');
  if (branches?.kind === 'array') for (const b of branches.items) out.push(...statesOf(b));
  out.push(...statesOf(child(state, 'ItemProcessor')), ...statesOf(child(state, 'Iterator')));
  return out;
}

function statesOf(machine: ValueNode | undefined): ValueNode[] {
  const states = child(machine, 'States');
  return states?.kind === 'object' ? [states] : [];
}

/**
 * Every state, in the order written, each nested one after the state that contains it. A top-level
 * state is tested by name in the whole definition; a nested one by its own definition alone
 * (model.ts), since TestState's stateName names a state of the top-level States.
 */
export function stateAnchors(root: ValueNode | undefined): StateAnchor[] {
  const out: StateAnchor[] = [];
  const walk = (states: ValueNode | undefined, above: string[]) => {
    if (!states || states.kind !== 'object' || above.length >= MAX_NESTING) return;
    for (const e of states.entries) {
      const type = child(e.value, 'Type');
      const path = [...above, e.key];
      // Read when the CodeLens (or a worker's reply) asks: a lint nobody shows them to (the CLI) then locates
      // no position of a natively parsed definition (parse/jsonNative.ts).
      out.push({
        name: e.key,
        path,
        type: type?.kind === 'string' ? type.value : undefined,
        get offset() {
          return e.keyStart;
        },
      });
      for (const nested of nestedStatesNodes(e.value)) walk(nested, path);
    }
  };
  walk(child(root, 'States'), []);
  return out;
}
