import type { BrowserContext, Page } from '@playwright/test';
import type { Reply, Request, ResponseMap } from '../../../lib/messaging/protocol';

interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/**
 * Talks to the background the way the extension's own pages do: from an extension page, through
 * runtime messaging (the sender check treats it as the options page it is).
 */
export class ExtensionRpc {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<ExtensionRpc> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return new ExtensionRpc(page);
  }

  async send<T extends Request['type']>(
    request: Extract<Request, { type: T }>,
  ): Promise<ResponseMap[T]> {
    const reply = (await this.page.evaluate(
      (r) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(r),
      request,
    )) as Reply<ResponseMap[T]>;
    if (!reply.ok) throw new Error(`${request.type}: ${reply.error.code}: ${reply.error.message}`);
    return reply.data;
  }

  /** Points the extension at a feed and syncs it; returns the status after the sync. */
  async syncFrom(url: string): Promise<ResponseMap['syncNow']> {
    await this.send({ type: 'setFeedUrl', url });
    return this.send({ type: 'syncNow' });
  }

  close = () => this.page.close();
}
