import { afterEach, describe, expect, it } from 'vitest';
import { groupRows } from '../../../lib/store/group-rows';
import { indexRowSteps, readSlimRows } from '../../../lib/store/index-build';
import { datasetRows, installFeed } from '../../../lib/store/install';
import { runNow } from '../../../lib/model/steps';
import { dropDbs, freshDb } from '../support/db';
import { cursorFeed, syntheticFeed, toFeed } from '../support/feeds';

afterEach(dropDbs);

const byKey = <T>(rows: readonly T[], key: (row: T) => string) =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

describe('groupRows and the index build (what a streaming install uses)', () => {
  it('gives, shard by shard, the rows the whole install writes (SYNTHETIC data)', () => {
    const feed = toFeed(syntheticFeed({ tools: 40, verdicts: 100, comparisons: 10 }));
    const whole = datasetRows(feed);
    const shards = [feed.tools.slice(0, 13), feed.tools.slice(13, 29), feed.tools.slice(29)];
    const parts = shards.map((tools) => {
      const ids = new Set(tools.map((t) => t.id));
      return groupRows(
        tools,
        feed.verdicts.filter((v) => ids.has(v.toolId)),
      );
    });
    expect(
      byKey(
        parts.flatMap((p) => p.tools),
        (t) => t.id,
      ),
    ).toEqual(byKey(whole.tools, (t) => t.id));
    expect(
      byKey(
        parts.flatMap((p) => p.verdicts),
        (v) => v.id,
      ),
    ).toEqual(byKey(whole.verdicts, (v) => v.id));
    expect(
      byKey(
        parts.flatMap((p) => p.matchKeys),
        (k) => k.key,
      ),
    ).toEqual(byKey(whole.matchKeys, (k) => k.key));
    expect(
      byKey(
        parts.flatMap((p) => p.answers),
        (a) => a.toolId,
      ),
    ).toEqual(byKey(whole.answers, (a) => a.toolId));
  });

  it('refuses a group that lacks a verdict’s tool', () => {
    const feed = toFeed(cursorFeed());
    expect(() => groupRows(feed.tools.slice(1), feed.verdicts)).toThrow(/not in the group/);
  });

  it('builds both packed indexes from the slim tables as the install does', async () => {
    const db = freshDb();
    await installFeed(db, toFeed(syntheticFeed({ tools: 2100, verdicts: 2300, comparisons: 5 })), {
      source: 'bundled',
    });
    const built = await db.transaction('r', [db.matchKeys, db.tools, db.verdicts], async () =>
      runNow(indexRowSteps(await readSlimRows(db))),
    );
    expect(built.lookupIndex).toEqual(await db.lookupIndex.get('current'));
    expect(built.searchIndex).toEqual(await db.searchIndex.get('current'));
  });
});
