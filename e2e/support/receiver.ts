import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  /** Path and query as the receiver saw them. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The form fields (POST body, or the query for GET). */
  fields: Record<string, string>;
  at: number;
}

export type Behaviour = (r: Received) => { status: number; body?: string; delayMs?: number };

/** A customer's status-callback endpoint on 127.0.0.1: records every request, answers as `behaviour` says. */
export class Receiver {
  readonly received: Received[] = [];
  behaviour: Behaviour = () => ({ status: 200, body: 'ok' });
  private server?: Server;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const url = req.url ?? '/';
        const form = req.method === 'POST' ? body : (url.split('?')[1] ?? '');
        const r: Received = { method: req.method ?? '', url, headers: req.headers, fields: Object.fromEntries(new URLSearchParams(form)), at: Date.now() };
        const answer = this.behaviour(r);
        this.received.push(r);
        const send = () => res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
        if (answer.delayMs) setTimeout(send, answer.delayMs);
        else send();
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  forSession(session: string): Received[] {
    return this.received.filter((r) => r.fields.SessionUUID === session);
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = undefined;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
}
