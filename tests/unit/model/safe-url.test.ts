import { describe, expect, it } from 'vitest';
import { safeHttpsUrl } from '../../../lib/model/safe-url';

describe('safeHttpsUrl', () => {
  it.each([
    ['https://verdicts.example/a-vs-b', 'https://verdicts.example/a-vs-b'],
    ['https://github.com/huggingface/ml-intern', 'https://github.com/huggingface/ml-intern'],
  ])('keeps %s', (input, out) => expect(safeHttpsUrl(input)).toBe(out));

  it.each([
    'http://verdicts.example/',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    '//verdicts.example/',
    '/relative',
    'https://user:secret@verdicts.example/',
    '',
    null,
    undefined,
  ])('refuses %s', (input) => expect(safeHttpsUrl(input)).toBeNull());
});
