// Map states: ItemProcessor/Iterator and ProcessorConfig, items, concurrency and tolerated
// failures, Label, and the distributed Map's ItemReader, ResultWriter and ItemBatcher (asl-facts §9).

import type { ObjectNode, PropertyNode, StringNode, ValueNode } from '../parse/node';
import { property as prop } from '../parse/node';
import {
  CSV_DELIMITERS, CSV_HEADER_LOCATIONS, EXECUTION_TYPES, ITEM_BATCHER_FIELDS, ITEM_READER_FIELDS, PROCESSOR_CONFIG_FIELDS,
  PROCESSOR_FIELDS, PROCESSOR_MODES, READER_CONFIG_FIELDS, READER_INPUT_TYPES, RESULT_WRITER_FIELDS, WRITER_CONFIG_FIELDS,
  WRITER_OUTPUT_TYPES, WRITER_TRANSFORMATIONS, type QueryLanguage,
} from './fields';
import { isJsonataString } from './jsonata';
import { hasPlaceholder } from './placeholders';
import { checkResource } from './task';
import type { AslChecker, StateContext } from './types';

const MAX_LABEL_LENGTH = 40;
const MAX_INPUT_BYTES_PER_BATCH = 262_144;
const MAX_READER_ITEMS = 100_000_000;
// Control characters are exactly what the rule forbids.
// eslint-disable-next-line no-control-regex
const LABEL_FORBIDDEN = /[\s?*<>{}[\]:;,|^~$#%&`"\u0000-\u001f\u007f-\u009f]/;

export function checkMap(asl: AslChecker, ctx: StateContext): void {
  const { node, name, language } = ctx;
  const jsonata = language === 'JSONata';
  const processor = prop(node, 'ItemProcessor');
  const iterator = prop(node, 'Iterator');
  asl.exclusive(node, 'ItemProcessor', 'Iterator');
  const body = processor ?? iterator;
  let distributed = false;
  if (!body) {
    asl.reportKey('asl/missing-field', 'error', `Map state '${name}' is missing the required field 'ItemProcessor'.`, prop(node, 'Type')!, { data: { field: 'ItemProcessor' } });
  } else {
    const obj = asl.expectObject(body.value, body.key);
    if (obj) {
      asl.checkFields(obj, PROCESSOR_FIELDS, `a Map's ${body.key}`, undefined);
      const config = prop(obj, 'ProcessorConfig');
      if (config) {
        const c = asl.expectObject(config.value, 'ProcessorConfig');
        if (c) {
          asl.checkFields(c, PROCESSOR_CONFIG_FIELDS, 'ProcessorConfig', undefined);
          const mode = prop(c, 'Mode');
          if (mode) {
            asl.expectEnum(mode.value, 'Mode', PROCESSOR_MODES);
            distributed = mode.value.kind === 'string' && mode.value.value === 'DISTRIBUTED';
          }
          const et = prop(c, 'ExecutionType');
          if (et) asl.expectEnum(et.value, 'ExecutionType', EXECUTION_TYPES);
          else if (distributed) asl.reportKey('asl/distributed-map-execution-type', 'warning', `A distributed Map's ProcessorConfig should set 'ExecutionType' to STANDARD or EXPRESS.`, mode ?? config);
        }
      }
      const comment = prop(obj, 'Comment');
      if (comment) asl.expectString(comment.value, 'Comment');
      asl.checkScope(obj, `the ${body.key} of '${name}'`, `${ctx.path}/${body.key}`, body, ctx.scope);
    }
  }
  // Items
  const itemsPath = prop(node, 'ItemsPath');
  if (itemsPath && !jsonata) asl.checkPathField(itemsPath.value, 'ItemsPath', 'reference', { nullable: false, context: true, variables: true });
  const items = prop(node, 'Items');
  if (items && jsonata) {
    const v = items.value;
    if (v.kind === 'string' && isJsonataString(v.value)) asl.checkJsonataString(v, { field: 'Items', stateType: 'Map' });
    else if (v.kind === 'array') asl.checkJsonataValue(v, { field: 'Items', stateType: 'Map' });
    else asl.typeError(v, 'Items', 'an array or a JSONata expression {% … %}');
  }
  const selector = prop(node, 'ItemSelector');
  if (selector) {
    if (jsonata) asl.checkJsonataValue(selector.value, { field: 'ItemSelector', stateType: 'Map' });
    else asl.checkPayloadTemplate(selector.value, 'ItemSelector');
  }
  if (!jsonata) asl.exclusive(node, 'ItemSelector', 'Parameters');
  // Concurrency and tolerated failures
  const numberPaths = (literal: string, pathField: string, rule: { integer?: boolean; min?: number; max?: number }): void => {
    const lit = prop(node, literal);
    if (lit) asl.expectNumber(lit.value, literal, { ...rule, jsonata: jsonata && { field: literal, stateType: 'Map' } });
    if (!jsonata) {
      const p = prop(node, pathField);
      if (p) asl.checkPathField(p.value, pathField, 'reference', { nullable: false, context: false, variables: true });
      asl.exclusive(node, literal, pathField);
    }
  };
  numberPaths('MaxConcurrency', 'MaxConcurrencyPath', { integer: true, min: 0 });
  numberPaths('ToleratedFailurePercentage', 'ToleratedFailurePercentagePath', { min: 0, max: 100 });
  numberPaths('ToleratedFailureCount', 'ToleratedFailureCountPath', { integer: true, min: 0 });
  const label = prop(node, 'Label');
  if (label) checkLabel(asl, label.value);
  const reader = prop(node, 'ItemReader');
  if (reader) checkItemReader(asl, reader.value, language);
  const writer = prop(node, 'ResultWriter');
  if (writer) checkResultWriter(asl, writer.value, language);
  const batcher = prop(node, 'ItemBatcher');
  if (batcher) checkItemBatcher(asl, batcher, language);
  if (body && !distributed) {
    for (const f of ['ItemReader', 'ResultWriter', 'ItemBatcher', 'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath', 'ToleratedFailureCount', 'ToleratedFailureCountPath', 'Label']) {
      const p = prop(node, f);
      if (p) asl.reportKey('asl/distributed-map-only', 'warning', `'${f}' only takes effect in a distributed Map: set "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"} in ${body.key}.`, p);
    }
  }
}

export function checkLabel(asl: AslChecker, node: ValueNode): void {
  const label = asl.expectString(node, 'Label');
  if (label === undefined || hasPlaceholder(label)) return;
  if ([...label].length > MAX_LABEL_LENGTH || label.length === 0 || LABEL_FORBIDDEN.test(label)) {
    asl.reportNode('asl/invalid-label', 'error', `Map 'Label' must be 1 to ${MAX_LABEL_LENGTH} characters without white space or any of ? * < > { } [ ] : ; , | ^ ~ $ # % & \` " and control characters.`, node);
    return;
  }
  const earlier = asl.labels.get(label);
  if (earlier) {
    asl.reportNode('asl/duplicate-label', 'error', `Map label '${label}' is already used; labels must be unique in the state machine.`, node, { related: [{ range: asl.doc.lines.range(earlier.start, earlier.end), message: 'First used here.' }] });
  } else asl.labels.set(label, node as StringNode);
}

export function checkReaderWriterPayload(asl: AslChecker, obj: ObjectNode, language: QueryLanguage, field: 'ItemReader' | 'ResultWriter'): void {
  if (language === 'JSONPath') {
    const p = prop(obj, 'Parameters');
    if (p) asl.checkPayloadTemplate(p.value, `${field}.Parameters`);
  } else {
    const a = prop(obj, 'Arguments');
    if (a) {
      if (a.value.kind === 'object' || (a.value.kind === 'string' && isJsonataString(a.value.value))) asl.checkJsonataValue(a.value, { field: 'Arguments', stateType: 'Map' });
      else asl.typeError(a.value, `${field}.Arguments`, 'an object or a JSONata expression {% … %}');
    }
  }
}

export function checkItemReader(asl: AslChecker, node: ValueNode, language: QueryLanguage): void {
  const obj = asl.expectObject(node, 'ItemReader');
  if (!obj) return;
  asl.checkFields(obj, ITEM_READER_FIELDS, 'ItemReader', language);
  const resource = prop(obj, 'Resource');
  if (!resource) asl.reportNode('asl/missing-field', 'error', `'ItemReader' is missing the required field 'Resource' (such as arn:aws:states:::s3:getObject).`, obj, { data: { field: 'Resource' } });
  else checkResource(asl, resource.value);
  checkReaderWriterPayload(asl, obj, language, 'ItemReader');
  const config = prop(obj, 'ReaderConfig');
  if (!config) return;
  const c = asl.expectObject(config.value, 'ReaderConfig');
  if (!c) return;
  // The spec lets interpreters add ReaderConfig fields: unknown ones are only a warning.
  asl.checkFields(c, READER_CONFIG_FIELDS, 'ReaderConfig', language, { unknownSeverity: 'warning' });
  const inputType = prop(c, 'InputType');
  if (inputType) asl.expectEnum(inputType.value, 'InputType', READER_INPUT_TYPES);
  const headerLocation = prop(c, 'CSVHeaderLocation');
  if (headerLocation) asl.expectEnum(headerLocation.value, 'CSVHeaderLocation', CSV_HEADER_LOCATIONS);
  const delimiter = prop(c, 'CSVDelimiter');
  if (delimiter) asl.expectEnum(delimiter.value, 'CSVDelimiter', CSV_DELIMITERS);
  const headers = prop(c, 'CSVHeaders');
  if (headers) {
    const arr = asl.expectArray(headers.value, 'CSVHeaders');
    if (arr) for (const h of arr.items) asl.expectString(h, 'CSVHeaders item');
  }
  const maxItems = prop(c, 'MaxItems');
  if (maxItems) asl.expectNumber(maxItems.value, 'MaxItems', { integer: true, min: 0, exclusiveMin: true, max: MAX_READER_ITEMS, jsonata: language === 'JSONata' && { field: 'MaxItems', stateType: 'Map' } });
  if (language === 'JSONPath') {
    const p = prop(c, 'MaxItemsPath');
    if (p) asl.checkPathField(p.value, 'MaxItemsPath', 'reference', { nullable: false, context: false, variables: true });
    asl.exclusive(c, 'MaxItems', 'MaxItemsPath');
  }
}

export function checkResultWriter(asl: AslChecker, node: ValueNode, language: QueryLanguage): void {
  const obj = asl.expectObject(node, 'ResultWriter');
  if (!obj) return;
  asl.checkFields(obj, RESULT_WRITER_FIELDS, 'ResultWriter', language);
  const resource = prop(obj, 'Resource');
  if (resource) checkResource(asl, resource.value);
  checkReaderWriterPayload(asl, obj, language, 'ResultWriter');
  const config = prop(obj, 'WriterConfig');
  if (config) {
    const c = asl.expectObject(config.value, 'WriterConfig');
    if (c) {
      asl.checkFields(c, WRITER_CONFIG_FIELDS, 'WriterConfig', undefined);
      const ot = prop(c, 'OutputType');
      if (ot) asl.expectEnum(ot.value, 'OutputType', WRITER_OUTPUT_TYPES);
      const tr = prop(c, 'Transformation');
      if (tr) asl.expectEnum(tr.value, 'Transformation', WRITER_TRANSFORMATIONS);
    }
  }
}

export function checkItemBatcher(asl: AslChecker, batcher: PropertyNode, language: QueryLanguage): void {
  const obj = asl.expectObject(batcher.value, 'ItemBatcher');
  if (!obj) return;
  asl.checkFields(obj, ITEM_BATCHER_FIELDS, 'ItemBatcher', language);
  const jsonata = language === 'JSONata';
  const sizeFields = jsonata ? ['MaxItemsPerBatch', 'MaxInputBytesPerBatch'] : ['MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'];
  if (!sizeFields.some((f) => prop(obj, f))) {
    asl.reportKey('asl/item-batcher-size', 'error', `'ItemBatcher' needs at least one of ${sizeFields.join(', ')}.`, batcher);
  }
  const items = prop(obj, 'MaxItemsPerBatch');
  if (items) asl.expectNumber(items.value, 'MaxItemsPerBatch', { integer: true, min: 0, exclusiveMin: true, jsonata: jsonata && { field: 'MaxItemsPerBatch', stateType: 'Map' } });
  const bytes = prop(obj, 'MaxInputBytesPerBatch');
  if (bytes) asl.expectNumber(bytes.value, 'MaxInputBytesPerBatch', { integer: true, min: 0, exclusiveMin: true, max: MAX_INPUT_BYTES_PER_BATCH, jsonata: jsonata && { field: 'MaxInputBytesPerBatch', stateType: 'Map' } });
  if (!jsonata) {
    asl.checkPathTwins(obj, ['MaxItemsPerBatch', 'MaxInputBytesPerBatch'], { context: false });
  }
  const input = prop(obj, 'BatchInput');
  if (input) {
    if (jsonata) asl.checkJsonataValue(input.value, { field: 'BatchInput', stateType: 'Map' });
    else asl.checkPayloadTemplate(input.value, 'BatchInput');
  }
}
