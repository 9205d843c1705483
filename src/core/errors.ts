// One error type for the whole product (STYLE: "one AppError with a code").
// HTTP routes map `code` to a status; socket handlers return it in the acknowledgement.
// Pure: no framework imports, so the core may throw it too.

export const APP_ERROR_CODES = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ILLEGAL_TRANSITION: 409,
  CAPACITY_EXCEEDED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/** Field name (dotted path) to messages, as zod's flattened errors give them. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: AppErrorCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get httpStatus(): number {
    return APP_ERROR_CODES[this.code];
  }

  /** The shape sent to clients: never a stack, never internals. */
  toJSON(): { code: AppErrorCode; message: string; fieldErrors?: FieldErrors } {
    return this.fieldErrors
      ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors }
      : { code: this.code, message: this.message };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
