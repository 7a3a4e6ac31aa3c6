import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFeed } from '../../../lib/dataset-store';
import { createMatchIndex } from '../../../lib/background/match-index';
import { domainKeysForHost, githubKey } from '../../../lib/match-keys';
import { dropDbs, freshDb } from '../support/db';
import { cursorFeed, toFeed } from '../support/feeds';

afterEach(async () => {
  vi.useRealTimers();
  await dropDbs();
});

describe('createMatchIndex', () => {
  it('answers from the key table first, then from memory, most specific key first', async () => {
    const db = await freshDb();
    await installFeed(db, toFeed(cursorFeed()), { source: 'bundled' });
    const index = createMatchIndex(db);
    const read = vi.spyOn(db.matchKeys, 'bulkGet');
    expect(await index.toolIdFor(domainKeysForHost('docs.cursor.com'))).toBe('cursor-docs');
    expect(read).toHaveBeenCalledTimes(1);
    // The index loads in the background after the first answer.
    expect(index.loaded).toBe(false);
    await vi.waitFor(() => expect(index.loaded).toBe(true));
    read.mockClear();
    expect(await index.toolIdFor(domainKeysForHost('docs.cursor.com'))).toBe('cursor-docs');
    expect(await index.toolIdFor(domainKeysForHost('cursor.com'))).toBe('cursor');
    expect(await index.toolIdFor([githubKey('nobody/nothing')])).toBeNull();
    expect(read).not.toHaveBeenCalled();
  });

  it('forgets the index when a new dataset is installed', async () => {
    const db = await freshDb();
    await installFeed(db, toFeed(cursorFeed()), { source: 'bundled' });
    const index = createMatchIndex(db);
    await index.toolIdFor([githubKey('getcursor/cursor')]);
    await vi.waitFor(() => expect(index.loaded).toBe(true));
    await db.matchKeys.clear();
    index.invalidate();
    expect(index.loaded).toBe(false);
    expect(await index.toolIdFor([githubKey('getcursor/cursor')])).toBeNull();
  });
});
