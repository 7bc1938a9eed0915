import { z } from 'zod';

// Plivo's SDKs send `null` for unset values, booleans as true or "true", numbers as numbers or strings.
const dropNull = (v: unknown): unknown => (v === null || v === '' ? undefined : v);

export const lenientBool = z.preprocess(
  (v) => {
    const x = dropNull(v);
    if (typeof x === 'string' && ['true', 'false'].includes(x.toLowerCase())) return x.toLowerCase() === 'true';
    return x;
  },
  z.boolean({ error: 'must be true or false' }),
);

export const lenientInt = z.preprocess(
  (v) => {
    const x = dropNull(v);
    return typeof x === 'string' && /^-?\d+$/.test(x.trim()) ? Number(x.trim()) : x;
  },
  z.number({ error: 'must be an integer' }).int('must be an integer'),
);

export const lenientString = z.preprocess(
  (v) => {
    const x = dropNull(v);
    return typeof x === 'number' ? String(x) : x;
  },
  z.string({ error: 'must be a string' }),
);

/** A lowercase choice: "SMS" and "sms" both count. */
export const lenientEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => {
      const x = dropNull(v);
      return typeof x === 'string' ? x.toLowerCase() : x;
    },
    z.enum(values, { error: `must be one of ${values.join(', ')}` }),
  );

export const optional = <S extends z.ZodType>(s: S) => z.preprocess(dropNull, s.optional());
