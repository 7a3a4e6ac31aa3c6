import type { CDPSession } from '@playwright/test';
import type { BenchBrowser } from './browser';

interface VersionInfo {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/**
 * Stops and watches the extension's service worker through the CDP ServiceWorker domain.
 * (`stopAllWorkers` leaves extension workers running; `stopWorker` with the version id stops it.)
 * Chromium closes the extension's open pages along with it: reopen them afterwards.
 */
export class WorkerControl {
  private versions = new Map<string, VersionInfo>();

  private constructor(
    private cdp: CDPSession,
    private extensionId: string,
  ) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: VersionInfo[] }) => {
      for (const v of event.versions) this.versions.set(v.versionId, v);
    });
  }

  static async attach(browser: BenchBrowser, extensionId: string): Promise<WorkerControl> {
    const control = new WorkerControl(browser.cdp, extensionId);
    await browser.cdp.send('ServiceWorker.enable');
    return control;
  }

  private mine(): VersionInfo[] {
    return [...this.versions.values()].filter((v) => v.scriptURL.includes(this.extensionId));
  }

  running(): boolean {
    return this.mine().some((v) => v.runningStatus === 'running' || v.runningStatus === 'starting');
  }

  /** Stops the worker and waits until Chromium reports it stopped. */
  async stop(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const live = this.mine().filter((v) => v.runningStatus !== 'stopped');
      if (live.length === 0 && this.mine().length > 0) return;
      for (const v of live) {
        if (v.runningStatus === 'running')
          await this.cdp
            .send('ServiceWorker.stopWorker', { versionId: v.versionId })
            .catch(() => {});
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the service worker did not stop');
  }
}

/**
 * A CDP session on the service worker itself, in the old non-flat mode (Playwright's CDPSession
 * cannot address a child session by id): commands go through Target.sendMessageToTarget.
 */
export class WorkerCdp {
  private nextId = 1;
  private pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();

  private constructor(
    private cdp: CDPSession,
    private sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  static async attach(browser: BenchBrowser, extensionId: string): Promise<WorkerCdp> {
    const { targetInfos } = await browser.cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.includes(extensionId),
    );
    if (!target) throw new Error('no service worker target');
    const { sessionId } = await browser.cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    return new WorkerCdp(browser.cdp, sessionId);
  }

  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) =>
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }),
    );
    void this.cdp
      .send('Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method, params }),
      })
      .catch((error: Error) => {
        this.pending.get(id)?.reject(error);
        this.pending.delete(id);
      });
    return result;
  }

  async detach(): Promise<void> {
    await this.cdp.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => {});
  }
}
