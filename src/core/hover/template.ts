// Hovers in CloudFormation and SAM templates: a property of a resource we check shows its schema
// facts (type, allowed values, lengths, pattern, whether it is required); a DefinitionSubstitutions
// key says where the definition uses it; an inline definition's fields get the ASL hovers.

import type { ParsedDocument } from '../parse/document';
import type { ValueNode } from '../parse/node';
import { CFN_RESOURCE_FACTS, type PropertyFacts } from '../cfn/facts.generated';
import { readTemplate } from '../cfn/template';
import { stateMachineDefinitions } from '../cfn/definitions';
import { placeholdersIn } from '../cfn/substitutions';
import { aslHover } from './asl';
import { locate } from './locate';
import type { HoverResult } from './types';

export function templateHover(doc: ParsedDocument, offset: number): HoverResult | undefined {
  const loc = locate(doc, offset);
  if (!loc || loc.path[0] !== 'Resources' || typeof loc.path[1] !== 'string' || loc.path[2] !== 'Properties' || loc.path.length < 4) return undefined;
  const model = readTemplate(doc);
  const resource = model.resources.find((r) => r.logicalId === loc.path[1]);
  const facts = resource?.type ? CFN_RESOURCE_FACTS[resource.type] : undefined;
  if (!resource || !facts) return undefined;
  const props = loc.path.slice(3);
  if (props[0] === 'Definition' && props.length > 1 && resource.properties) {
    // The inline definition: the ASL hovers, on a document rooted at it.
    const definition = resource.properties.entries.find((e) => e.key === 'Definition')?.value;
    if (definition) return aslHover({ ...doc, root: definition }, offset);
  }
  if (props[0] === 'DefinitionSubstitutions' && props.length === 2 && loc.on === 'key' && loc.property) {
    const key = String(props[1]);
    const def = stateMachineDefinitions(model).find((d) => d.resource === resource);
    const inline = def?.sources.find((s) => s.source === 'Definition' || s.source === 'DefinitionString');
    let uses = 0;
    if (inline) uses = countUses(inline.prop.value, key);
    const where = inline ? (uses ? `Used ${uses === 1 ? 'once' : `${uses} times`} in the definition.` : 'No placeholder in the definition uses it.') : 'The definition file fills its placeholders from here.';
    return {
      contents: `**\`\${${key}}\`** — a DefinitionSubstitutions key of \`${resource.logicalId}\`: Step Functions' provider replaces every \`\${${key}}\` in the definition with this value, as text.\n\n${where}`,
      range: doc.lines.range(loc.property.keyStart, loc.property.keyEnd),
    };
  }
  if (loc.on !== 'key' || !loc.property) return undefined;
  const named = props.filter((p): p is string => typeof p === 'string');
  let node: PropertyFacts | undefined = facts;
  for (const p of props) {
    if (!node) break;
    node = typeof p === 'number' ? node.items : node.properties?.[p] ?? node.values;
  }
  if (!node) return undefined;
  const name = named.join('.');
  const lines = [`**${name}** — ${resource.type}${facts.passThrough?.[String(props[0])] ? ` (SAM passes it to AWS::StepFunctions::StateMachine as \`${facts.passThrough[String(props[0])]}\`)` : ''}`];
  const parentFacts = props.length === 1 ? facts : undefined;
  const details: string[] = [];
  if (node.types) details.push(`Type: ${node.types.join(' or ')}`);
  if (node.enum) details.push(`Values: ${node.enum.map((v) => `\`${v}\``).join(', ')}`);
  if (node.minLength !== undefined || node.maxLength !== undefined) details.push(`Length: ${node.minLength ?? 0}–${node.maxLength ?? '∞'} characters`);
  if (node.minimum !== undefined || node.maximum !== undefined) details.push(`Range: ${node.minimum ?? '−∞'}–${node.maximum ?? '∞'}`);
  if (node.pattern) details.push(`Pattern: \`${node.pattern}\``);
  if (node.minItems !== undefined) details.push(`At least ${node.minItems} item${node.minItems === 1 ? '' : 's'}`);
  if (node.properties) details.push(`Properties: ${Object.keys(node.properties).map((k) => `\`${k}\``).join(', ')}`);
  if (parentFacts?.required?.includes(String(props[0]))) details.push('Required');
  return {
    contents: [...lines, '', ...details.map((d) => `- ${d}`), '', `From the ${facts.source.includes('sam') ? 'SAM schema' : 'CloudFormation registry schema'}. Intrinsic functions (\`!Ref\`, \`!Sub\`, …) are checked only where their result is known.`].join('\n'),
    range: doc.lines.range(loc.property.keyStart, loc.property.keyEnd),
  };
}

function countUses(node: ValueNode, key: string): number {
  switch (node.kind) {
    case 'object': return node.entries.reduce((n, e) => n + countUses(e.value, key), 0);
    case 'array': return node.items.reduce((n, i) => n + countUses(i, key), 0);
    case 'string': return placeholdersIn(node.value.replace(/\$\{!/g, '${')).filter((p) => p.name === key).length;
    default: return 0;
  }
}
