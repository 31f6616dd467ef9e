// Opaque NextToken paging shared by every List operation.
import { ServiceError } from './errors';

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * Pages `items` (already in listing order). `scope` ties a token to one listing so a token
 * from another operation or resource is refused; `invalidToken` builds the service's error.
 */
export function paginate<T>(items: readonly T[], req: PageRequest, defaultPageSize: number, scope: string, invalidToken: (token: string) => ServiceError): Page<T> {
  let offset = 0;
  if (req.nextToken !== undefined) {
    const decoded = decodeToken(req.nextToken);
    if (!decoded || decoded.s !== scope || decoded.o > items.length) throw invalidToken(req.nextToken);
    offset = decoded.o;
  }
  const size = req.maxResults && req.maxResults > 0 ? req.maxResults : defaultPageSize;
  const end = Math.min(items.length, offset + size);
  return { items: items.slice(offset, end), nextToken: end < items.length ? encodeToken({ s: scope, o: end }) : undefined };
}

interface TokenBody {
  s: string;
  o: number;
}

function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decodeToken(token: string): TokenBody | undefined {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as TokenBody;
    return typeof body.s === 'string' && Number.isInteger(body.o) && body.o >= 0 ? body : undefined;
  } catch {
    return undefined;
  }
}
