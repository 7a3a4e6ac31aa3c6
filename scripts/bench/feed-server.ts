import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves feeds on 127.0.0.1. Each path has a body and an ETag: a request whose If-None-Match is
 * the current ETag gets 304, anything else the whole body. `bump` changes the ETag, so the next
 * sync downloads everything again.
 */
export class BenchFeedServer {
  private server: Server;
  private routes = new Map<
    string,
    { body: Buffer; etag: string; headers: Record<string, string> }
  >();
  private generation = 0;
  /** Body bytes sent (200 answers only), for the figures of bytes a sync downloads. */
  bytesServed = 0;

  constructor() {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const route = this.routes.get(path);
      if (!route) return void res.writeHead(404).end('not found');
      if (req.headers['if-none-match'] === route.etag)
        return void res.writeHead(304, { ETag: route.etag }).end();
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': route.body.byteLength,
        ETag: route.etag,
        ...route.headers,
      });
      this.bytesServed += route.body.byteLength;
      res.end(route.body);
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  set(path: string, text: string, headers: Record<string, string> = {}): string {
    this.routes.set(path, { body: Buffer.from(text), etag: `"g${++this.generation}"`, headers });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  bump(path: string): void {
    const route = this.routes.get(path);
    if (route) route.etag = `"g${++this.generation}"`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
