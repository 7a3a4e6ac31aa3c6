import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, MAX_LENGTH } from '../../../lib/feed/schema';
import { MAX_PROBLEMS } from '../../../lib/feed/validate';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from '../../../lib/sync/fetch-feed';
import { INSTALL_BUDGET_MS } from '../../../lib/store/install';

const doc = readFileSync(new URL('../../../docs/feed-format.md', import.meta.url), 'utf8');
const limitsSection = doc.slice(doc.indexOf('## Limits'));
const number = (n: number) => n.toLocaleString('en-US');

describe('docs/feed-format.md states every limit', () => {
  it.each(Object.entries(LIMITS))('the count limit %s (%d)', (_name, value) => {
    expect(limitsSection).toContain(number(value));
  });

  it.each(Object.entries(MAX_LENGTH))('the length limit %s (%d)', (_name, value) => {
    expect(limitsSection).toMatch(new RegExp(`\\|\\s*${number(value)}\\s*\\|`));
  });

  it('the problem cap, the byte cap, the download deadline and the install budget', () => {
    expect(limitsSection).toContain(`after ${MAX_PROBLEMS} problems`);
    expect(limitsSection).toContain(`${DEFAULT_MAX_BYTES / 1024 / 1024} MB`);
    expect(limitsSection).toContain(`${DEFAULT_TIMEOUT_MS / 1000} s`);
    expect(limitsSection).toContain(`budget of ${INSTALL_BUDGET_MS / 1000} s`);
  });
});
