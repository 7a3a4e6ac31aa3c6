import { describe, expect, it } from 'vitest';
import {
  checkSender,
  type PolicyContext,
  type SenderInfo,
} from '../../../lib/messaging/sender-policy';

const EXTENSION_ID = 'synthetic-extension-id';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const SERVED = new Set(['github.com', 'huggingface.co']);

const POLICY: PolicyContext = {
  extensionId: EXTENSION_ID,
  extensionOrigin: ORIGIN,
  isServedHost: (host) => SERVED.has(host),
};

const contentScript = (url: string | undefined, over: Partial<SenderInfo> = {}): SenderInfo => ({
  id: EXTENSION_ID,
  url,
  frameId: 0,
  tab: { id: 7 },
  ...over,
});

describe('checkSender', () => {
  const extensionPages: [string, SenderInfo][] = [
    ['the popup', { id: EXTENSION_ID, url: `${ORIGIN}popup.html` }],
    [
      'the options page in a tab',
      { id: EXTENSION_ID, url: `${ORIGIN}options.html`, tab: { id: 3 }, frameId: 0 },
    ],
    [
      'an extension page in a sub-frame',
      { id: EXTENSION_ID, url: `${ORIGIN}compare.html?a=x&b=y`, tab: { id: 3 }, frameId: 2 },
    ],
  ];

  it.each(extensionPages)('%s is an extension page', (_name, sender) => {
    expect(checkSender(sender, POLICY)).toEqual({ allowed: true, kind: 'page' });
  });

  it('a content script in the top frame of https://github.com is a content script', () => {
    const sender = contentScript('https://github.com/synthetic-org/tool-0');
    expect(checkSender(sender, POLICY)).toEqual({ allowed: true, kind: 'content' });
  });

  it('serves Hugging Face as well', () => {
    const sender = contentScript('https://huggingface.co/synthetic-org/model');
    expect(checkSender(sender, POLICY)).toEqual({ allowed: true, kind: 'content' });
  });

  const refused: [string, SenderInfo, string][] = [
    [
      'another extension',
      { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' },
      'unknown sender',
    ],
    [
      'another extension claiming our origin',
      { id: 'other-extension', url: `${ORIGIN}popup.html` },
      'unknown sender',
    ],
    [
      'a sender without an id (a web page)',
      { url: 'https://github.com/', frameId: 0, tab: { id: 1 } },
      'unknown sender',
    ],
    ['a web page that is not served', contentScript('https://evil.example/'), 'site not served'],
    ['a look-alike host', contentScript('https://github.com.evil.example/'), 'site not served'],
    [
      'a sub-frame on GitHub',
      contentScript('https://github.com/synthetic-org/tool-0', { frameId: 3 }),
      'sub-frames are not served',
    ],
    [
      'no frame id',
      contentScript('https://github.com/', { frameId: undefined }),
      'sub-frames are not served',
    ],
    ['http: GitHub', contentScript('http://github.com/synthetic-org/tool-0'), 'site not served'],
    ['a missing URL', contentScript(undefined), 'no sender URL'],
    ['an unparsable URL', contentScript('not a url'), 'no sender URL'],
    ['a missing tab', { id: EXTENSION_ID, url: 'https://github.com/', frameId: 0 }, 'no tab'],
    [
      'an origin that only starts like ours',
      contentScript(`chrome-extension://${EXTENSION_ID}x/page.html`),
      'site not served',
    ],
    [
      'a web URL with our origin in its path',
      contentScript(`https://evil.example/${ORIGIN}`),
      'site not served',
    ],
  ];

  it.each(refused)('refuses %s', (_name, sender, reason) => {
    expect(checkSender(sender, POLICY)).toEqual({ allowed: false, reason });
  });
});
