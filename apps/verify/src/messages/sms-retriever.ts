/** GSM 03.38's basic character set; its extension table's characters take two septets. */
const GSM_BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/** The bytes one SMS carries the text in: GSM-7 packs 8 septets in 7 bytes; anything else is UCS-2, 2 bytes a unit. */
export function smsBytes(text: string): number {
  let septets = 0;
  for (const c of text) {
    if (GSM_BASIC.has(c)) septets += 1;
    else if (GSM_EXTENDED.has(c)) septets += 2;
    else return text.length * 2;
  }
  return Math.ceil((septets * 7) / 8);
}

/** Google's SMS Retriever reads a message of at most 140 bytes that holds the code and the app's 11-character hash. */
export const SMS_RETRIEVER_MAX_BYTES = 140;

/**
 * The message with the app hash on its own last line, as the SMS Retriever API expects. The first candidate text
 * that still fits in 140 bytes with the hash is used (callers pass the full text first, shorter ones after).
 */
export function withAppHash(candidates: string[], appHash: string): string {
  for (const text of candidates) {
    const message = `${text}\n${appHash}`;
    if (smsBytes(message) <= SMS_RETRIEVER_MAX_BYTES) return message;
  }
  return `${candidates[candidates.length - 1]}\n${appHash}`;
}
