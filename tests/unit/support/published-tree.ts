import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Feed } from '../../../lib/feed/schema';
import { generateKey, loadSigningKey, type SigningKey } from '../../../scripts/publish/keys';
import { publish } from '../../../scripts/publish/publish';
import type { Tree } from './v2-tree';

/**
 * Trees written by the real publisher (scripts/publish) in a temporary folder, read back into
 * memory for treeFetch: what a publisher's CDN would serve, seq after seq.
 */
export interface Publisher {
  publicKey: string;
  /** Publishes `feed` over the previous tree (seq + 1, with deltas) and returns the tree. */
  next(feed: Feed, generatedAt: string): Promise<Tree>;
  close(): Promise<void>;
}

async function readAll(dir: string, root = dir, out: Tree = new Map()): Promise<Tree> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await readAll(path, root, out);
    else out.set(relative(root, path), new Uint8Array(await readFile(path)));
  }
  return out;
}

export async function newPublisher(shardTarget = 4096): Promise<Publisher> {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-lens-publish-'));
  const made = await generateKey();
  await writeFile(join(dir, 'key.jwk'), made.privateText, { mode: 0o600 });
  const key: SigningKey = await loadSigningKey(join(dir, 'key.jwk'));
  const out = join(dir, 'tree');
  let published = false;
  return {
    publicKey: made.publicKey,
    async next(feed, generatedAt) {
      await publish({
        feed,
        key,
        outDir: out,
        previousDir: published ? out : undefined,
        generatedAt,
        shardTarget,
      });
      published = true;
      return readAll(out);
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
