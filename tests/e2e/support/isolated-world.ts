import type { BrowserContext, Page } from '@playwright/test';

interface ContextCreated {
  context: { id: number; origin: string; name: string; auxData?: { type?: string } };
}

/**
 * Runs `expression` in the extension's content-script world of `page` (Chrome's isolated world,
 * which Playwright's own evaluate never enters), through the DevTools protocol: the attacker of
 * issue 17 who got code running where the lens runs. Resolves with the JSON value it produced.
 */
export async function inContentScript(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  expression: string,
): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  const contexts: ContextCreated['context'][] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }: ContextCreated) => contexts.push(c));
  // Enabling reports every context that exists already.
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`,
  );
  if (!world) throw new Error('the lens’s content-script world is not in this page');
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  })) as {
    result: { value?: unknown };
    exceptionDetails?: { exception?: { description?: string } };
  };
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'threw');
  return result.value;
}
