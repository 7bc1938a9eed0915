import { z } from 'zod';

/** A required argument: absent, `null` and `""` all read "is required"; a number is taken as its digits. */
export const requiredString = z.preprocess(
  (v) => (v === null || v === '' ? undefined : typeof v === 'number' ? String(v) : v),
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }),
);

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();
export const isIpv4 = (value: string): boolean => ipv4.safeParse(value).success;
export const isIp = (value: string): boolean => isIpv4(value) || ipv6.safeParse(value).success;

/** Longest prefix of the address's family: a single host. */
export const hostPrefix = (ip: string): 32 | 128 => (isIpv4(ip) ? 32 : 128);

export const ipAddress = requiredString.pipe(z.string().refine(isIp, 'must be a valid IPv4 or IPv6 address'));
