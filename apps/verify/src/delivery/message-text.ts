/**
 * The OTP message from the app's template. SMS gets the Android app hash on its own last line (the SMS Retriever
 * API looks for it there); voice speaks the code digit by digit, so it is read out as "4, 2, 1, 7", not a number.
 */
export function messageText(template: string, brandName: string, code: string, channel: 'sms' | 'voice', appHash: string | null): string {
  const spokenCode = channel === 'voice' ? code.split('').join(', ') : code;
  const text = template.replaceAll('${brand_name}', brandName).replaceAll('${code}', spokenCode);
  if (channel === 'voice') return `${text}. I repeat, your code is ${spokenCode}.`;
  return appHash ? `${text}\n${appHash}` : text;
}
