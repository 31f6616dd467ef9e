// A service error as the emulator answers it: the error code the SDK maps to an exception
// class, the HTTP status, and the members of the error structure.

export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members of the error structure (e.g. MWAA Serverless `Reason`, `FieldList`). */
    readonly fields: Record<string, unknown> = {},
    /** Extra response headers (e.g. S3 `x-amz-bucket-region`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

/** One model constraint a request member failed. `path` uses the service's own notation. */
export interface ConstraintViolation {
  path: string;
  /** The constraint, phrased as the services do: "Member must not be null". */
  constraint: string;
  /** The value, already rendered for a message; undefined for null or sensitive values. */
  value?: string;
  /** The member's name (the last path element), for services that name parameters. */
  member: string;
  /** The kind, for services that phrase each kind differently. */
  kind: 'required' | 'length' | 'pattern' | 'enum' | 'range' | 'type';
  /** The pattern or bound involved, for the same reason. */
  detail?: string;
}
