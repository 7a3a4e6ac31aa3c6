import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Feed } from '../../lib/feed/schema';
import { mergeFeeds, synthFeed } from '../../scripts/synth';
import { badges, expect, test, visit } from './support/extension';
import { FeedServer } from './support/feed-server';
import { ExtensionRpc } from './support/rpc';
import { publishing, serveTree, storedHash, verdicts } from './support/signed-feed';
import { bundledFeed } from './support/test-feeds';

// Feed v2 end to end: the publisher's CLI (keygen, publish) writes the tree, a loopback server
// serves it, the e2e build syncs it. SYNTHETIC scale data: 2,000 made-up tools beside the real
// bundled verdicts, so 1 % of the verdicts is 20 records.

const REPO = 'https://github.com/huggingface/ml-intern';

async function badgeName(page: Page, url: string) {
  expect(await visit(page, url)).toBe('badge');
  return badges(page).first().getAttribute('aria-label');
}

const base = () =>
  mergeFeeds(bundledFeed(), synthFeed({ tools: 2000, seed: 11 }), '2026-11-21T00:00:00.000Z');

/** 1 % of the verdicts get another score: ml-intern's (75 → 80) and every 100th synthetic one. */
function onePercentChanged(feed: Feed): Feed {
  return {
    ...feed,
    generatedAt: '2026-11-22T00:00:00.000Z',
    verdicts: feed.verdicts.map((v, i) =>
      v.id === 'ml-intern'
        ? { ...v, panelShip: 80 }
        : v.id.startsWith('synthetic') && i % 100 === 0
          ? { ...v, panelShip: (v.panelShip + 7) % 101 }
          : v,
    ),
  };
}

/** Another 1 %: every 100th synthetic verdict from the 50th on. */
function changedAgain(feed: Feed): Feed {
  return {
    ...feed,
    generatedAt: '2026-11-23T00:00:00.000Z',
    verdicts: feed.verdicts.map((v, i) =>
      v.id.startsWith('synthetic') && i % 100 === 50
        ? { ...v, panelShip: (v.panelShip + 3) % 101 }
        : v,
    ),
  };
}

