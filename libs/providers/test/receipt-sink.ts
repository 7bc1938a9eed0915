import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SunkRequest {
  url: string;
  headers: IncomingMessage['headers'];
  raw: string;
}

/** Stands in for Signet's public webhook endpoint in adapter tests: keeps what vendors post, answers `answer`. */
export class ReceiptSink {
  private server?: Server;
  readonly received: SunkRequest[] = [];
  answer: { status: number; body: string; type?: string } = { status: 200, body: '' };

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      this.received.push({ url: `${this.url}${req.url}`, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(this.answer.status, { 'content-type': this.answer.type ?? 'text/plain' });
      res.end(this.answer.body);
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server?.close(() => r()));
  }
}

export const formOf = (raw: string): Record<string, string> => Object.fromEntries(new URLSearchParams(raw));
