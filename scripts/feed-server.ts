import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Serves a published v2 tree (`verdicts publish --out DIR`) on 127.0.0.1 the way the README's
 * hosting section asks a CDN to: the manifest and its signature briefly cacheable and
 * revalidated by ETag (If-None-Match → 304), the content-addressed shards and deltas cached
 * forever. Files are read on each request, so publishing into DIR again is served at once.
 * Counts requests and body bytes per path, for tests that assert what a sync downloaded.
 */

const FILE = /^\/(?:manifest\.json(?:\.sig)?|(?:shards|deltas)\/[0-9a-f]{64}\.ndjson)$/;

export const CACHE_CONTROL = {
  manifest: 'max-age=60',
  content: 'public, max-age=31536000, immutable',
} as const;

export interface Served {
  /** Requests, 304s included. */
  requests: number;
  /** Body bytes sent (a 304 sends none). */
  bytes: number;
  notModified: number;
}

export class StaticFeedServer {
  private server: Server;
  private counts = new Map<string, Served>();

  /** `prefix`: the path the tree is served under, e.g. `/feed` (manifest at /feed/manifest.json). */
  constructor(
    readonly dir: string,
    readonly prefix = '',
  ) {
    this.server = createServer((req, res) => {
      void this.handle(req.method ?? 'GET', req.url ?? '/', req.headers['if-none-match']).then(
        ({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(req.method === 'HEAD' ? undefined : body);
        },
      );
    });
  }

  private async handle(
    method: string,
    url: string,
    ifNoneMatch: string | undefined,
  ): Promise<{ status: number; headers: Record<string, string | number>; body?: Buffer }> {
    const pathname = new URL(url, 'http://x').pathname;
    const path = pathname.startsWith(`${this.prefix}/`) ? pathname.slice(this.prefix.length) : '';
    if (method !== 'GET' && method !== 'HEAD')
      return { status: 405, headers: { Allow: 'GET, HEAD' } };
    if (!FILE.test(path)) return { status: 404, headers: {} };
    let body: Buffer;
    try {
      body = await readFile(join(this.dir, path));
    } catch {
      return { status: 404, headers: {} };
    }
    const count = this.counts.get(path) ?? { requests: 0, bytes: 0, notModified: 0 };
    this.counts.set(path, count);
    count.requests++;
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const manifestFile = path.startsWith('/manifest.json');
    const headers: Record<string, string | number> = {
      ETag: etag,
      'Cache-Control': manifestFile ? CACHE_CONTROL.manifest : CACHE_CONTROL.content,
    };
    if (ifNoneMatch !== undefined && ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
      count.notModified++;
      return { status: 304, headers };
    }
    headers['Content-Type'] = path.endsWith('.json')
      ? 'application/json'
      : path.endsWith('.sig')
        ? 'text/plain; charset=utf-8'
        : 'application/x-ndjson';
    headers['Content-Length'] = body.byteLength;
    if (method === 'GET') count.bytes += body.byteLength;
    return { status: 200, headers, body };
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** The address of a file of the tree, e.g. url('manifest.json'). */
  url(path = 'manifest.json'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.prefix}/${path}`;
  }

  /** Requests and bytes per path (`/manifest.json`, `/shards/….ndjson`) since the last reset. */
  served(): Map<string, Served> {
    return new Map([...this.counts].map(([path, c]) => [path, { ...c }]));
  }

  /** Body bytes sent since the last reset, over every path or those starting with `under`. */
  bytesServed(under = '/'): number {
    let sum = 0;
    for (const [path, c] of this.counts) if (path.startsWith(under)) sum += c.bytes;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
