// What Start Execution checks before it sends anything, and where saved inputs live. Pure (no
// vscode): the limits come from the Step Functions model (facts/aws.generated.ts).
//
// Saved inputs are plain JSON files a team can commit:
//   .aws-workflows/inputs/<state machine name>/<input name>.json
// one folder per state machine (the name, not the ARN: the same inputs serve every region and
// account the state machine is deployed to).

import { EXECUTION_FACTS } from '../facts/execution.generated';
import { LineIndex } from '../parse/document';
import { parseJson } from '../parse/json';

export const SAVED_INPUTS_FOLDER = '.aws-workflows/inputs';

/** StartExecution's `input`: at most this many bytes of UTF-8 (SensitiveData, max in the model). */
export const MAX_INPUT_BYTES = EXECUTION_FACTS.executionInput.max;

/** Input names become file names: short, portable, no path separators, no leading dot. */
const INPUT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

export function inputNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'Give the input a name.';
  if (!INPUT_NAME.test(name)) return 'An input name has 1–64 letters, digits, dots, hyphens and underscores, and does not start with a dot or hyphen.';
  return undefined;
}

/**
 * The folder (relative to the workspace folder, with `/`) that holds a state machine's saved inputs.
 * State machine names cannot contain `/` or `\`; a name of only dots would climb out, so it is refused.
 */
export function savedInputsFolder(stateMachineName: string): string | undefined {
  if (!stateMachineName || /^\.+$/.test(stateMachineName) || /[\\/\0]/.test(stateMachineName)) return undefined;
  return `${SAVED_INPUTS_FOLDER}/${stateMachineName}`;
}

/** `happy-path.json` → `happy-path`; anything else (not JSON, hidden, badly named) is not a saved input. */
export function savedInputName(fileName: string): string | undefined {
  if (!fileName.endsWith('.json')) return undefined;
  const name = fileName.slice(0, -'.json'.length);
  return inputNameProblem(name) ? undefined : name;
}

export type CheckedInput = { ok: true; text: string } | { ok: false; message: string };

/**
 * The input as Step Functions will get it: empty means `{}`; otherwise one JSON value, within the
 * size limit. A problem is one sentence with its line and column (1-based, as editors show them).
 */
export function checkExecutionInput(text: string, source = 'The input'): CheckedInput {
  if (!text.trim()) return { ok: true, text: '{}' };
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_INPUT_BYTES) return { ok: false, message: `${source} has ${bytes} bytes; Step Functions accepts at most ${MAX_INPUT_BYTES} bytes of input. Make it smaller, or pass a reference (an S3 location) instead.` };
  const { problems } = parseJson(text);
  const problem = problems.find((p) => p.code !== 'parse/duplicate-key');
  if (problem) {
    const at = new LineIndex(text).positionAt(problem.start);
    return { ok: false, message: `${source} is not valid JSON at line ${at.line + 1}, column ${at.character + 1}: ${problem.message.replace(/\.$/, '')}. Fix it and start again.` };
  }
  try {
    JSON.parse(text); // our parser is lenient in places JSON.parse is not; Step Functions uses a strict one
  } catch (err) {
    return { ok: false, message: `${source} is not valid JSON: ${(err as Error).message}. Fix it and start again.` };
  }
  return { ok: true, text };
}

/** The optional execution name: undefined when empty or valid, else one sentence. */
export function executionNameProblem(name: string): string | undefined {
  if (name === '') return undefined;
  const facts = EXECUTION_FACTS.executionName;
  const length = [...name].length;
  if (length > facts.max) return `The execution name is ${length} characters long; the maximum is ${facts.max}.`;
  const forbidden = new RegExp(facts.forbiddenPattern, 'u');
  const bad = [...new Set([...name].filter((ch) => forbidden.test(ch) || facts.forbiddenCodePoints.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b)))];
  if (bad.length) {
    const control = (cp: number) => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
    const shown = bad.map((ch) => (/^\s$/.test(ch) ? 'white space' : control(ch.codePointAt(0)!) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `"${ch}"`));
    return `An execution name cannot contain ${shown.join(', ')}: Step Functions names must not contain white space, brackets, wildcards, ${facts.forbiddenCharacters.replace(/[<>{}[\]?*]/g, '').split('').join(' ')} or control characters.`;
  }
  return undefined;
}
