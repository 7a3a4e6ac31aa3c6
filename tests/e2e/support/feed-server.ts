import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedResponse {
  status?: number;
  body: string;
  etag?: string;
  contentType?: string;
  /** More response headers (a redirect's Location, CORS headers). */
  headers?: Record<string, string>;
  /** The response waits for this, so a test can act while a sync is downloading. */
  hold?: Promise<void>;
}

/**
 * A feed server on 127.0.0.1 (http to loopback is allowed for development feeds). Each path
 * serves what the test set; requests are recorded so tests can see conditional headers.
 */
export class FeedServer {
  private server: Server;
  private routes = new Map<string, FeedResponse>();
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  /** Each body sent, by path and size: what a client downloaded. */
  readonly served: { path: string; bytes: number }[] = [];

  constructor() {
    this.server = createServer((req, res) => void this.answer(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  set(path: string, response: FeedResponse): string {
    this.routes.set(path, response);
    return this.url(path);
  }

  /** Takes a path off the server: it answers 404 from now on. */
  unset(path: string): void {
    this.routes.delete(path);
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.requests.push({ path, headers: req.headers });
    const route = this.routes.get(path);
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    await route.hold;
    if (route.etag && req.headers['if-none-match'] === route.etag) {
      res.writeHead(304, { ETag: route.etag }).end();
      return;
    }
    res.writeHead(route.status ?? 200, {
      'Content-Type': route.contentType ?? 'application/json',
      ...(route.etag ? { ETag: route.etag } : {}),
      ...route.headers,
    });
    this.served.push({ path, bytes: Buffer.byteLength(route.body) });
    res.end(route.body);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
