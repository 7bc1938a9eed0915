/**
 * Splits `count(*) OVER ()` off a page of rows: Plivo's list total rides on the page query, so one round trip.
 * An empty page (offset past the end) carries no total; the caller counts then.
 */
export const withTotal = <R>(rows: (R & { total: string })[]): { rows: R[]; total: number | undefined } => ({
  rows: rows.map(({ total: _t, ...row }) => row as R),
  total: rows.length > 0 ? Number(rows[0].total) : undefined,
});
