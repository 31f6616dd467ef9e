// The subset of Step Functions' definition checks the emulator performs, with the service's
// diagnostic codes: JSON that does not parse, missing StartAt/States, unknown state types,
// and transitions (StartAt, Next, Default, Choices[].Next) to states that do not exist.

export interface AslDiagnostic {
  severity: 'ERROR' | 'WARNING';
  code: string;
  message: string;
  location?: string;
}

const STATE_TYPES = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);

export function diagnoseDefinition(text: string): AslDiagnostic[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return [{ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: (err as Error).message, location: '/' }];
  }
  const out: AslDiagnostic[] = [];
  checkMachine(doc, '', out);
  return out;
}

function checkMachine(doc: unknown, at: string, out: AslDiagnostic[]): void {
  const error = (code: string, message: string, location: string): void => {
    out.push({ severity: 'ERROR', code, message, location: location || '/' });
  };
  if (!isObject(doc)) return error('SCHEMA_VALIDATION_FAILED', 'The state machine definition must be a JSON object', at);
  if (typeof doc.StartAt !== 'string') error('SCHEMA_VALIDATION_FAILED', "The field 'StartAt' is required but was missing", at);
  if (!isObject(doc.States)) return error('SCHEMA_VALIDATION_FAILED', "The field 'States' is required but was missing", at);
  const states = doc.States;
  const exists = (name: unknown) => typeof name === 'string' && Object.prototype.hasOwnProperty.call(states, name);
  if (typeof doc.StartAt === 'string' && !exists(doc.StartAt)) {
    error('MISSING_TRANSITION_TARGET', `Missing 'StartAt' target: ${doc.StartAt}`, `${at}/StartAt`);
  }
  for (const [name, state] of Object.entries(states)) {
    const here = `${at}/States/${name}`;
    if (!isObject(state)) {
      error('SCHEMA_VALIDATION_FAILED', 'A state must be a JSON object', here);
      continue;
    }
    if (typeof state.Type !== 'string') error('SCHEMA_VALIDATION_FAILED', "The field 'Type' is required but was missing", here);
    else if (!STATE_TYPES.has(state.Type)) error('SCHEMA_VALIDATION_FAILED', `Unexpected value '${state.Type}' for the field 'Type'`, `${here}/Type`);
    if (state.Next !== undefined && !exists(state.Next)) error('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${String(state.Next)}`, `${here}/Next`);
    if (state.Default !== undefined && !exists(state.Default)) error('MISSING_TRANSITION_TARGET', `Missing 'Default' target: ${String(state.Default)}`, `${here}/Default`);
    if (Array.isArray(state.Choices)) {
      state.Choices.forEach((choice, i) => {
        if (isObject(choice) && choice.Next !== undefined && !exists(choice.Next)) {
          error('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${String(choice.Next)}`, `${here}/Choices/${i}/Next`);
        }
      });
    }
    const terminal = state.Type === 'Succeed' || state.Type === 'Fail' || state.Type === 'Choice';
    if (typeof state.Type === 'string' && STATE_TYPES.has(state.Type) && !terminal && state.Next === undefined && state.End !== true) {
      error('SCHEMA_VALIDATION_FAILED', "The field 'Next' or 'End' is required but was missing", here);
    }
    if (Array.isArray(state.Branches)) state.Branches.forEach((branch, i) => checkMachine(branch, `${here}/Branches/${i}`, out));
    if (state.ItemProcessor !== undefined) checkMachine(state.ItemProcessor, `${here}/ItemProcessor`, out);
    if (state.Iterator !== undefined) checkMachine(state.Iterator, `${here}/Iterator`, out);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
