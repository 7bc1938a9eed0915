/** SQLSTATEs billing turns into outcomes (TypeORM's QueryFailedError keeps the driver's `code`). */
export const UNIQUE_VIOLATION = '23505';

export const isUniqueViolation = (err: unknown): boolean => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === UNIQUE_VIOLATION;
