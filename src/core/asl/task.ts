// Task states: Resource, timeouts and heartbeats, Credentials.

import type { ValueNode } from '../parse/node';
import { property as prop } from '../parse/node';
import { isJsonataString } from './jsonata';
import { abbreviate } from './messages';
import { hasPlaceholder } from './placeholders';
import type { AslChecker, StateContext } from './types';

export function checkTask(asl: AslChecker, ctx: StateContext): void {
  const { node, language } = ctx;
  const resource = prop(node, 'Resource');
  if (!resource) asl.reportKey('asl/missing-field', 'error', `Task state '${ctx.name}' is missing the required field 'Resource'.`, prop(node, 'Type')!, { data: { field: 'Resource' } });
  else checkResource(asl, resource.value);
  const jsonata = language === 'JSONata' ? { field: 'TimeoutSeconds', stateType: 'Task' } : false;
  const timeout = prop(node, 'TimeoutSeconds');
  const heartbeat = prop(node, 'HeartbeatSeconds');
  const t = timeout ? asl.expectNumber(timeout.value, 'TimeoutSeconds', { integer: true, min: 0, exclusiveMin: true, jsonata }) : undefined;
  const h = heartbeat ? asl.expectNumber(heartbeat.value, 'HeartbeatSeconds', { integer: true, min: 0, exclusiveMin: true, jsonata: jsonata && { ...jsonata, field: 'HeartbeatSeconds' } }) : undefined;
  if (t !== undefined && h !== undefined && h >= t) {
    asl.reportKey('asl/heartbeat-not-below-timeout', 'error', `'HeartbeatSeconds' (${h}) must be smaller than 'TimeoutSeconds' (${t}).`, heartbeat!);
  }
  if (language === 'JSONPath') {
    asl.checkPathTwins(node, ['TimeoutSeconds', 'HeartbeatSeconds'], { context: true });
  }
  const credentials = prop(node, 'Credentials');
  if (credentials) {
    const v = credentials.value;
    if (language === 'JSONata' && v.kind === 'string' && isJsonataString(v.value)) asl.checkJsonataString(v, { field: 'Credentials', stateType: 'Task' });
    else if (asl.expectObject(v, 'Credentials')) {
      if (language === 'JSONPath') asl.checkPayloadTemplate(v, 'Credentials');
      else asl.checkJsonataValue(v, { field: 'Credentials', stateType: 'Task' });
    }
  }
}

export function checkResource(asl: AslChecker, node: ValueNode): void {
  if (node.kind !== 'string') {
    asl.typeError(node, 'Resource', 'an ARN string');
    return;
  }
  const arn = node.value;
  if (hasPlaceholder(arn)) return;
  if (isJsonataString(arn) || arn.startsWith('{%')) {
    asl.reportNode('asl/invalid-resource', 'error', `'Resource' cannot be a JSONata expression; pass dynamic values in Arguments.`, node);
    return;
  }
  const m = /^arn:[a-z0-9-]+:([a-z0-9-]+):/.exec(arn);
  if (!m) {
    asl.reportNode('asl/invalid-resource', 'error', `'Resource' must be an ARN such as arn:aws:states:::lambda:invoke or arn:aws:lambda:us-east-1:123456789012:function:name, not '${abbreviate(arn)}'.`, node);
    return;
  }
  const integration = /^arn:[a-z0-9-]+:states:::(.+)$/.exec(arn)?.[1];
  if (integration?.startsWith('aws-sdk:') && /\.sync(:\d+)?$/.test(integration)) {
    asl.reportNode('asl/unsupported-integration-pattern', 'warning', `AWS SDK integrations do not support '.sync'; use the request-response form or '.waitForTaskToken'.`, node);
  }
  if (asl.express) {
    if (integration && /\.(sync(:\d+)?|waitForTaskToken)$/.test(integration)) {
      asl.reportNode('asl/express-unsupported', 'warning', `Express workflows support only request-response integrations, not '${integration.slice(integration.lastIndexOf('.'))}'.`, node);
    } else if (m[1] === 'states' && /:activity:/.test(arn)) {
      asl.reportNode('asl/express-unsupported', 'warning', 'Express workflows do not support activities.', node);
    }
  }
}
