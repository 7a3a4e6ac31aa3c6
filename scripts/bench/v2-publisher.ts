import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Feed } from '../../lib/feed/schema';
import type { Manifest } from '../../lib/feed/v2/schema';
import { generateKey, loadSigningKey, type SigningKey } from '../publish/keys';
import { DEFAULT_SHARD_TARGET } from '../publish/layout';
import { publish } from '../publish/publish';

/**
 * A publisher for the bench: the real one (scripts/publish), writing seq after seq into one
 * temporary folder, as a publisher's CI would into its bucket; each publication's files are read
 * back for the bench's server. The key is made for the run and deleted with the folder.
 */
export class BenchPublisher {
  private constructor(
    private readonly dir: string,
    private readonly key: SigningKey,
    readonly publicKey: string,
  ) {}

  private published = 0;

  static async create(): Promise<BenchPublisher> {
    const dir = mkdtempSync(join(tmpdir(), 'verdict-lens-bench-v2-'));
    const made = await generateKey();
    const keyFile = join(dir, 'key.jwk');
    writeFileSync(keyFile, made.privateText, { mode: 0o600 });
    return new BenchPublisher(dir, await loadSigningKey(keyFile), made.publicKey);
  }

  /** Publishes `feed` as the next seq; returns its manifest and every file of the tree. */
  async next(
    feed: Feed,
    generatedAt: string,
  ): Promise<{ manifest: Manifest; files: Map<string, string> }> {
    const outDir = join(this.dir, 'tree');
    const result = await publish({
      feed,
      key: this.key,
      outDir,
      previousDir: this.published > 0 ? outDir : undefined,
      generatedAt,
      shardTarget: DEFAULT_SHARD_TARGET,
    });
    this.published++;
    const files = new Map<string, string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else files.set(relative(outDir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
      }
    };
    walk(outDir);
    return { manifest: result.manifest, files };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * SYNTHETIC: `feed` with 1 % of its tools changed, each by one verdict's score; `round` picks
 * another 1 % each time, so every publication of a chain differs from the one before.
 */
export function onePercentChanged(feed: Feed, round: number): Feed {
  const step = 100;
  return {
    ...feed,
    verdicts: feed.verdicts.map((v, i) =>
      i % step === round % step ? { ...v, panelShip: (v.panelShip + 7 + round) % 101 } : v,
    ),
  };
}
