import { readFileSync } from 'node:fs';
import { z } from 'zod';

const translation = z.strictObject({
  /** BCP 47 tag the voice is asked to speak in (each provider adapter maps it to its own codes). */
  language: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/),
  /** The default SMS text (and the first sentence of the call). */
  sms: z.string().includes('${code}'),
  /** The call's second sentence: the code once more. */
  repeat: z.string().includes('${code}'),
  /** `dtmf` calls: said before the code, until the callee presses a key. */
  press_key: z.string(),
  /** Said on a call whose session ended before it was answered. */
  expired: z.string(),
});
export type Translation = z.infer<typeof translation>;

/** The built-in translations, one per language (`translations.json` beside this file; the build copies it). */
export const TRANSLATIONS: Readonly<Record<string, Translation>> = Object.freeze(
  z.record(z.string().regex(/^[a-z]{2}$/), translation).parse(JSON.parse(readFileSync(new URL('./translations.json', import.meta.url), 'utf8'))),
);

export const BUILT_IN_LOCALES = Object.keys(TRANSLATIONS);
