/** `fr-ca`, `fr_CA`, `FR_ca` → `fr_CA`; `FR` → `fr`. The pattern the API accepts is checked in the contract. */
export function normalizeLocale(locale: string): string {
  const [lang, region] = locale.split(/[_-]/);
  return region ? `${lang.toLowerCase()}_${region.toUpperCase()}` : lang.toLowerCase();
}

/** The locales to look a text up under, most specific first: `fr_CA` → [`fr_CA`, `fr`]; `en` comes last always. */
export function localeChain(locale: string): string[] {
  const normal = normalizeLocale(locale);
  const lang = normal.slice(0, 2);
  return [...new Set([normal, lang, 'en'])];
}
