import { z } from 'zod';

/** Parses the environment once at boot against an app's schema; a bad value stops start-up with every problem named. */
export function readConfig<S extends z.ZodType>(app: string, schema: S, env: NodeJS.ProcessEnv = process.env): Readonly<z.infer<S>> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${app}: invalid configuration — ${problems}`);
  }
  return Object.freeze(parsed.data);
}

/** `true`/`1`/`yes` as a boolean env flag. */
export const envFlag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && ['1', 'true', 'yes'].includes(v.toLowerCase()));
