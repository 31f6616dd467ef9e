// Amazon States Language validation: the entry point. The checker is in checker.ts, each state
// type's rules in its own module, the shared types in types.ts.

import { compareFindings, type Finding } from '../findings';
import type { ParsedDocument } from '../parse/document';
import { AslValidator } from './checker';
import { withJsonPlaceholders } from './placeholders';
import type { AslValidationOptions } from './types';

export type { AslValidationOptions, JsonataPlace, Scope, StateContext } from './types';

export function validateAsl(input: ParsedDocument, options: AslValidationOptions = {}): Finding[] {
  const { doc, placeholders } = withJsonPlaceholders(input);
  const validator = new AslValidator(doc, placeholders, options);
  try {
    validator.run();
  } catch (e) {
    // A bug here must not take the other findings down with it; say so instead of failing silently.
    validator.findings.push({
      code: 'asl/internal-error',
      severity: 'warning',
      message: `State machine validation stopped early because of an internal error (${e instanceof Error ? e.message : String(e)}). The findings shown may be incomplete.`,
      range: doc.lines.range(0, 0),
    });
  }
  return validator.findings.sort(compareFindings);
}
