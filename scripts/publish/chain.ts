import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Feed } from '../../lib/feed/schema';
import type { Manifest } from '../../lib/feed/v2/schema';
import { generateKey, loadSigningKey } from './keys';
import { DEFAULT_SHARD_TARGET } from './layout';
import { publish } from './publish';

/**
 * Publications seq after seq into one temporary folder, by the real publisher, as a publisher's
 * CI would into its bucket, each read back whole for a server to serve: for the bench and the
 * tests. The key is made for the chain and deleted with the folder.
 */
export interface PublicationChain {
  publicKey: string;
  /** Publishes `feed` over the previous publication (seq + 1, with deltas). */
  next(
    feed: Feed,
    generatedAt: string,
  ): Promise<{ manifest: Manifest; files: Map<string, Buffer> }>;
  close(): Promise<void>;
}

async function readAll(dir: string, root = dir, out = new Map<string, Buffer>()) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await readAll(path, root, out);
    else out.set(relative(root, path).split('\\').join('/'), await readFile(path));
  }
  return out;
}

export async function publicationChain(
  shardTarget = DEFAULT_SHARD_TARGET,
): Promise<PublicationChain> {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-lens-chain-'));
  const made = await generateKey();
  const keyFile = join(dir, 'key.jwk');
  await writeFile(keyFile, made.privateText, { mode: 0o600 });
  const key = await loadSigningKey(keyFile);
  const outDir = join(dir, 'tree');
  let published = false;
  return {
    publicKey: made.publicKey,
    async next(feed, generatedAt) {
      const result = await publish({
        feed,
        key,
        outDir,
        previousDir: published ? outDir : undefined,
        generatedAt,
        shardTarget,
      });
      published = true;
      return { manifest: result.manifest, files: await readAll(outDir) };
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
