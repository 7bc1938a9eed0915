/**
 * Twilio's `<Say>` and Plivo's `<Speak>` both take Amazon Polly voices (`voice="Polly.Lea"`) with Polly's language
 * codes (Arabic is `arb`, Mandarin `cmn-CN`). A BCP 47 tag maps to its voice; a region we have no voice for falls back
 * to the language's, and an unknown language to US English.
 */
const POLLY: Record<string, { language: string; voice: string }> = {
  'en-US': { language: 'en-US', voice: 'Polly.Joanna' },
  'en-GB': { language: 'en-GB', voice: 'Polly.Amy' },
  'en-IN': { language: 'en-IN', voice: 'Polly.Raveena' },
  'es-ES': { language: 'es-ES', voice: 'Polly.Lucia' },
  'es-US': { language: 'es-US', voice: 'Polly.Penelope' },
  'es-MX': { language: 'es-MX', voice: 'Polly.Mia' },
  'fr-FR': { language: 'fr-FR', voice: 'Polly.Lea' },
  'fr-CA': { language: 'fr-CA', voice: 'Polly.Chantal' },
  'de-DE': { language: 'de-DE', voice: 'Polly.Vicki' },
  'pt-BR': { language: 'pt-BR', voice: 'Polly.Camila' },
  'pt-PT': { language: 'pt-PT', voice: 'Polly.Ines' },
  'it-IT': { language: 'it-IT', voice: 'Polly.Bianca' },
  'hi-IN': { language: 'hi-IN', voice: 'Polly.Aditi' },
  'ar-SA': { language: 'arb', voice: 'Polly.Zeina' },
  'zh-CN': { language: 'cmn-CN', voice: 'Polly.Zhiyu' },
  'ja-JP': { language: 'ja-JP', voice: 'Polly.Mizuki' },
};

export function pollyVoice(language: string | undefined): { language: string; voice: string } {
  const tag = language ?? 'en-US';
  const lang = tag.slice(0, 2);
  return POLLY[tag] ?? Object.entries(POLLY).find(([k]) => k.startsWith(`${lang}-`))?.[1] ?? POLLY['en-US'];
}
