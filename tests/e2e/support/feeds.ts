import type { BrowserContext } from '@playwright/test';
import type { Feed } from '../../../lib/feed/schema';
import { FeedServer } from './feed-server';
import { ExtensionRpc } from './rpc';

/** Serves `feed` from a loopback feed server and syncs the extension to it. */
export async function installTestFeed(context: BrowserContext, extensionId: string, feed: Feed) {
  const server = await new FeedServer().start();
  const url = server.set('/feed.json', { body: JSON.stringify(feed) });
  const rpc = await ExtensionRpc.open(context, extensionId);
  const status = await rpc.syncFrom(url);
  await rpc.close();
  if (status.meta?.source !== url) {
    throw new Error(
      `test feed not installed: ${JSON.stringify(status.meta?.lastError ?? status.meta)}`,
    );
  }
  return { server, url };
}
