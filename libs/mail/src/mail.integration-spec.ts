import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { SMTPServer } from 'smtp-server';
import { createMailer, readDevMail } from './index.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('libs/mail', () => {
  it('sends over SMTP (pooled nodemailer) to a real SMTP server, from SIGNET_MAIL_FROM', async () => {
    const received: { from: string; to: string[]; raw: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          received.push({ from: (session.envelope.mailFrom || { address: '' }).address, to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    const mailer = createMailer({ SIGNET_SMTP_URL: `smtp://127.0.0.1:${port}`, SIGNET_MAIL_FROM: 'Billing <billing@signet.test>', NODE_ENV: 'production' });
    try {
      await mailer.send({ to: ['a@example.com', 'b@example.com'], subject: 'Balance below $10.00', text: 'Top up.', html: '<p>Top up.</p>' });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ from: 'billing@signet.test', to: ['a@example.com', 'b@example.com'] });
      expect(received[0].raw).toMatch(/^Subject: Balance below \$10\.00$/m);
    } finally {
      await mailer.close?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a refused message throws, so the queue retries it', async () => {
    const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onRcptTo: (_a, _s, cb) => cb(new Error('mailbox unavailable')) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const mailer = createMailer({ SIGNET_SMTP_URL: `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}` });
    try {
      await expect(mailer.send({ to: ['x@example.com'], subject: 's', text: 't' })).rejects.toThrow(/mailbox unavailable/);
    } finally {
      await mailer.close?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('without SMTP outside production, catches mail in Redis for GET /dev/mail; in production it refuses to boot', async () => {
    const prefix = `mail-spec-${randomUUID()}`;
    const mailer = createMailer({ NODE_ENV: 'development', REDIS_URL: redisUrl, REDIS_PREFIX: prefix });
    const redis = new Redis(redisUrl);
    try {
      await mailer.send({ to: ['Ops@Example.com'], subject: 'first', text: 'one' });
      await mailer.send({ to: ['other@example.com'], subject: 'second', text: 'two' });
      expect((await readDevMail(redis, prefix)).map((m) => m.subject)).toEqual(['second', 'first']);
      expect(await readDevMail(redis, prefix, { to: 'ops@example.com' })).toEqual([
        expect.objectContaining({ to: ['Ops@Example.com'], subject: 'first', text: 'one', sent_at: expect.any(String) }),
      ]);
    } finally {
      await redis.del(`${prefix}:dev-mail`);
      redis.disconnect();
      await mailer.close?.();
    }
    expect(() => createMailer({ NODE_ENV: 'production' })).toThrow(/SIGNET_SMTP_URL/);
  });
});
