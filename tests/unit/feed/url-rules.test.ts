import { describe, expect, it } from 'vitest';
import { checkFeedUrl } from '../../../lib/feed/url-rules';

describe('checkFeedUrl', () => {
  it.each([
    ['https://feeds.synthetic.test/v.json', 'https://feeds.synthetic.test/v.json'],
    ['  https://feeds.synthetic.test/v.json  ', 'https://feeds.synthetic.test/v.json'],
    ['http://localhost:8080/feed.json', 'http://localhost:8080/feed.json'],
    ['http://127.0.0.1/feed.json', 'http://127.0.0.1/feed.json'],
  ])('accepts %s', (input, url) => {
    expect(checkFeedUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['http://example.com/feed.json', /https/],
    ['http://localhost.example.com/feed.json', /https/],
    ['file:///etc/passwd', /file:/],
    ['data:application/json,{}', /data:/],
    ['javascript:alert(1)', /javascript:/],
    ['ftp://example.com/feed.json', /ftp:/],
    ['not a url at all', /not a URL/],
    ['', /Enter/],
    ['   ', /Enter/],
    ['https://user:secret@example.com/feed.json', /password/],
  ])('refuses %s with a message', (input, message) => {
    const result = checkFeedUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
