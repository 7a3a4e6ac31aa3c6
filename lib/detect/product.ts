import { domainKeysForHost } from '../match-keys';
import type { Detector } from './types';

/**
 * Hosts (with all their subdomains) that belong to the two code-hosting sites. Their pages are
 * about repositories, not about a product, and a `domain:github.com` lookup would put one verdict
 * on every gist, docs page and raw file.
 */
const HOSTING_SITES = [
  'github.com',
  'githubusercontent.com',
  'huggingface.co',
  'hf.co',
  'hf.space',
];

/** Special-use and private top-level names (RFC 6761, 6762, 8375 and ICANN's `.internal`). */
const PRIVATE_TLDS = new Set([
  'localhost',
  'local',
  'internal',
  'test',
  'invalid',
  'example',
  'arpa',
]);

const isHostingSite = (host: string): boolean =>
  HOSTING_SITES.some((site) => host === site || host.endsWith(`.${site}`));

export const product: Detector = {
  site: 'product',

  detect(url) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    // IPv6 literals keep their brackets in `hostname`.
    if (url.hostname.startsWith('[')) return null;
    const host = url.hostname.replace(/\.$/, '');
    const labels = host.split('.');
    const tld = labels[labels.length - 1] ?? '';
    if (labels.length < 2 || labels.includes('')) return null;
    // The URL parser has already turned every IPv4 spelling into dotted decimal; no TLD is numeric.
    if (/^\d+$/.test(tld) || PRIVATE_TLDS.has(tld)) return null;
    if (isHostingSite(host)) return null;

    const label = host.startsWith('www.') && labels.length > 2 ? host.slice(4) : host;
    return { site: 'product', keys: domainKeysForHost(host), label };
  },

  examples: {
    match: {
      'https://cursor.com': 'cursor.com',
      'https://cursor.com/': 'cursor.com',
      'https://www.cursor.com/pricing': 'cursor.com',
      'https://docs.cursor.com/get-started/introduction': 'docs.cursor.com',
      'https://WWW.Cursor.COM/features?ref=x#top': 'cursor.com',
      'http://example-tool.io/': 'example-tool.io',
      'https://cursor.com./': 'cursor.com',
      'https://cursor.com:8443/download': 'cursor.com',
      'https://app.example.co.uk/login': 'app.example.co.uk',
      'https://www.anthropic.com/claude-code': 'anthropic.com',
      'https://claude.ai/new': 'claude.ai',
      'https://ollama.com/library/llama3': 'ollama.com',
      'https://lmstudio.ai': 'lmstudio.ai',
      'https://replicate.com/meta/llama': 'replicate.com',
      'https://huggingface.example.com/x': 'huggingface.example.com',
      'https://notgithub.com/owner/repo': 'notgithub.com',
      'https://someproject.github.io/': 'someproject.github.io',
      'https://gitlab.com/gitlab-org/gitlab': 'gitlab.com',
      'https://www.com/': 'www.com',
      'https://bücher.de/': 'xn--bcher-kva.de',
    },
    reject: [
      'ftp://cursor.com/file',
      'file:///home/user/index.html',
      'chrome://extensions',
      'chrome-extension://abcdefghijklmnop/popup.html',
      'about:blank',
      'data:text/html,hello',
      'javascript:void(0)',
      'mailto:hello@cursor.com',
      'http://localhost:3000/',
      'http://app.localhost/',
      'http://intranet/',
      'https://192.168.1.1/admin',
      'http://127.0.0.1:8080/',
      'http://0x7f.1/',
      'http://[::1]:3000/',
      'https://printer.local/',
      'https://service.internal/',
      'https://site.test/',
      'https://gist.github.com/octocat/6cad326836d38bd3a7ae',
      'https://docs.github.com/en',
      'https://raw.githubusercontent.com/facebook/react/main/README.md',
      'https://discuss.huggingface.co/latest',
      'https://hf.co/meta-llama',
      'https://black-forest-labs-flux-1-dev.hf.space/',
    ],
  },
};
