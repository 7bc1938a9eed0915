import { DEFAULT_TEMPLATE } from '@signet/contracts/verify';
import { localeChain, normalizeLocale } from './locale.js';
import { withAppHash } from './sms-retriever.js';
import { TRANSLATIONS, type Translation } from './translations.js';

/** What a session's message is made of: its app's template and custom translations, the session's own fields. */
export interface MessageSource {
  /** The app's template when the session opened. */
  template: string;
  brand_name: string;
  locale: string;
  app_hash: string | null;
  /** The app's custom translations for the locales of `localeChain(locale)`, by locale. */
  custom: Record<string, string>;
}

export interface VoiceMessage {
  /** The whole call: the text with the digits one by one, then the code once more. */
  text: string;
  /** BCP 47: the language of `text` (each provider maps it to its own voice codes). */
  language: string;
  /** Said before the code on a `dtmf` call, until a key is pressed. */
  prompt: string;
  /** Said when the session ended before the call was answered. */
  expired: string;
}

const fill = (text: string, brand: string, code: string) => text.replaceAll('${brand_name}', brand).replaceAll('${code}', code);

/** The first built-in translation along the locale's chain (English at its end) and the locale it was found under. */
function builtIn(locale: string): { t: Translation; found: string } {
  const found = localeChain(locale).find((l) => TRANSLATIONS[l]) ?? 'en';
  return { t: TRANSLATIONS[found], found };
}

/**
 * The text in the session's locale, along `fr_CA` → `fr` → `en`: at each step the app's custom translation, then
 * (only while the app's template is the default) the built-in one. An app whose template was changed keeps its
 * own wording where it has no translation: ours would not say what it says.
 */
function chooseText(src: MessageSource): string {
  const changed = src.template !== DEFAULT_TEMPLATE;
  for (const l of localeChain(src.locale)) {
    if (src.custom[l]) return src.custom[l];
    if (!changed && TRANSLATIONS[l]) return TRANSLATIONS[l].sms;
  }
  return src.template;
}

/** The SMS: the text with the code; with an app hash, the hash on its own last line within SMS Retriever's 140 bytes. */
export function renderSms(src: MessageSource, code: string): string {
  const text = fill(chooseText(src), src.brand_name, code);
  if (!src.app_hash) return text;
  const shorter = fill(builtIn(src.locale).t.sms, src.brand_name, code);
  return withAppHash([text, shorter, code], src.app_hash);
}

const spoken = (code: string) => code.split('').join(', ');
const STOPS = /[.!?。！？।]$/u;

/** The call: the text with the digits one by one, then "I repeat, your code is …", in the locale's language. */
export function renderVoice(src: MessageSource, code: string): VoiceMessage {
  const { t, found } = builtIn(src.locale);
  const first = fill(chooseText(src), src.brand_name, spoken(code)).trim();
  const text = `${first}${STOPS.test(first) ? '' : '.'} ${fill(t.repeat, src.brand_name, spoken(code))}`;
  const normal = normalizeLocale(src.locale);
  // A regional locale of a built-in language asks for that region's voice (fr_CA → fr-CA); the adapters fall back.
  const language = normal.startsWith(`${found}_`) ? normal.replace('_', '-') : t.language;
  return { text, language, prompt: fill(t.press_key, src.brand_name, ''), expired: t.expired };
}
