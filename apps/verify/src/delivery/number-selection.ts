import type { Channel, ProviderNumber } from '@signet/providers';

/** A number a sender may send from, as selected on the sender (or in `SIGNET_PLATFORM_SENDER`). */
export interface SelectedNumber extends ProviderNumber {
  /** ISO 3166-1 alpha-2 destinations this number serves; empty: the default for its type. */
  countries: string[];
}

/**
 * Whether `n` serves a recipient in `country` on `channel`: it must support the channel; with countries set it
 * serves exactly those; without, a local number serves any destination and a toll-free number or short code serves
 * US recipients only.
 */
export function serves(n: SelectedNumber, country: string | null, channel: Channel): boolean {
  if (!n[channel]) return false;
  if (n.countries.length > 0) return country !== null && n.countries.includes(country);
  return n.type === 'local' || country === 'US';
}

/** The number to send from: one listing the destination's country first, then any number that serves it. */
export function pickNumber(numbers: readonly SelectedNumber[], country: string | null, channel: Channel): SelectedNumber | undefined {
  const serving = numbers.filter((n) => serves(n, country, channel));
  return serving.find((n) => country !== null && n.countries.includes(country)) ?? serving[0];
}
