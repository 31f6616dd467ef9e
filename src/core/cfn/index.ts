// CloudFormation and SAM templates: the resources we know, checked from the registry schemas and
// the shared value rules; state machine definitions in them (inline, DefinitionString, DefinitionUri)
// through the ASL engine; substitutions both ways. And the other direction: a definition file that a
// template names, checked with that template as its context.

import type { Finding } from '../findings';
import { formatOf, parseDocument, parseFindings, type ParsedDocument } from '../parse/document';
import { validateAsl } from '../asl/validate';
import type { StringNode } from '../parse/node';
import { answered, checkDefinition, missingMessage, stateMachineDefinitions, validateMappedText, type StateMachineDefinition } from './definitions';
import { parseTemplate } from './parse';
import { checkLocalPath, isRemote, normalizeLocalPath, type SiblingFiles } from './paths';
import { TemplateReporter } from './report';
import { checkResource, isCheckedResource, present } from './resources';
import { MappedText } from './sourceMap';
import { addSubstitutionFix, isProvided, placeholdersIn } from './substitutions';
import { readTemplate, type TemplateModel } from './template';

export { looksLikeTemplate } from './detect';
export type { SiblingFiles } from './paths';
export { RULES } from './rules';

export function lintTemplate(text: string, fileName: string, files?: SiblingFiles): Finding[] {
  const doc = parseTemplate(text, formatOf(fileName));
  const report = new TemplateReporter(doc);
  report.findings.push(...parseFindings(doc));
  const model = readTemplate(doc);
  for (const resource of model.resources) {
    if (!isCheckedResource(resource.type)) continue;
    guard(report, resource.idProp.keyStart, resource.idProp.keyEnd, resource.logicalId, () => {
      checkResource(report, resource);
      if (resource.type === 'AWS::ImageBuilder::Workflow') {
        const uri = present(resource.properties, 'Uri')?.value;
        if (uri?.kind === 'string') checkLocalPath(report, uri, files, 'Uri', resource.logicalId);
      }
    });
  }
  for (const def of stateMachineDefinitions(model)) {
    guard(report, def.resource.idProp.keyStart, def.resource.idProp.keyEnd, def.resource.logicalId, () => checkDefinition(report, model, def, {
      filePlaceholders(_def, prop) {
        if (prop.value.kind !== 'string') return undefined;
        const file = checkLocalPath(report, prop.value, files, 'DefinitionUri', def.resource.logicalId);
        return file?.text === undefined ? undefined : placeholdersIn(file.text);
      },
    }));
  }
  return report.findings;
}

/** One resource's bug must not hide the other findings. */
function guard(report: TemplateReporter, start: number, end: number, logicalId: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    report.span('cfn/internal-error', 'warning', `'${logicalId}' could not be fully checked: ${e instanceof Error ? e.message : String(e)}. Please report this as a bug.`, start, end);
  }
}

// ------------------------------------------------------------------ definition files in context

export interface TemplateSource {
  /** In the same form as the definition's file name (both relative to one folder, or both absolute). */
  fileName: string;
  text: string;
}

export interface LinkedDefinition {
  template: TemplateSource;
  doc: ParsedDocument;
  model: TemplateModel;
  definition: StateMachineDefinition;
  uri: StringNode;
}

/** Parsed templates by file name, most recent last: every definition of a workspace asks about the same few. */
const parsedTemplates = new Map<string, { text: string; doc: ParsedDocument; model: TemplateModel }>();
const PARSED_TEMPLATES_KEPT = 128;

function parsedTemplate(template: TemplateSource): { doc: ParsedDocument; model: TemplateModel } {
  const cached = parsedTemplates.get(template.fileName);
  parsedTemplates.delete(template.fileName);
  if (cached?.text === template.text) {
    parsedTemplates.set(template.fileName, cached);
    return cached;
  }
  const doc = parseTemplate(template.text, formatOf(template.fileName));
  const parsed = { text: template.text, doc, model: readTemplate(doc) };
  parsedTemplates.set(template.fileName, parsed);
  if (parsedTemplates.size > PARSED_TEMPLATES_KEPT) parsedTemplates.delete(parsedTemplates.keys().next().value!);
  return parsed;
}

