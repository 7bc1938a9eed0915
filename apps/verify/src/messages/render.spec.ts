import { DEFAULT_TEMPLATE } from '@signet/contracts/verify';
import { renderSms, renderVoice, type MessageSource } from './render.js';
import { smsBytes } from './sms-retriever.js';
import { BUILT_IN_LOCALES, TRANSLATIONS } from './translations.js';

const src = (over: Partial<MessageSource> = {}): MessageSource => ({
  template: DEFAULT_TEMPLATE,
  brand_name: 'Acme',
  locale: 'en',
  app_hash: null,
  custom: {},
  ...over,
});

describe('built-in translations', () => {
  it('ship the ten languages the issue names', () => {
    expect(BUILT_IN_LOCALES.sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'hi', 'it', 'ja', 'pt', 'zh']);
  });

  it.each(BUILT_IN_LOCALES)('%s renders its own SMS and call with the brand and the code', (locale) => {
    const sms = renderSms(src({ locale }), '042117');
    expect(sms).toBe(TRANSLATIONS[locale].sms.replace('${brand_name}', 'Acme').replace('${code}', '042117'));
    expect(sms).not.toContain('${');
    const call = renderVoice(src({ locale }), '0421');
    expect(call.text.split('0, 4, 2, 1')).toHaveLength(3); // the digits one by one, twice
    expect(call.text).toContain('Acme');
    expect(call.language).toBe(TRANSLATIONS[locale].language);
    expect(call.prompt).toContain('Acme');
    if (locale !== 'en') expect(call.text).not.toContain('verification code is');
  });
});

describe('renderSms', () => {
  it('falls back fr_CA → fr → en, and unknown locales to English', () => {
    expect(renderSms(src({ locale: 'fr_CA' }), '1234')).toBe('Votre code de vérification Acme est 1234');
    expect(renderSms(src({ locale: 'fr-ca' }), '1234')).toBe('Votre code de vérification Acme est 1234');
    expect(renderSms(src({ locale: 'sw' }), '1234')).toBe('Your Acme verification code is 1234');
    expect(renderSms(src({ locale: 'xx_YY' }), '1234')).toBe('Your Acme verification code is 1234');
  });

  it("prefers the app's custom translation, the most specific locale first", () => {
    const custom = { fr_CA: 'Code ${brand_name} (Québec) : ${code}', fr: 'Code ${brand_name} : ${code}' };
    expect(renderSms(src({ locale: 'fr_CA', custom }), '1234')).toBe('Code Acme (Québec) : 1234');
    expect(renderSms(src({ locale: 'fr', custom }), '1234')).toBe('Code Acme : 1234');
    expect(renderSms(src({ locale: 'fr_BE', custom }), '1234')).toBe('Code Acme : 1234');
    expect(renderSms(src({ locale: 'de', custom }), '1234')).toBe('Ihr Acme-Bestätigungscode lautet 1234');
  });

  it('keeps a changed app template over the built-in translations, and a custom translation over both', () => {
    const template = '${code} is your ${brand_name} code';
    expect(renderSms(src({ locale: 'es', template }), '1234')).toBe('1234 is your Acme code');
    expect(renderSms(src({ locale: 'es', template, custom: { es: '${code} es tu código' } }), '1234')).toBe('1234 es tu código');
  });

  it('puts the app hash on its own last line within 140 bytes', () => {
    expect(renderSms(src({ app_hash: 'FA+9qCX9VSu' }), '042117')).toBe('Your Acme verification code is 042117\nFA+9qCX9VSu');
    const long = 'x'.repeat(150) + ' ${code}';
    const sms = renderSms(src({ template: long, app_hash: 'FA+9qCX9VSu' }), '042117');
    expect(sms).toBe('Your Acme verification code is 042117\nFA+9qCX9VSu');
    for (const locale of BUILT_IN_LOCALES) {
      const m = renderSms(src({ locale, brand_name: 'A very long brand name Inc', app_hash: 'FA+9qCX9VSu' }), '04211789');
      expect(m.split('\n').at(-1)).toBe('FA+9qCX9VSu');
      expect(m).toContain('04211789');
      expect(smsBytes(m)).toBeLessThanOrEqual(140);
    }
  });
});

describe('smsBytes', () => {
  it('counts GSM-7 in septets and anything else as UCS-2', () => {
    expect(smsBytes('a'.repeat(160))).toBe(140);
    expect(smsBytes('€')).toBe(2);
    expect(smsBytes('ab验')).toBe(6);
  });
});

describe('renderVoice', () => {
  it("speaks a regional locale's region and falls back to English for unknown ones", () => {
    expect(renderVoice(src({ locale: 'fr_CA' }), '12').language).toBe('fr-CA');
    expect(renderVoice(src({ locale: 'en_GB' }), '12').language).toBe('en-GB');
    const unknown = renderVoice(src({ locale: 'sw_KE' }), '12');
    expect(unknown).toMatchObject({ language: 'en-US', text: 'Your Acme verification code is 1, 2. I repeat, your code is 1, 2.' });
  });

  it('speaks a custom translation with the locale repeat sentence', () => {
    const call = renderVoice(src({ locale: 'de', custom: { de: 'Ihr Code: ${code}' } }), '12');
    expect(call.text).toBe('Ihr Code: 1, 2. Ich wiederhole, Ihr Code lautet 1, 2.');
  });
});
