// Wait states: exactly one of Seconds, Timestamp, SecondsPath, TimestampPath; RFC 3339 timestamps.

import type { ValueNode } from '../parse/node';
import { property as prop } from '../parse/node';
import { isJsonataString } from './jsonata';
import { abbreviate } from './messages';
import { hasPlaceholder } from './placeholders';
import type { AslChecker, JsonataPlace, StateContext } from './types';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function checkWait(asl: AslChecker, ctx: StateContext): void {
  const { node, language } = ctx;
  const fields = language === 'JSONPath' ? ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'] : ['Seconds', 'Timestamp'];
  const present = fields.filter((f) => prop(node, f));
  if (present.length !== 1) {
    const anchor = present.length > 1 ? prop(node, present[1])! : prop(node, 'Type')!;
    asl.reportKey('asl/wait-duration', 'error', `A Wait state needs exactly one of ${fields.join(', ')}${present.length ? `; it has ${present.join(' and ')}` : ''}.`, anchor);
  }
  const jsonata = language === 'JSONata';
  const seconds = prop(node, 'Seconds');
  if (seconds) asl.expectNumber(seconds.value, 'Seconds', { integer: true, min: 0, jsonata: jsonata && { field: 'Seconds', stateType: 'Wait' } });
  const ts = prop(node, 'Timestamp');
  if (ts) checkTimestamp(asl, ts.value, 'Timestamp', jsonata ? { field: 'Timestamp', stateType: 'Wait' } : undefined);
  if (!jsonata) {
    for (const f of ['SecondsPath', 'TimestampPath']) {
      const p = prop(node, f);
      if (p) asl.checkPathField(p.value, f, 'reference', { nullable: false, context: true, variables: true });
    }
  }
}

export function checkTimestamp(asl: AslChecker, node: ValueNode, field: string, jsonata: JsonataPlace | undefined): void {
  if (node.kind !== 'string') {
    asl.typeError(node, field, 'an RFC 3339 timestamp string');
    return;
  }
  if (jsonata && isJsonataString(node.value)) {
    asl.checkJsonataString(node, jsonata);
    return;
  }
  if (hasPlaceholder(node.value)) return;
  if (!RFC3339.test(node.value)) {
    asl.reportNode('asl/invalid-timestamp', 'error', `'${field}' must be an RFC 3339 timestamp with an uppercase 'T' and a 'Z' or offset, such as 2026-03-14T01:59:00Z; '${abbreviate(node.value)}' is not.`, node);
  }
}
