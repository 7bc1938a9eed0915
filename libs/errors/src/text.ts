/**
 * The one input rule for text Postgres cannot store: U+0000 is refused in every string and key of a message (a text
 * column cannot hold it, so it would otherwise fail inside a query). Returns the path of the first offender.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
export function findNul(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  let visited = 0;
  while (stack.length > 0 && visited++ < 100_000) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return path || 'body';
        stack.push([child, at]);
      }
    }
  }
  return undefined;
}

export const NUL_MESSAGE = 'must not contain NUL (U+0000) characters';
