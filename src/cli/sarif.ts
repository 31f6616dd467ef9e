// `aws-workflows lint --format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDEs).
// One run; the driver's rules are our rule catalogue (ids = our codes, help = the rule's documentation);
// each result points at its file with an exact region. Our ranges are 0-based with an exclusive end in
// UTF-16 code units, SARIF's are 1-based with an exclusive end column, so both ends shift by one.

import { pathToFileURL } from 'node:url';
import type { Severity } from '../core/findings';
import { RULE_CATALOG } from '../core/rules/catalog';
import type { RuleDoc } from '../core/rules/ruleDoc';
import type { FileFinding } from './lint';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  /** The folder file names are relative to (the lint's working folder). */
  cwd: string;
  version: string;
}

export function toSarif(findings: readonly FileFinding[], options: SarifOptions): object {
  const rules = [...RULE_CATALOG];
  const index = new Map(rules.map((r, i) => [r.code, i]));
  // A code missing from the catalogue still gets a rule, so every result has a ruleIndex.
  for (const f of findings) {
    if (!index.has(f.code)) {
      index.set(f.code, rules.length);
      rules.push({ code: f.code, severity: f.severity === 'hint' ? 'info' : f.severity, summary: f.code, example: '' });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aws-workflows',
            fullName: 'Workflows for AWS (aws-workflows lint)',
            version: options.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(options.version) ? options.version : undefined,
            rules: rules.map(toRule),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: `${pathToFileURL(options.cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code)!,
          level: LEVELS[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(f.file), uriBaseId: SOURCE_ROOT },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}

function toRule(rule: RuleDoc) {
  const example = rule.example ? `\n\nExample:\n${rule.example}` : '';
  const source = rule.source ? `\n\nSource: ${rule.source}` : '';
  const markdownExample = rule.example ? `\n\nExample:\n\n\`\`\`\n${rule.example}\n\`\`\`` : '';
  return {
    id: rule.code,
    name: rule.code,
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary}${source}` },
    help: { text: `${rule.summary}${source}${example}`, markdown: `${rule.summary}${source}${markdownExample}` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
  };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function fileUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
