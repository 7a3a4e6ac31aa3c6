import { domainKeysForHost } from '../model/match-keys';
import { isCodeHostingHost } from '../sites/built-in';
import type { Detector } from './types';

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
    if (isCodeHostingHost(host)) return null;

    const label = host.startsWith('www.') && labels.length > 2 ? host.slice(4) : host;
    return { site: 'product', keys: domainKeysForHost(host), label };
  },
};
