/**
 * applyChanges against the install: a dataset changed incrementally must hold exactly the rows
 * a fresh install of the changed dataset writes (every table, the packed indexes included), and
 * a refused change must leave every table as it was. SYNTHETIC data, seeded random changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../../lib/store/apply-changes';
import { ChangeRefused, type ChangeMeta, type DatasetChanges } from '../../../lib/store/changes';
import { DATA_TABLES, type VerdictDb } from '../../../lib/store/db';
import { installFeed } from '../../../lib/store/install';
import { answerForTool } from '../../../lib/store/answers';
import type { Feed, Verdict } from '../../../lib/feed/schema';
import { dropDbs, freshDb } from '../support/db';
import { expectSameDataset, indexView } from '../support/index-view';
import {
  cursorFeed,
  syntheticFeed,
  syntheticVerdict,
  toFeed,
  type FeedJson,
} from '../support/feeds';

afterEach(dropDbs);

const SOURCE = 'https://feeds.synthetic.test/verdicts.json';
const AT = new Date('2025-03-01T00:00:00Z');

/** Every row of every table (and meta), in primary-key order. */
async function snapshot(db: VerdictDb) {
  const out: Record<string, unknown[]> = {};
  for (const name of [...DATA_TABLES, 'meta']) {
    const table = db.table(name);
    out[name] = await table.orderBy(':id').toArray();
  }
  return out;
}

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
}

/** A synthetic dataset with dates, release numbers and untitled ties, so ranking matters. */
function datasetA(seed: number): FeedJson {
  const r = random(seed);
  const json = syntheticFeed({ tools: 30, verdicts: 80, comparisons: 25, tag: `s${seed}` });
  json.verdicts.forEach((v, i) => {
    if (r.chance(0.3)) v.publishedAt = `2025-0${1 + r.int(9)}-1${r.int(9)}T00:00:00Z`;
    if (r.chance(0.4)) v.title = `Synthetic release v${r.int(3)}.${r.int(20)} (${i})`;
  });
  return json;
}

/**
 * Random changes to `a`, and the feed they make: each tool's verdicts listed as the installed
 * order has them (oldest first), replaced in place, new ones after (what applyChanges defines).
 */
function randomChange(a: FeedJson, installedOrder: Map<string, string[]>, seed: number) {
  const r = random(seed * 7919);
  const tools = a.tools.map((t) => structuredClone(t));
  const verdicts = new Map(a.verdicts.map((v) => [v.id, structuredClone(v)]));
  let comparisons = (a.comparisons ?? []).map((c) => structuredClone(c));
  const changed = {
    tools: new Set<string>(),
    verdicts: new Set<string>(),
    comparisons: new Set<string>(),
  };
  const deleted = { tools: [] as string[], verdicts: [] as string[], comparisons: [] as string[] };
  const dropVerdict = (id: string) => {
    verdicts.delete(id);
    deleted.verdicts.push(id);
    for (const c of comparisons.filter((c) => c.verdictIds.includes(id))) {
      deleted.comparisons.push(c.id);
      changed.comparisons.delete(c.id);
    }
    comparisons = comparisons.filter((c) => !c.verdictIds.includes(id));
  };
  for (let n = 0; n < 1 + r.int(3); n++) {
    const t = tools[r.int(tools.length)]!;
    if (deleted.tools.includes(t.id)) continue;
    t.name = `Renamed ${t.name} ${seed}-${n}`;
    if (r.chance(0.5)) t.match.domains = [`renamed-${seed}-${n}.synthetic.test`];
    changed.tools.add(t.id);
  }
  for (let n = 0; n < r.int(3); n++) {
    const id = `synthetic-new-tool-${seed}-${n}`;
    tools.push({
      id,
      name: `New Tool ${seed} ${n}`,
      match: { github: [`synthetic-new/t-${seed}-${n}`] },
    });
    changed.tools.add(id);
  }
  for (let n = 0; n < r.int(2); n++) {
    const t = tools[r.int(tools.length)]!;
    if (changed.tools.has(t.id)) continue;
    for (const v of [...verdicts.values()].filter((v) => v.toolId === t.id)) dropVerdict(v.id);
    tools.splice(tools.indexOf(t), 1);
    deleted.tools.push(t.id);
  }
  const live = () => [...verdicts.values()];
  for (let n = 0; n < 2 + r.int(5); n++) {
    const v = live()[r.int(live().length)];
    if (!v) continue;
    if (r.chance(0.4)) v.title = `Changed v${r.int(3)}.${r.int(9)} ${seed}-${n}`;
    const date = r.next();
    if (date < 0.3) v.publishedAt = `2025-1${r.int(3)}-0${1 + r.int(8)}T00:00:00Z`;
    else if (date < 0.5) delete v.publishedAt;
    v.panelShip = r.int(101);
    if (r.chance(0.3)) v.toolId = tools[r.int(tools.length)]!.id;
    changed.verdicts.add(v.id);
  }
  for (let n = 0; n < r.int(4); n++) {
    const id = `synthetic-new-verdict-${seed}-${n}`;
    verdicts.set(
      id,
      syntheticVerdict(id, tools[r.int(tools.length)]!.id, { panelShip: r.int(101) }),
    );
    changed.verdicts.add(id);
  }
  for (let n = 0; n < r.int(3); n++) {
    const v = live()[r.int(live().length)];
    if (!v || changed.verdicts.has(v.id)) continue;
    dropVerdict(v.id);
  }
  for (let n = 0; n < r.int(3); n++) {
    const ids = [...new Set([live()[r.int(live().length)]!.id, live()[r.int(live().length)]!.id])];
    if (ids.length < 2) continue;
    const id = `synthetic-new-comparison-${seed}-${n}`;
    comparisons.push({ id, title: `New comparison ${seed} ${n}`, verdictIds: ids });
    changed.comparisons.add(id);
  }

  // The changed feed: installed order per tool, replacements in place, new ones after.
  const ordered: FeedJson['verdicts'] = [];
  for (const t of tools) {
    const old = (installedOrder.get(t.id) ?? []).filter((id) => verdicts.get(id)?.toolId === t.id);
    const rest = [...changed.verdicts].filter(
      (id) => verdicts.get(id)?.toolId === t.id && !old.includes(id),
    );
    for (const id of [...old, ...rest]) ordered.push(verdicts.get(id)!);
  }
  const next: FeedJson = {
    ...a,
    generatedAt: '2025-02-15T00:00:00Z',
    tools,
    verdicts: ordered,
    comparisons,
  };
  const feed = toFeed(next);
  const pick = <T extends { id: string }>(rows: T[], ids: Set<string>) =>
    rows.filter((x) => ids.has(x.id));
  const changes: DatasetChanges = {
    tools: { upserts: pick(feed.tools, changed.tools), deletes: deleted.tools },
    verdicts: {
      upserts: [...changed.verdicts].flatMap((id) => pick(feed.verdicts, new Set([id]))),
      deletes: deleted.verdicts.filter((id) => !changed.verdicts.has(id)),
    },
    comparisons: {
      upserts: pick(feed.comparisons, changed.comparisons),
      deletes: [...new Set(deleted.comparisons)].filter((id) => !changed.comparisons.has(id)),
    },
  };
  return { feed, changes };
}

