import { expect, it } from 'vitest';
import { useFirefox } from './support/use-firefox';

const firefox = useFirefox();

it('a temporary install is granted the required hosts at once, and no optional host', async () => {
  // Firefox MV3 treats host permissions as revocable origin controls; 153 grants the required
  // ones at install (extensions.originControls.grantByDefault). If a Firefox stops doing so, the
  // README's "what differs in Firefox" must say how a user grants GitHub and Hugging Face.
  const granted = await firefox().options.evaluate(() =>
    (
      globalThis as unknown as {
        browser: { permissions: { getAll(): Promise<{ origins: string[] }> } };
      }
    ).browser.permissions.getAll(),
  );
  expect(granted.origins).toEqual(
    expect.arrayContaining(['https://github.com/*', 'https://huggingface.co/*']),
  );
  // Optional hosts stay asked-for at run time (a product site, a feed origin), never at install.
  expect(granted.origins).not.toContain('https://*/*');
  expect(granted.origins).not.toContain('http://localhost/*');
});
