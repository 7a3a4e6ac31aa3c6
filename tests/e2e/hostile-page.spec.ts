import type { Worker } from '@playwright/test';
import { badges, expect, settled, test, visit } from './support/extension';
import { githubPage, serveSites } from './support/sites';

// HOSTILE PAGE SCRIPTS: what a page (a vendor's own product site, a README's author cannot, but
// GitHub or a compromised page could) tries against the badge from its own JavaScript. The e2e
// build leaves the shadow root open so these scripts can reach the controls at all; the shipped
// build closes it (production-build.spec.ts checks that).

const REPO = 'https://github.com/huggingface/ml-intern';
const HOST = '[data-verdict-lens-host="badge"]';

/** Every message the worker receives from web pages' content scripts from now on, in order. */
async function watchMessages(worker: Worker): Promise<() => Promise<string[]>> {
  await worker.evaluate(() => {
    type Listener = (m: { type?: string }, sender: { url?: string }) => void;
    const g = globalThis as unknown as {
      __seen: string[];
      chrome: { runtime: { onMessage: { addListener(f: Listener): void } } };
    };
    g.__seen = [];
    // Not the compare page the control opens, which asks the worker for its own data.
    g.chrome.runtime.onMessage.addListener((m, sender) => {
      if (sender.url?.startsWith('https://')) g.__seen.push(String(m?.type));
    });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen);
}

/** The badge's shadow root as a page script reaches it (open in the e2e build only). */
const rootOf = (selector: string): ShadowRoot => {
  const root = document.querySelector(selector)?.shadowRoot;
  if (!root) throw new Error('no badge root to attack');
  return root;
};

test('a page script cannot open the popover: clicks and keys it dispatches do nothing', async ({
  page,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  const after = await page.evaluate(
    (root) => {
      const button = root.querySelector('button')!;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      // Opening starts synchronously in the click handler (aria-busy while the UI loads).
      return [button.getAttribute('aria-busy'), button.getAttribute('aria-expanded')];
    },
    await page.evaluateHandle(rootOf, HOST),
  );
  expect(after).toEqual([null, 'false']);
  // Control: the user's own click opens it.
  await badges(page).first().click();
  await expect(page.getByRole('dialog')).toContainText('ml-intern');
});

test('a page script cannot open compare tabs or press "Hide on this site" in an open popover', async ({
  page,
  context,
  serviceWorker,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  await badges(page).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: /Compare with Cursor/ })).toBeVisible();
  const seen = await watchMessages(serviceWorker);
  const pagesBefore = context.pages().length;

  await page.evaluate(
    (root) => {
      const buttons = [...root.querySelectorAll('button')];
      const compare = buttons.filter((b) => b.textContent?.startsWith('Compare with'));
      for (let i = 0; i < 5; i++) for (const b of compare) b.click();
      buttons.find((b) => b.textContent === 'Hide on this site')?.click();
    },
    await page.evaluateHandle(rootOf, HOST),
  );

  // Control, after the attack on the same channel: the user's own click opens one compare tab.
  const opened = context.waitForEvent('page');
  await dialog.getByRole('button', { name: /Compare with Cursor/ }).click();
  await opened;
  await expect.poll(seen).toContain('openCompare');
  // Messages from one frame arrive in order: nothing the page clicked reached the worker.
  expect(await seen()).toEqual(['openCompare']);
  expect(context.pages().length).toBe(pagesBefore + 1);
  await expect(badges(page)).toHaveCount(1);
});

test('a page that defines verdict-lens-badge (or any custom element) first neither stops the lens nor runs code on its host', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __squatted: string[] };
    w.__squatted = [];
    class Squatter extends HTMLElement {
      constructor() {
        super();
        w.__squatted.push('constructed');
        // Taking the shadow root first is what stopped the lens.
        this.attachShadow({ mode: 'open' });
      }
      connectedCallback() {
        w.__squatted.push('connected');
      }
    }
    for (const name of ['verdict-lens-badge', 'verdict-lens-toast', 'verdict-lens-host'])
      customElements.define(name, class extends Squatter {});
  });
  expect(await visit(page, REPO)).toBe('badge');
  await expect(badges(page)).toHaveCount(1);
  await expect(badges(page).first()).toHaveAccessibleName(/ml-intern: 75% ship/);
  expect(
    await page.evaluate(() => (window as unknown as { __squatted: string[] }).__squatted),
  ).toEqual([]);
});

// HOSTILE FIXTURE: a copy of the classic repo header naming ml-intern, as any README or issue
// comment can carry it (user content may hold ids, itemprops and links, not scripts).
const FAKE_HEADER =
  '<div id="repository-container-header"><strong itemprop="name"><a href="/huggingface/ml-intern">ml-intern</a></strong></div>';

test('a header imitated in a README or a comment neither gets another tool’s badge nor holds the badge', async ({
  page,
  context,
}) => {
  await serveSites(context, {
    'github.com': (u) => {
      const html = githubPage(u);
      if (u.pathname === '/someone/unrated')
        return html.replace(
          '</main>',
          `<article class="markdown-body">${FAKE_HEADER}</article></main>`,
        );
      if (u.pathname === '/huggingface/ml-intern/issues/1') {
        // The real header gone (a layout we do not know), the fake one in a comment.
        const bare = html.replace(
          /<div id="repository-container-header"[\s\S]*<\/main>/,
          '</main>',
        );
        return bare.replace('</main>', `<div class="comment-body">${FAKE_HEADER}</div></main>`);
      }
      return html;
    },
  });
  // The URL alone decides the tool: an unrated repo stays without a badge.
  expect(await visit(page, 'https://github.com/someone/unrated')).toBe('none');
  await expect(page.locator(HOST)).toHaveCount(0);

  // On ml-intern's issue page the badge is ml-intern's, and floats rather than sit in the comment.
  expect(await visit(page, `${REPO}/issues/1`)).toBe('badge');
  await expect(page.locator(`${HOST}[data-placement="floating"]`)).toHaveCount(1);
  await expect(page.locator(`.comment-body ${HOST}`)).toHaveCount(0);
});

test('events a page fires to look like a navigation or a newer lens change nothing', async ({
  page,
  extensionId,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  await page.evaluate((id) => {
    const w = window as unknown as { __marks: string[] };
    w.__marks = [];
    new MutationObserver(() =>
      w.__marks.push(document.documentElement.dataset.verdictLens ?? ''),
    ).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-verdict-lens'],
    });
    // What GitHub, Turbo and WXT fire around a navigation, with another URL in them, and the
    // event a newer copy of the lens sends (extension ids are public).
    const detail = { newUrl: 'https://github.com/openai/whisper', url: '/openai/whisper' };
    for (const type of ['soft-nav:start', 'soft-nav:end', 'turbo:load', 'wxt:locationchange']) {
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new CustomEvent(type, { detail }));
    }
    document.dispatchEvent(new CustomEvent(`${id}:lens:started`));
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, extensionId);
  // Control: a real soft navigation is followed (the lens is alive and routes on it), and no
  // route came from the events before it.
  await page.evaluate(() => history.pushState({}, '', '/huggingface/ml-intern/issues'));
  expect(await settled(page, `${REPO}/issues`)).toBe('badge');
  await expect(badges(page).first()).toHaveAccessibleName(/ml-intern: 75% ship/);
  const marks = await page.evaluate(() => (window as unknown as { __marks: string[] }).__marks);
  expect(marks).toEqual([`badge ${REPO}/issues`]);
});
