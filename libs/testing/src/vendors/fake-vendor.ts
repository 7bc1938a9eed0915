import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  raw: string;
  /** Form or JSON body (or the query for GET), flattened to strings; repeated form keys keep their last value. */
  params: Record<string, string>;
  form: URLSearchParams;
  json: unknown;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  contentType?: string;
}

/** One message or call the fake vendor accepted. */
export interface FakeSend {
  kind: 'sms' | 'voice';
  ref: string;
  account: string;
  from: string;
  to: string;
  text: string;
  /** The status callback URL the caller gave, if any. */
  callbackUrl?: string;
  at: number;
  extra: Record<string, unknown>;
}

/**
 * The common part of the local vendor fakes: an HTTP server on 127.0.0.1, the sends it accepted, and faults a test
 * can switch on (every answer a 500, a slow or hanging answer). Each vendor's file implements its documented API.
 */
export abstract class FakeVendor {
  private server?: Server;
  readonly sends: FakeSend[] = [];
  /** Requests to the send endpoints that arrived (accepted or not), with their arrival time. */
  readonly sendRequests: { at: number; path: string; headers: IncomingMessage['headers'] }[] = [];
  /** Answer every request with this HTTP status (e.g. 500) instead of handling it. */
  failWith?: number;
  /** Wait this long before handling a request (a slow vendor). */
  delayMs = 0;
  /** Wait this long after handling (the vendor accepted, its answer is slow to come back). */
  replyDelayMs = 0;
  /** Never answer (the client's timeout must fire). */
  hang = false;
  private waiters: { n: number; resolve: () => void }[] = [];

  protected abstract handle(req: FakeRequest): Promise<FakeAnswer> | FakeAnswer;
  protected abstract isSendPath(path: string): boolean;

  get url(): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Resolves once `n` sends were accepted in total. */
  waitForSends(n: number): Promise<void> {
    if (this.sends.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  protected record(send: Omit<FakeSend, 'at'>): FakeSend {
    const s = { ...send, at: Date.now() };
    this.sends.push(s);
    this.waiters = this.waiters.filter((w) => (this.sends.length >= w.n ? (w.resolve(), false) : true));
    return s;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (this.isSendPath(url.pathname)) this.sendRequests.push({ at: Date.now(), path: url.pathname, headers: req.headers });
    if (this.hang) return; // the socket stays open until the client gives up
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failWith) return this.reply(res, { status: this.failWith, body: { error: 'fake vendor fault' } });
    const type = String(req.headers['content-type'] ?? '');
    let json: unknown;
    let form = new URLSearchParams();
    if (type.includes('application/json') && raw) json = JSON.parse(raw);
    else if (raw) form = new URLSearchParams(raw);
    if (req.method === 'GET') form = url.searchParams;
    const params: Record<string, string> = {};
    if (json && typeof json === 'object' && !Array.isArray(json))
      for (const [k, v] of Object.entries(json)) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
    for (const [k, v] of form) params[k] = v;
    try {
      const answer = await this.handle({ method: req.method ?? 'GET', url, headers: req.headers, raw, params, form, json });
      if (this.replyDelayMs > 0) await new Promise((r) => setTimeout(r, this.replyDelayMs));
      this.reply(res, answer);
    } catch (err) {
      this.reply(res, { status: 500, body: { error: (err as Error).message } });
    }
  }

  private reply(res: ServerResponse, a: FakeAnswer): void {
    const text = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
    res.writeHead(a.status, { 'content-type': a.contentType ?? 'application/json' });
    res.end(text);
  }
}

/** Posts a webhook the way a vendor does (form, or JSON), returning the HTTP status Signet answered. */
export async function postWebhook(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

export const basicUser = (header: string | undefined): { user: string; password: string } | undefined => {
  const m = header?.match(/^Basic (.+)$/);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : { user: decoded.slice(0, i), password: decoded.slice(i + 1) };
};

export const hex = (n: number): string => [...Array(n)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');
