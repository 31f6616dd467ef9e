// A distributed Map's ItemReader: items from an S3 object (JSON, JSONL, CSV) or an S3 listing.
import { StatesError } from './errors';
import type { Json } from './jsonpath';

export interface ItemSource {
  getObject(bucket: string, key: string): string | undefined;
  listObjects(bucket: string, prefix: string): { Key: string; Size: number; LastModified: string; ETag: string }[];
}

const failed = (cause: string) => new StatesError('States.ItemReaderFailed', cause);

const DELIMITERS: Record<string, string> = { COMMA: ',', PIPE: '|', SEMICOLON: ';', TAB: '\t', SPACE: ' ' };

/** Splits one CSV line: quoted fields may hold the delimiter and doubled quotes. */
function csvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

export function readItems(source: ItemSource, resource: string, parameters: Json, config: Record<string, Json>): Json[] {
  const p = (parameters ?? {}) as Record<string, Json>;
  const bucket = String(p.Bucket ?? '');
  let items: Json[];
  if (/:s3:listObjectsV2$/.test(resource)) {
    items = source.listObjects(bucket, String(p.Prefix ?? ''));
  } else if (/:s3:getObject$/.test(resource)) {
    const key = String(p.Key ?? '');
    const text = source.getObject(bucket, key);
    if (text === undefined) throw failed(`The ItemReader could not read s3://${bucket}/${key}: the object does not exist.`);
    const type = String(config.InputType ?? 'JSON');
    if (type === 'JSON') {
      let parsed: Json;
      try {
        parsed = JSON.parse(text) as Json;
      } catch {
        throw failed(`s3://${bucket}/${key} is not valid JSON.`);
      }
      if (!Array.isArray(parsed)) throw failed(`s3://${bucket}/${key} must hold a JSON array.`);
      items = parsed;
    } else if (type === 'JSONL') {
      items = text.split(/\r?\n/).filter((l) => l.trim()).map((l, i) => {
        try {
          return JSON.parse(l) as Json;
        } catch {
          throw failed(`Line ${i + 1} of s3://${bucket}/${key} is not valid JSON.`);
        }
      });
    } else if (type === 'CSV') {
      const delimiter = DELIMITERS[String(config.CSVDelimiter ?? 'COMMA')] ?? ',';
      const lines = text.split(/\r?\n/).filter((l) => l.length);
      const headers = config.CSVHeaderLocation === 'GIVEN' ? ((config.CSVHeaders as string[]) ?? []) : csvLine(lines.shift() ?? '', delimiter);
      items = lines.map((l) => {
        const fields = csvLine(l, delimiter);
        return Object.fromEntries(headers.map((h, i) => [h, fields[i] ?? '']));
      });
    } else throw failed(`The emulator does not read ItemReader InputType '${type}'.`);
  } else throw failed(`The emulator's ItemReader reads s3:getObject and s3:listObjectsV2, not '${resource}'.`);
  const max = typeof config.MaxItems === 'number' ? config.MaxItems : undefined;
  return max !== undefined ? items.slice(0, max) : items;
}
