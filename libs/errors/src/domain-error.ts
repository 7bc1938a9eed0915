import type { z } from 'zod';
import { CommonErrors, type RpcError } from '@signet/contracts/common';
import { findNul, NUL_MESSAGE } from './text.js';

/** Thrown below the gateway; the gateway maps `code` to an HTTP status and shows `message`. Never an HTTP error here. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toRpc(): RpcError {
    return { code: this.code, message: this.message };
  }
}

export const notFound = (what: string): DomainError => new DomainError(CommonErrors.NOT_FOUND, `${what} not found`);

/**
 * Validates a message at a trust boundary; the first problem becomes a readable VALIDATION_FAILED. Text Postgres
 * cannot store (NUL) is refused here for every message, whatever its schema.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const nul = findNul(data);
  if (nul !== undefined) throw new DomainError(CommonErrors.VALIDATION_FAILED, nul ? `${nul}: ${NUL_MESSAGE}` : `the value ${NUL_MESSAGE}`);
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.');
  throw new DomainError(CommonErrors.VALIDATION_FAILED, field ? `${field}: ${issue.message}` : issue.message);
}
