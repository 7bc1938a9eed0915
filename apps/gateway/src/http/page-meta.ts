/** Plivo's list `meta`: relative `next`/`previous` URLs that keep the caller's filters. */
export function pageMeta(path: string, query: Record<string, unknown>, limit: number, offset: number, total: number) {
  const link = (o: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && k !== 'limit' && k !== 'offset') params.set(k, String(v));
    params.set('limit', String(limit));
    params.set('offset', String(o));
    return `${path}?${params.toString()}`;
  };
  return {
    limit,
    offset,
    next: offset + limit < total ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    total_count: total,
  };
}