test('a published signed feed installs, and a 1 % change published with --previous shows its changed score', async ({
  page,
  context,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const pub = publishing();
  pub.publish(base(), 'seq1');
  const server = await new FeedServer().start();
  const url = serveTree(server, join(pub.dir, 'seq1'));
  const rpc = await ExtensionRpc.open(context, extensionId);

  const first = await rpc.syncFrom(url);
  expect(first.meta?.lastError ?? null).toBeNull();
  expect(first.meta?.signed).toMatchObject({
    seq: 1,
    publicKey: pub.publicKey,
    keyFrom: 'pinned',
    via: 'shards',
  });
  expect(await badgeName(page, REPO)).toContain('ml-intern: 75% ship');

  pub.publish(onePercentChanged(base()), 'seq2', 'seq1');
  const snapshotBytes = pub.manifest('seq2').shards.reduce((n, s) => n + s.bytes, 0);
  serveTree(server, join(pub.dir, 'seq2'));
  const from = server.served.length;
  const second = await rpc.send({ type: 'syncNow' });
  expect(second.meta?.lastError ?? null).toBeNull();
  expect(second.meta?.signed).toMatchObject({ seq: 2, via: 'delta' });
  const files = server.served.slice(from);
  const downloaded = files.reduce((n, s) => n + s.bytes, 0);
  console.log(`seq 2 sync downloaded ${downloaded} bytes of a ${snapshotBytes}-byte snapshot`);
  // The manifest, its signature and the one delta from seq 1; not a single shard.
  expect(files.map((f) => f.path.replace(/^\/feed\//, ''))).toEqual([
    'manifest.json',
    'manifest.json.sig',
    expect.stringMatching(/^deltas\//),
  ]);
  expect(downloaded / snapshotBytes).toBeLessThanOrEqual(0.02);
  expect(await badgeName(page, REPO)).toContain('ml-intern: 80% ship');
  await server.stop();
});

/** The text with one bit flipped in its first score: still JSON, no longer the signed bytes. */
function flipped(body: string): string {
  const at = body.indexOf('"panelShip":') + '"panelShip":'.length;
  return body.slice(0, at) + String.fromCharCode(body.charCodeAt(at) ^ 1) + body.slice(at + 1);
}

test('a flipped byte in a shard or the manifest, another key and a replayed manifest are refused, and nothing stored changes', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const pub = publishing();
  pub.publish(base(), 'seq1');
  pub.publish(onePercentChanged(base()), 'seq2', 'seq1');
  const server = await new FeedServer().start();
  const rpc = await ExtensionRpc.open(context, extensionId);
  const url = serveTree(server, join(pub.dir, 'seq2'));
  expect((await rpc.syncFrom(url)).meta?.signed?.seq).toBe(2);

  const attempts: { name: string; serve: () => void; code: string }[] = [
    {
      name: 'a flipped byte in the delta',
      serve: () => {
        const newer = pub.publish(changedAgain(onePercentChanged(base())), 'seq3', 'seq2');
        serveTree(server, newer);
        const delta = pub.manifest('seq3').deltas.find((d) => d.from === 2)!;
        server.set(`/feed/${delta.path}`, {
          body: flipped(readFileSync(join(newer, delta.path), 'utf8')),
        });
      },
      code: 'hash-mismatch',
    },
    {
      name: 'a flipped byte in a shard',
      serve: () => {
        const newer = join(pub.dir, 'seq3');
        serveTree(server, newer);
        // The delta is gone from the server: the client falls back to the shards and meets this.
        for (const d of pub.manifest('seq3').deltas) server.unset(`/feed/${d.path}`);
        // A shard that changed since seq 2, so no copy the client has stands in for it.
        const before = new Set(pub.manifest('seq2').shards.map((x) => x.path));
        const shard = pub.manifest('seq3').shards.find((x) => !before.has(x.path))!;
        server.set(`/feed/${shard.path}`, {
          body: flipped(readFileSync(join(newer, shard.path), 'utf8')),
        });
      },
      code: 'hash-mismatch',
    },
    {
      name: 'a flipped byte in the manifest',
      serve: () => {
        const body = readFileSync(join(pub.dir, 'seq3', 'manifest.json'), 'utf8');
        const at = body.indexOf('"seq"') + 7;
        server.set('/feed/manifest.json', {
          body:
            body.slice(0, at) + String.fromCharCode(body.charCodeAt(at) ^ 1) + body.slice(at + 1),
        });
      },
      code: 'signature',
    },
    {
      name: 'a manifest signed by another key',
      serve: () => {
        const other = join(pub.dir, 'other.key');
        verdicts('keygen', '--out', other);
        serveTree(
          server,
          pub.publish(
            { ...base(), generatedAt: '2026-11-24T00:00:00.000Z' },
            'other',
            undefined,
            other,
          ),
        );
      },
      code: 'key-changed',
    },
    {
      name: 'a replayed older manifest',
      serve: () => serveTree(server, join(pub.dir, 'seq1')),
      code: 'replay',
    },
  ];
  for (const attempt of attempts) {
    const before = await storedHash(rpc.page);
    attempt.serve();
    const status = await rpc.send({ type: 'syncNow' });
    expect(status.meta?.lastError?.code, attempt.name).toBe(attempt.code);
    expect(status.meta?.lastError?.message, attempt.name).toBeTruthy();
    expect(await storedHash(rpc.page), attempt.name).toBe(before);
    expect(status.meta?.signed?.seq, attempt.name).toBe(2);
  }
  // The options page shows the last refusal and its reason.
  await rpc.page.reload();
  await expect(rpc.page.getByRole('status')).toContainText(/older|not newer|seq/);
  await server.stop();
});
