// The parts of a template the rules read: resources (logical ID, type, properties), parameter and
// resource names (what `${X}` in Fn::Sub may name), and whether SAM transforms it.

import type { ParsedDocument } from '../parse/document';
import type { ObjectNode, PropertyNode, StringNode, ValueNode } from '../parse/node';
import { property } from '../parse/node';
import { objectOf } from './parse';

export interface TemplateResource {
  logicalId: string;
  /** The resource's key under Resources. */
  idProp: PropertyNode;
  type?: string;
  typeNode?: StringNode;
  properties?: ObjectNode;
  propertiesProp?: PropertyNode;
}

export interface TemplateModel {
  doc: ParsedDocument;
  resources: TemplateResource[];
  parameters: Set<string>;
  resourceIds: Set<string>;
  sam: boolean;
}

export const PSEUDO_PARAMETERS = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);

export function readTemplate(doc: ParsedDocument): TemplateModel {
  const root = objectOf(doc.root);
  const resources: TemplateResource[] = [];
  for (const entry of objectOf(property(root, 'Resources')?.value)?.entries ?? []) {
    const body = objectOf(entry.value);
    const typeValue = property(body, 'Type')?.value;
    const propertiesProp = property(body, 'Properties');
    resources.push({
      logicalId: entry.key,
      idProp: entry,
      type: typeValue?.kind === 'string' ? typeValue.value : undefined,
      typeNode: typeValue?.kind === 'string' ? typeValue : undefined,
      properties: objectOf(propertiesProp?.value),
      propertiesProp,
    });
  }
  const parameters = new Set((objectOf(property(root, 'Parameters')?.value)?.entries ?? []).map((e) => e.key));
  return { doc, resources, parameters, resourceIds: new Set(resources.map((r) => r.logicalId)), sam: isSam(property(root, 'Transform')?.value) };
}

function isSam(node: ValueNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'string') return node.value === 'AWS::Serverless-2016-10-31';
  if (node.kind === 'array') return node.items.some((i) => i.kind === 'string' && i.value === 'AWS::Serverless-2016-10-31');
  return false;
}
