import { redisOptions } from '@signet/config';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** A mailer that holds connections (an SMTP pool or a Redis client) and lets them go on shutdown. */
export interface ClosableMailer extends Mailer {
  close(): Promise<void>;
}

export interface MailEnv {
  NODE_ENV?: string;
  SIGNET_SMTP_URL?: string;
  SIGNET_MAIL_FROM?: string;
  REDIS_URL?: string;
  REDIS_PREFIX?: string;
}

export const DEFAULT_MAIL_FROM = 'Signet <no-reply@signet.local>';
/** The development catcher keeps the newest messages only. */
export const DEV_MAIL_LIMIT = 500;
export const devMailKey = (prefix: string): string => `${prefix}:dev-mail`;

export interface DevMail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  sent_at: string;
}

/**
 * SMTP (pooled) when `SIGNET_SMTP_URL` is set; otherwise, outside production, the development catcher (a Redis list
 * the gateway serves at `GET /dev/mail`). In production without SMTP it refuses to start: mail would be lost.
 */
export function createMailer(env: MailEnv = process.env): ClosableMailer {
  const from = env.SIGNET_MAIL_FROM || DEFAULT_MAIL_FROM;
  if (env.SIGNET_SMTP_URL) {
    const url = new URL(env.SIGNET_SMTP_URL);
    const transport = nodemailer.createTransport({
      pool: true,
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      ignoreTLS: url.searchParams.get('tls') === 'off',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      async send(m) {
        await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html });
      },
      async close() {
        transport.close();
      },
    };
  }
  if (env.NODE_ENV === 'production') throw new Error('SIGNET_SMTP_URL is required in production (mail has nowhere else to go)');
  // Commands wait for the connection (a job may run before it is up); a Redis outage still fails the send, and the
  // job is retried.
  const redis = new Redis({ ...redisOptions(env.REDIS_URL || 'redis://127.0.0.1:6379', 'producer'), enableOfflineQueue: true });
  redis.on('error', () => undefined);
  const key = devMailKey(env.REDIS_PREFIX || 'signet');
  return {
    async send(m) {
      const entry: DevMail = { to: m.to, subject: m.subject, text: m.text, html: m.html, sent_at: new Date().toISOString() };
      await redis
        .multi()
        .lpush(key, JSON.stringify(entry))
        .ltrim(key, 0, DEV_MAIL_LIMIT - 1)
        .exec();
    },
    async close() {
      redis.disconnect();
    },
  };
}

/** What the development catcher holds, newest first; `to` keeps the messages sent to that address. */
export async function readDevMail(redis: Redis, prefix: string, { to }: { to?: string } = {}): Promise<DevMail[]> {
  const raw = await redis.lrange(devMailKey(prefix), 0, DEV_MAIL_LIMIT - 1);
  const all = raw.map((r) => JSON.parse(r) as DevMail);
  if (!to) return all;
  const wanted = to.trim().toLowerCase();
  return all.filter((m) => m.to.some((t) => t.toLowerCase() === wanted));
}
