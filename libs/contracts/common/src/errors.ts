/** Codes any service may throw; each service adds its own in its contract. The gateway maps every code to HTTP. */
export const CommonErrors = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

/** What crosses NATS when a handler fails: a code and a message safe to show the API caller. */
export interface RpcError {
  code: string;
  message: string;
}

export function isRpcError(value: unknown): value is RpcError {
  return typeof value === 'object' && value !== null && typeof (value as RpcError).code === 'string' && typeof (value as RpcError).message === 'string';
}
