// "Validate with the service": Step Functions' own validator, its diagnostics placed on the
// node their `location` path names in the file as written (JSON or YAML).

import type { Finding, Severity } from '../../core/findings';
import { formatOf, parseDocument, type ParsedDocument } from '../../core/parse/document';
import { nodeAtPointer } from '../../core/parse/node';
import { callAws } from '../../aws/errors';
import { toStateMachineJson } from './definition';
import type { DeployClients } from './types';

export interface ServiceDiagnostic {
  severity?: string;
  code?: string;
  message?: string;
  location?: string;
}

/** Where a service diagnostic belongs: the property key at `location`, else the deepest node found, else the top. */
export function placeServiceDiagnostics(doc: ParsedDocument, diagnostics: ServiceDiagnostic[], source: string): Finding[] {
  return diagnostics.map((d) => {
    const hit = d.location ? nodeAtPointer(doc.root, d.location) : undefined;
    const [start, end] = hit?.property
      ? [hit.property.keyStart, hit.property.keyEnd]
      : hit ? [hit.node.start, Math.min(hit.node.end, hit.node.start + 1)] : [0, 0];
    const severity: Severity = d.severity === 'WARNING' ? 'warning' : 'error';
    return {
      code: d.code ?? 'SERVICE_VALIDATION',
      severity,
      message: `${d.message ?? 'The service rejected this definition.'}${d.location ? ` (${d.location})` : ''}`,
      range: doc.lines.range(start, end),
      data: { source, location: d.location },
    };
  });
}

export async function validateStateMachineWithService(
  clients: DeployClients,
  input: { fileName: string; text: string; region?: string; type?: string },
): Promise<{ result: 'OK' | 'FAIL'; findings: Finding[]; region: string }> {
  const definition = toStateMachineJson(input.text, input.fileName);
  const { client, sdk, region } = await clients.sfn(input.region);
  const out = await callAws({ service: 'states', operation: 'ValidateStateMachineDefinition', region }, () =>
    client.send(new sdk.ValidateStateMachineDefinitionCommand({ definition, type: input.type as 'STANDARD' | 'EXPRESS' | undefined, maxResults: 100 })));
  const doc = parseDocument(input.text, formatOf(input.fileName));
  return { result: out.result === 'FAIL' ? 'FAIL' : 'OK', findings: placeServiceDiagnostics(doc, out.diagnostics ?? [], 'Step Functions'), region };
}
