/**
 * Hostile transports: a body that trickles in, a gzip body that inflates past the byte cap, and a
 * 25 MB body built to cost the most to check. Each is refused with the old data kept.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../../lib/sync/fetch-feed';
import { dropDbs } from '../unit/support/db';
import { attack, expectRefused, installedDb } from './support';

afterEach(dropDbs);

/** A body that sends a byte every 20 ms and never ends, and ignores the fetch's abort signal. */
function tricklingResponse(): Response {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"version":1,'));
      timer = setInterval(() => controller.enqueue(new TextEncoder().encode(' ')), 20);
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, { status: 200 });
}

describe('transport', () => {
  let server: Server;
  let origin = '';
  // SYNTHETIC: 30 MB of one repeated tool record, about 30 KB gzipped.
  const inflated = `{"version":1,"tools":[${Array(440_000).fill('{"id":"synthetic-gzip","name":"Synthetic gzip bomb tool","match":{}}').join(',')}]}`;
  const gzipped = gzipSync(inflated);

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(gzipped.length),
      });
      res.end(gzipped);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a slow body that ignores the abort ends at the deadline', async () => {
    const { db, hash } = await installedDb();
    const report = await attack(db, tricklingResponse, { timeoutMs: 300 }, 'slow body');
    await expectRefused(db, hash, report, /did not arrive within 0\.3 s/);
  });

  it(`gzip that inflates past the ${DEFAULT_MAX_BYTES / 1024 / 1024} MB cap`, async () => {
    const { db, hash } = await installedDb();
    // The real fetch undoes the Content-Encoding, as the browser's does; the cap counts after it.
    const report = await attack(
      db,
      () => fetch(`${origin}/feed.json`),
      {},
      `gzip ${gzipped.length} B → ${inflated.length} B`,
    );
    await expectRefused(db, hash, report, /larger than 25 MB/);
  });

  it('a 25 MB body of records built to cost the most to check', async () => {
    const { db, hash } = await installedDb();
    // Under the cap by a little: 149,000 tools each failing several rules.
    const pad = 'x'.repeat(80);
    const bad = `{"id":"Not A Slug","name":"\\u202e${pad}","aliases":["x","x"],"match":{"domains":["co.uk"]}}`;
    const count = Math.min(149_000, Math.floor((DEFAULT_MAX_BYTES - 200) / (bad.length + 1)));
    const body = `{"version":1,"generatedAt":"2026-01-01T00:00:00Z","reviewers":[],"tools":[${Array(count).fill(bad).join(',')}],"verdicts":[]}`;
    const report = await attack(
      db,
      body,
      {},
      `${(body.length / 1024 / 1024).toFixed(1)} MB adversarial body`,
    );
    await expectRefused(db, hash, report, /and more: the check stops after 50/);
  });
});