const metaOf = (feed: Feed, at: Date): ChangeMeta => ({
  source: SOURCE,
  version: feed.version,
  generatedAt: feed.generatedAt,
  etag: null,
  lastModified: null,
  installedAt: at.toISOString(),
  lastCheckedAt: at.toISOString(),
  lastSuccessAt: at.toISOString(),
  lastError: null,
  failures: 0,
});

async function installed(json: FeedJson) {
  const db = freshDb();
  await installFeed(db, toFeed(json), { source: SOURCE }, AT);
  return db;
}

async function installedOrder(db: VerdictDb): Promise<Map<string, string[]>> {
  const answers = await db.answers.toArray();
  return new Map(answers.map((a) => [a.toolId, a.verdicts.map((v) => v.id).reverse()]));
}

describe('applyChanges', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'gives the rows a fresh install of the changed dataset gives (seed %i)',
    async (seed) => {
      const a = datasetA(seed);
      const db = await installed(a);
      const { feed, changes } = randomChange(a, await installedOrder(db), seed);
      const before = await snapshot(db);
      const indexBefore = await indexView(db);
      const later = new Date('2025-03-02T00:00:00Z');
      const meta = await applyChanges(db, changes, metaOf(feed, later));
      const fresh = freshDb();
      const freshMeta = await installFeed(fresh, feed, { source: SOURCE }, later);
      expect(meta).toEqual(freshMeta);
      await expectSameDataset(db, fresh);
      // The change did change the rows and what the indexes answer; the base parts stayed.
      const after = await snapshot(db);
      for (const table of ['verdicts', 'answers'])
        expect(after[table], table).not.toEqual(before[table]);
      expect(await indexView(db)).not.toEqual(indexBefore);
      expect(await db.lookupIndex.get('current')).toEqual(
        before.lookupIndex!.find((r) => (r as { id: string }).id === 'current'),
      );
      expect((await db.lookupIndex.toArray()).map((r) => r.id)).toEqual(['current', 'overlay']);
    },
  );

  it('applies changes one after another as one install of the end result', async () => {
    let a = datasetA(99);
    const db = await installed(a);
    let feed: Feed = toFeed(a);
    for (let seed = 100; seed < 105; seed++) {
      const step = randomChange(a, await installedOrder(db), seed);
      await applyChanges(db, step.changes, metaOf(step.feed, AT));
      feed = step.feed;
      a = JSON.parse(JSON.stringify(feed)) as FeedJson;
    }
    const fresh = freshDb();
    await installFeed(fresh, feed, { source: SOURCE }, AT);
    await expectSameDataset(db, fresh);
  });

  it('counts records replaced in place once: an upsert of a tool, verdict, comparison and reviewer that are there', async () => {
    const json = cursorFeed();
    const db = await installed(json);
    const feed = toFeed(json);
    const changes: DatasetChanges = {
      tools: { upserts: [{ ...feed.tools[0]!, name: 'Renamed' }] },
      verdicts: { upserts: [{ ...feed.verdicts[0]!, panelShip: 1 }] },
      comparisons: { upserts: [{ ...feed.comparisons[0]!, title: 'Retitled' }] },
      reviewers: { upserts: [{ ...feed.reviewers[0]!, name: 'Renamed reviewer' }] },
    };
    const meta = await applyChanges(db, changes, metaOf(feed, AT));
    expect(meta.counts).toEqual({
      tools: feed.tools.length,
      verdicts: feed.verdicts.length,
      reviewers: feed.reviewers.length,
      comparisons: feed.comparisons.length,
    });
    expect(meta.counts).toEqual({
      tools: await db.tools.count(),
      verdicts: await db.verdicts.count(),
      reviewers: await db.reviewers.count(),
      comparisons: await db.comparisons.count(),
    });
  });

  it("rewrites one verdict's tool only: its comparison partner's answer shows the change", async () => {
    const db = await installed(cursorFeed());
    const windsurf = await db.answers.get('windsurf');
    const v50 = toFeed(cursorFeed()).verdicts.find((v) => v.id === 'cursor-v0-50')!;
    await applyChanges(
      db,
      { verdicts: { upserts: [{ ...v50, title: 'Cursor v0.50 – retitled', panelShip: 10 }] } },
      metaOf(toFeed(cursorFeed()), AT),
    );
    expect(await db.answers.get('windsurf')).toEqual(windsurf);
    const answer = await answerForTool(db, 'windsurf');
    expect(answer?.comparisons[0]?.partners[0]).toMatchObject({
      id: 'cursor-v0-50',
      title: 'Cursor v0.50 – retitled',
      panelShip: 10,
    });
  });

  const base = () => toFeed(cursorFeed());
  const verdict = (over: Partial<Verdict>): Verdict => ({ ...base().verdicts[0]!, ...over });
  it.each<[string, () => DatasetChanges, string]>([
    [
      'a verdict of a missing tool',
      () => ({ verdicts: { upserts: [verdict({ id: 'x-v', toolId: 'nope' })] } }),
      'unknown tool "nope"',
    ],
    [
      'a delete of a missing id',
      () => ({ tools: { deletes: ['nope'] } }),
      'there is no record "nope" to delete',
    ],
    [
      'a comparison of a missing verdict',
      () => ({
        comparisons: { upserts: [{ id: 'c-x', title: 'X', verdictIds: ['cursor-v0-49', 'nope'] }] },
      }),
      'unknown verdict "nope"',
    ],
    [
      'a deleted tool whose verdicts stay',
      () => ({ tools: { deletes: ['cursor-docs'] } }),
      'verdict "cursor-docs-synthetic" still names tool "cursor-docs"',
    ],
    [
      'a deleted verdict still in a comparison',
      () => ({ verdicts: { deletes: ['windsurf-synthetic'] } }),
      'comparison "cursor-vs-windsurf-synthetic" still names verdict "windsurf-synthetic"',
    ],
    [
      'a match key another tool owns',
      () => ({
        tools: {
          upserts: [
            {
              ...base().tools[2]!,
              match: { github: [], huggingface: [], domains: ['cursor.com'] },
            },
          ],
        },
      }),
      'already belongs to tool "cursor"',
    ],
    [
      'a review by a missing reviewer',
      () => ({ reviewers: { deletes: ['skeptic'] } }),
      'has a review by "skeptic"',
    ],
    [
      'an id upserted twice',
      () => ({ verdicts: { upserts: [verdict({}), verdict({})] } }),
      'duplicate id',
    ],
    [
      'an id upserted and deleted',
      () => ({ verdicts: { upserts: [verdict({})], deletes: [verdict({}).id] } }),
      'both upserted and deleted',
    ],
  ])('refuses %s and leaves every table as it was', async (_name, change, message) => {
    const db = await installed(cursorFeed());
    const before = await snapshot(db);
    const refused = applyChanges(db, change(), metaOf(base(), new Date('2025-04-01T00:00:00Z')));
    await expect(refused).rejects.toBeInstanceOf(ChangeRefused);
    await expect(refused).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rebuilds the packed indexes from the rows when the stored overlay does not match', async () => {
    let a = datasetA(5);
    const db = await installed(a);
    const first = randomChange(a, await installedOrder(db), 5);
    await applyChanges(db, first.changes, metaOf(first.feed, AT));
    await db.searchIndex.put({ ...(await db.searchIndex.get('overlay'))!, ids: '' });
    a = JSON.parse(JSON.stringify(first.feed)) as FeedJson;
    const { feed, changes } = randomChange(a, await installedOrder(db), 6);
    await applyChanges(db, changes, metaOf(feed, AT));
    const fresh = freshDb();
    await installFeed(fresh, feed, { source: SOURCE }, AT);
    expect(await snapshot(db)).toEqual(await snapshot(fresh));
  });
});
