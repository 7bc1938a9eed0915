import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';
import { redisOptions } from '@signet/config';

/** One email. `to` holds one or more addresses; `html` is optional (text is always sent). */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Closes the SMTP pool or the catcher's Redis connection. */
  close?(): Promise<void>;
}

/** What the development catcher stores per message (newest first in the list). */
export interface DevMail {
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  sent_at: string;
}

export interface MailEnv {
  NODE_ENV?: string;
  SIGNET_SMTP_URL?: string;
  SIGNET_MAIL_FROM?: string;
  REDIS_URL?: string;
  REDIS_PREFIX?: string;
}

export const DEFAULT_MAIL_FROM = 'Signet <no-reply@signet.local>';
const DEV_MAIL_KEEP = 500;
export const devMailKey = (prefix: string): string => `${prefix}:dev-mail`;

/**
 * The mailer a service sends with (only from a worker of its own queue, with retries):
 * - `SIGNET_SMTP_URL` set (`smtp://user:pass@host:587`, `smtps://…`): nodemailer's pooled SMTP transport, from
 *   `SIGNET_MAIL_FROM`. A refused message throws, so the job is retried.
 * - unset outside production: the development catcher — each message is LPUSHed as JSON to the Redis list
 *   `${REDIS_PREFIX}:dev-mail` (the newest 500 kept), readable at the gateway's `GET /dev/mail?to=`.
 * - unset in production: throws at boot.
 */
export function createMailer(env: MailEnv = process.env): Mailer {
  const from = env.SIGNET_MAIL_FROM || DEFAULT_MAIL_FROM;
  if (env.SIGNET_SMTP_URL) return smtpMailer(env.SIGNET_SMTP_URL, from);
  if (env.NODE_ENV === 'production') throw new Error('SIGNET_SMTP_URL is required in production: set it to the SMTP server mail is sent through (smtp://user:pass@host:587)');
  return devCatcher(env.REDIS_URL ?? 'redis://127.0.0.1:6379', env.REDIS_PREFIX ?? 'signet');
}

function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url.includes('?') ? `${url}&pool=true` : `${url}?pool=true`, { from });
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html });
    },
    async close() {
      transport.close();
    },
  };
}

function devCatcher(redisUrl: string, prefix: string): Mailer {
  // Commands wait for the connection (a job may run before it is up); a Redis outage still fails fast, and the job is retried.
  const redis = new Redis({ ...redisOptions(redisUrl, 'producer'), enableOfflineQueue: true }).on('error', () => undefined);
  const logger = new Logger('DevMail');
  const key = devMailKey(prefix);
  return {
    async send(m) {
      const mail: DevMail = { to: m.to, subject: m.subject, text: m.text, html: m.html ?? null, sent_at: new Date().toISOString() };
      await redis.multi().lpush(key, JSON.stringify(mail)).ltrim(key, 0, DEV_MAIL_KEEP - 1).exec();
      logger.log(`caught mail to ${m.to.join(', ')}: ${m.subject}`);
    },
    async close() {
      redis.disconnect();
    },
  };
}

/** The development catcher's messages, newest first; `to` keeps those addressed to it (case-insensitive). */
export async function readDevMail(redis: Redis, prefix: string, { to, limit = 50 }: { to?: string; limit?: number } = {}): Promise<DevMail[]> {
  const raw = await redis.lrange(devMailKey(prefix), 0, DEV_MAIL_KEEP - 1);
  const want = to?.trim().toLowerCase();
  return raw
    .map((r) => JSON.parse(r) as DevMail)
    .filter((m) => !want || m.to.some((a) => a.toLowerCase() === want))
    .slice(0, limit);
}
