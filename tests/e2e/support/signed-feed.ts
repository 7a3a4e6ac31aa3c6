import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import type { Feed } from '../../../lib/feed/schema';
import type { Manifest } from '../../../lib/feed/v2/schema';
import type { FeedServer } from './feed-server';

/** The publisher's own CLI, as a publisher runs it (`npm run verdicts -- …`). */
export function verdicts(...args: string[]): string {
  return execFileSync('npx', ['tsx', 'scripts/verdicts.ts', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A publisher in a temporary folder: its key (keygen) and `publish` runs of the real CLI. */
export function publishing() {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-lens-signed-'));
  const key = join(dir, 'publisher.key');
  const publicKey = verdicts('keygen', '--out', key).trim().split('\n').pop()!.trim();
  const publish = (feed: Feed, out: string, previous?: string, withKey = key) => {
    const file = join(dir, `${out}.json`);
    writeFileSync(file, JSON.stringify(feed));
    const outDir = join(dir, out);
    verdicts(
      'publish',
      file,
      '--key',
      withKey,
      '--out',
      outDir,
      ...(previous ? ['--previous', join(dir, previous)] : []),
    );
    return outDir;
  };
  const manifest = (out: string): Manifest =>
    JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')) as Manifest;
  return { dir, key, publicKey, publish, manifest };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Serves a published tree under `prefix` (the server's routes are replaced file by file, the
 * way an upload to object storage replaces them); returns the manifest's URL.
 */
export function serveTree(server: FeedServer, dir: string, prefix = '/feed'): string {
  for (const file of filesUnder(dir)) {
    const path = `${prefix}/${relative(dir, file).split('\\').join('/')}`;
    const body = readFileSync(file, 'utf8');
    server.set(path, {
      body,
      contentType: path.endsWith('.json') ? 'application/json' : 'application/x-ndjson',
      ...(path.endsWith('manifest.json') ? { etag: `"${body.length}-${hashOf(body)}"` } : {}),
    });
  }
  return server.url(`${prefix}/manifest.json`);
}

function hashOf(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

/**
 * SHA-256 over every object store of both dataset databases and of the slot pointer, read
 * straight from IndexedDB by an extension page (tests only): equal before and after a refused
 * sync means not one byte of what the extension stores changed.
 */
export function storedHash(extensionPage: Page): Promise<string> {
  return extensionPage.evaluate(async () => {
    const parts: unknown[] = [];
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of [...db.objectStoreNames].sort()) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error);
        });
        // Sync bookkeeping (when it last checked, the last error) changes on every sync.
        const kept =
          store === 'meta'
            ? rows.map((r) => {
                const {
                  lastCheckedAt: _c,
                  lastError: _e,
                  failures: _f,
                  ...rest
                } = r as Record<string, unknown>;
                return rest;
              })
            : rows;
        parts.push([name, store, kept]);
      }
      db.close();
    }
    const bytes = new TextEncoder().encode(JSON.stringify(parts));
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  });
}
