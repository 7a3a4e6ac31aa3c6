import { badges, expect, test, visit } from './support/extension';
import { inContentScript } from './support/isolated-world';
import { ExtensionRpc } from './support/rpc';

// HOSTILE CONTENT-SCRIPT CODE: what code running in the lens's own world on github.com (a
// compromised dependency, a bug that lets page data run there) can make the extension do.

const REPO = 'https://github.com/huggingface/ml-intern';
const EVIL_FEED = 'https://evil.synthetic.test/feed.json';

/** Resolves to 'ok' or to the error the browser threw. */
const attempt = (code: string) =>
  `(async () => { try { await (${code}); return 'ok'; } catch (e) { return 'refused: ' + e.message; } })()`;

test('content-script code cannot read or write the settings: storage is for the extension only', async ({
  page,
  context,
  extensionId,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  const tried = (code: string) => inContentScript(context, page, extensionId, attempt(code));
  for (const area of ['sync', 'local']) {
    expect(await tried(`chrome.storage.${area}.set({ feedUrl: '${EVIL_FEED}' })`)).toMatch(
      /^refused: /,
    );
    expect(await tried(`chrome.storage.${area}.get(null)`)).toMatch(/^refused: /);
  }
  const rpc = await ExtensionRpc.open(context, extensionId);
  const status = await rpc.send({ type: 'getStatus' });
  expect(status.feedUrl).toBe('');
  await rpc.close();
  // Control: the same world still has what the lens uses (messages to the background).
  expect(await tried(`chrome.runtime.sendMessage({ type: 'ping' })`)).toBe('ok');
});

test('content-script code gets only its own page’s answers, no page messages and few tabs', async ({
  page,
  context,
  extensionId,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  const reply = (message: object) =>
    inContentScript(
      context,
      page,
      extensionId,
      `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    );

  expect(await reply({ type: 'setFeedUrl', url: EVIL_FEED })).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
  expect(
    await reply({ type: 'lookupPage', url: 'https://huggingface.co/huggingface/ml-intern' }),
  ).toMatchObject({ ok: false, error: { message: /own page only/ } });
  expect(await reply({ type: 'lookupPage', url: REPO })).toMatchObject({
    ok: true,
    data: { found: true },
  });
  const answer = (await reply({ type: 'getToolAnswer', toolId: 'ml-intern' })) as {
    data: { dataset: { source: string } };
  };
  expect(answer.data.dataset.source).toBe('bundled');

  const before = context.pages().length;
  const opened = await inContentScript(
    context,
    page,
    extensionId,
    `Promise.all(Array.from({ length: 30 }, () => chrome.runtime.sendMessage({ type: 'openCompare', a: 'ml-intern', b: 'cursor' }))).then((r) => r.filter((x) => x.ok).length)`,
  );
  expect(opened).toBe(4);
  await expect.poll(() => context.pages().length).toBe(before + 4);
  await expect(badges(page)).toHaveCount(1);
});
