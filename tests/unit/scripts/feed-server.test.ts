import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_CONTROL, StaticFeedServer } from '../../../scripts/feed-server';

const dir = mkdtempSync(join(tmpdir(), 'feed-server-'));
const SHARD = `shards/${'a'.repeat(64)}.ndjson`;
const server = new StaticFeedServer(dir, '/feed');

beforeAll(async () => {
  mkdirSync(join(dir, 'shards'));
  writeFileSync(join(dir, 'manifest.json'), '{"seq":1}\n');
  writeFileSync(join(dir, 'manifest.json.sig'), 'c2ln\n');
  writeFileSync(join(dir, SHARD), '{"kind":"tool"}\n');
  writeFileSync(join(dir, 'secret.key'), 'private');
  await server.start();
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('StaticFeedServer', () => {
  it('serves the manifest briefly cacheable, with an ETag that gives 304', async () => {
    const first = await fetch(server.url());
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe(CACHE_CONTROL.manifest);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(await first.text()).toBe('{"seq":1}\n');
    const etag = first.headers.get('etag')!;
    const again = await fetch(server.url(), { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    writeFileSync(join(dir, 'manifest.json'), '{"seq":2}\n');
    const changed = await fetch(server.url(), { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    await changed.text();
    const sig = await fetch(server.url('manifest.json.sig'));
    expect(sig.headers.get('cache-control')).toBe(CACHE_CONTROL.manifest);
    await sig.text();
  });

  it('serves content-addressed files as immutable and counts the bytes sent per path', async () => {
    server.reset();
    const shard = await fetch(server.url(SHARD));
    expect(shard.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await shard.text()).toBe('{"kind":"tool"}\n');
    const etag = shard.headers.get('etag')!;
    expect((await fetch(server.url(SHARD), { headers: { 'If-None-Match': etag } })).status).toBe(
      304,
    );
    expect(server.served().get(`/${SHARD}`)).toEqual({ requests: 2, bytes: 16, notModified: 1 });
    expect(server.bytesServed('/shards/')).toBe(16);
    expect(server.bytesServed()).toBe(16);
  });

  it('serves nothing but the tree’s own file names', async () => {
    for (const path of ['secret.key', '../manifest.json', 'shards/x.ndjson', 'feed/manifest.json'])
      expect((await fetch(server.url(path))).status).toBe(404);
    const outside = server.url().replace('/feed/', '/');
    expect((await fetch(outside)).status).toBe(404);
    expect((await fetch(server.url(), { method: 'POST' })).status).toBe(405);
  });
});