function dirOf(fileName: string): string {
  const f = fileName.replace(/\\/g, '/');
  const i = f.lastIndexOf('/');
  return i < 0 ? '' : f.slice(0, i);
}

/** Joins and folds `..`, forward slashes. */
export function resolvePath(dir: string, rel: string): string {
  const out: string[] = [];
  const absolute = dir.startsWith('/');
  for (const part of `${dir}/${normalizeLocalPath(rel)}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** The DefinitionUri paths of a template's state machines, resolved against its folder (for indexes). */
export function definitionUris(template: TemplateSource): string[] {
  const { model } = parsedTemplate(template);
  const out: string[] = [];
  for (const def of stateMachineDefinitions(model)) {
    const uri = present(def.resource.properties, 'DefinitionUri')?.value;
    if (uri?.kind === 'string' && !isRemote(uri.value) && uri.value.trim()) out.push(resolvePath(dirOf(template.fileName), uri.value.trim()));
  }
  return out;
}

/** The state machine of `templates` whose DefinitionUri is this file (letter case aside: the template reports a mismatch). */
export function findLinkedDefinition(fileName: string, templates: readonly TemplateSource[]): LinkedDefinition | undefined {
  const target = resolvePath('', fileName.replace(/\\/g, '/')).toLowerCase();
  const absolute = fileName.replace(/\\/g, '/').startsWith('/');
  const baseName = target.slice(target.lastIndexOf('/') + 1);
  for (const template of templates) {
    // Only a template that spells the file's name can name it: skip the others unparsed.
    if (!template.text.toLowerCase().includes(baseName)) continue;
    const { doc, model } = parsedTemplate(template);
    for (const definition of stateMachineDefinitions(model)) {
      const uri = present(definition.resource.properties, 'DefinitionUri')?.value;
      if (uri?.kind !== 'string' || isRemote(uri.value)) continue;
      const resolved = resolvePath(dirOf(template.fileName), uri.value.trim());
      if ((absolute ? `/${resolved.replace(/^\//, '')}` : resolved).toLowerCase() === (absolute ? `/${target.replace(/^\//, '')}` : target)) return { template, doc, model, definition, uri };
    }
  }
  return undefined;
}

/**
 * A definition file checked as the template deploys it: placeholders without a substitution are
 * errors at the `${X}` (the fix edits the template), literal substitutions are applied before the
 * ASL rules, and the template's state machine type decides the Express-only rules.
 */
export function lintLinkedDefinition(text: string, fileName: string, linked: LinkedDefinition, parsed?: ParsedDocument): Finding[] {
  const format = formatOf(fileName);
  const { definition, template } = linked;
  const subs = definition.substitutions;
  const uses = placeholdersIn(text);
  const out: Finding[] = [];
  // The caller's parse of this text when it has one (lintText parses it once for the state anchors).
  const doc = parsed ?? parseDocument(text, format);
  const templateReport = new TemplateReporter(linked.doc);
  const templateName = template.fileName.replace(/\\/g, '/').split('/').pop() ?? template.fileName;
  const missing = new Set<string>();
  for (const p of uses) {
    if (isProvided(p.name, subs)) continue;
    missing.add(p.name);
    const fix = addSubstitutionFix(templateReport, linked.model, definition.resource, subs, p.name, template.fileName);
    out.push({
      code: 'cfn/substitution-missing',
      severity: 'error',
      message: missingMessage(p.name, definition.resource.logicalId, templateName),
      range: doc.lines.range(p.start, p.end),
      ...(fix ? { fixes: [fix] } : {}),
      data: { placeholder: p.name, template: template.fileName },
    });
  }
  const substituted = uses.some((p) => subs.byKey.get(p.name)?.literal !== undefined);
  if (!substituted) {
    out.push(...validateAsl(doc, definition.type ? { type: definition.type } : undefined));
  } else {
    const mapped = new MappedText();
    mapped.push(text, identityOffsets(text.length), 0, 0);
    out.push(...validateMappedText(mapped, uses, subs, definition.type, format, doc.lines));
  }
  // The placeholder warning is answered: by the error above when the key is missing, by the value when it is a literal.
  return out.filter((f) => !answered(f, subs, missing));
}

function identityOffsets(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}
