import { z } from 'zod';
import { callerSchema } from '@signet/contracts/common';

/** A locale as sessions take it: `de`, `fr_CA` or `fr-CA` (stored as `fr_CA`). */
export const localeSchema = z.string().regex(/^[A-Za-z]{2}([_-][A-Za-z]{2})?$/, 'must be a language code like de or fr_CA');

/** POST …/Verify/App/{app_uuid}/Template/: the app's own text for one locale (replaces the one it had). */
export const templateBody = z.object({
  locale: localeSchema,
  text: z
    .string({ error: 'text is required' })
    .trim()
    .min(1, 'text is required')
    .max(480, 'must be at most 480 characters')
    .refine((t) => t.includes('${code}'), 'must contain ${code}'),
});
export type TemplateBody = z.infer<typeof templateBody>;

export const templateSetRequest = z.object({ caller: callerSchema, app_uuid: z.string(), body: templateBody });
export type TemplateSetRequest = z.infer<typeof templateSetRequest>;
export const templateListRequest = z.object({ caller: callerSchema, app_uuid: z.string() });
export type TemplateListRequest = z.infer<typeof templateListRequest>;
export const templateRef = templateListRequest.extend({ locale: z.string() });
export type TemplateRef = z.infer<typeof templateRef>;

export const templateView = z.strictObject({ locale: z.string(), text: z.string() });
export type TemplateView = z.infer<typeof templateView>;
export const templateListResult = z.strictObject({ templates: z.array(templateView) });
export type TemplateListResult = z.infer<typeof templateListResult>;
