// A state inside a Parallel branch or a Map's processor, named by its path: the names from a
// top-level state down to it. The panel and `aws-workflows test` find its definition the same way. Pure.

/** How a path is shown: "ProcessItems › ChargeCard". */
export function statePathLabel(path: readonly string[]): string {
  return path.join(' › ');
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const own = (o: Json, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The States objects a state's Parallel branches or Map processor (ItemProcessor, or the legacy Iterator) hold. */
function nestedStates(state: Json): Json[] {
  const machines = [...(Array.isArray(state.Branches) ? state.Branches : []), state.ItemProcessor, state.Iterator];
  return machines.flatMap((m) => (isObject(m) && isObject(m.States) ? [m.States] : []));
}

/**
 * The definition of the state at `path` in a parsed definition, or undefined when there is none.
 * Sent alone, a nested state would lose the machine's QueryLanguage: it keeps it as its own, unless
 * it sets one (a state's QueryLanguage is ASL's per-state override).
 */
export function stateAt(definition: unknown, path: readonly string[]): Json | undefined {
  let candidates: Json[] = isObject(definition) && isObject(definition.States) ? [definition.States] : [];
  let state: Json | undefined;
  for (const name of path) {
    const found = candidates.find((states) => own(states, name) && isObject(states[name]));
    if (!found) return undefined;
    state = found[name] as Json;
    candidates = nestedStates(state);
  }
  const language = isObject(definition) ? definition.QueryLanguage : undefined;
  return state && path.length > 1 && language !== undefined && !own(state, 'QueryLanguage') ? { ...state, QueryLanguage: language } : state;
}
