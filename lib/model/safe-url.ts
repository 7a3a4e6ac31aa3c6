/**
 * The one way a link built from feed data reaches an `href`: https only, no credentials, so a
 * feed can never point a link at `javascript:`, `data:`, a local file or plain http.
 * tests/unit/audit/source.test.ts allows no other dynamic href.
 */
export function safeHttpsUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}
