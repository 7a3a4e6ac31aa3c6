/**
 * Audit of the built manifests. Needs the production builds: `npm run build` (Chrome,
 * .output/chrome-mv3) and `npm run build:firefox` (.output/firefox-mv3); `npm run test:audit` runs
 * both builds, then this, then web-ext lint.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const OUTPUT = join(ROOT, '.output');

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[]; include_globs?: string[] }[];
  web_accessible_resources?: {
    resources: string[];
    matches?: string[];
    use_dynamic_url?: boolean;
  }[];
  content_security_policy?: unknown;
  externally_connectable?: { matches?: string[]; ids?: string[] };
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
  };
}

function readManifest(dir: string): Manifest {
  const path = join(OUTPUT, dir, 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: build first (npm run build && npm run build:firefox, or npm run test:audit)`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

const BUILDS = { chrome: 'chrome-mv3', firefox: 'firefox-mv3' } as const;
type Browser = keyof typeof BUILDS;
const manifests = {
  chrome: readManifest(BUILDS.chrome),
  firefox: readManifest(BUILDS.firefox),
};

const SITES = ['https://github.com/*', 'https://huggingface.co/*'];
/** Hosts only the test builds (e2e, bench) pre-grant, standing in for a user's grants. */
const TEST_ONLY_HOSTS = /cursor\.com|127\.0\.0\.1|localhost/;

/** `<all_urls>`, or a pattern whose host is `*` or a bare `*.tld`: it would cover every site. */
function isAllHosts(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^([^:]+):\/\/([^/]*)\//.exec(pattern);
  if (!match) return true; // not a match pattern at all: refuse rather than guess
  const host = match[2]!;
  return host === '*' || host === '' || /^\*\.[^.]+$/.test(host) || host.includes('*', 1);
}

/** PERMISSIONS.md's table: kind (permission, host, optional host) → the names in backticks. */
function documented(): Record<'permission' | 'host' | 'optional host', string[]> {
  const text = readFileSync(join(ROOT, 'PERMISSIONS.md'), 'utf8');
  const out = { permission: [] as string[], host: [] as string[], 'optional host': [] as string[] };
  for (const line of text.split('\n')) {
    const row = /^\|\s*(permission|host|optional host)\s*\|\s*`([^`]+)`\s*\|/.exec(line);
    if (row) out[row[1] as keyof typeof out].push(row[2]!);
  }
  return out;
}

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();

describe('PERMISSIONS.md', () => {
  it('lists permissions, hosts and optional hosts', () => {
    const doc = documented();
    expect(doc.permission.length).toBeGreaterThan(0);
    expect(sorted(doc.host)).toEqual(sorted(SITES));
    expect(doc['optional host'].length).toBeGreaterThan(0);
  });
});

describe.each(Object.keys(BUILDS) as Browser[])('%s production manifest', (browser) => {
  const manifest = manifests[browser];

  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('has exactly the documented permissions', () => {
    const doc = documented();
    expect(sorted(manifest.permissions)).toEqual(sorted(doc.permission));
    expect(sorted(manifest.host_permissions)).toEqual(sorted(doc.host));
    expect(sorted(manifest.optional_host_permissions)).toEqual(sorted(doc['optional host']));
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('asks for no all-hosts pattern at install, and no test-only host', () => {
    const hosts = manifest.host_permissions ?? [];
    expect(hosts.filter(isAllHosts)).toEqual([]);
    expect(hosts.filter((h) => TEST_ONLY_HOSTS.test(h))).toEqual([]);
    // Permissions are not a back door for hosts either.
    expect(
      (manifest.permissions ?? []).filter((p) => p.includes('://') || p === '<all_urls>'),
    ).toEqual([]);
  });

  it('declares no content script: the worker runs the lens only where it found a verdict', () => {
    // lib/background/tab-sync.ts; a page the dataset does not rate runs nothing of ours.
    expect(manifest.content_scripts ?? []).toEqual([]);
    // It can script exactly the sites it has host access to, GitHub and Hugging Face at install.
    expect(manifest.permissions).toContain('scripting');
    for (const site of SITES) expect(manifest.host_permissions).toContain(site);
  });

  it('exposes no web-accessible resource a page could fingerprint', () => {
    for (const entry of manifest.web_accessible_resources ?? []) {
      if (browser === 'chrome') expect(entry.use_dynamic_url, JSON.stringify(entry)).toBe(true);
      // Firefox has no use_dynamic_url (its extension origins are per-install already); still,
      // nothing may be exposed to every site.
      for (const match of entry.matches ?? []) expect(isAllHosts(match), match).toBe(false);
    }
  });

  it('does not relax the content security policy', () => {
    const csp = manifest.content_security_policy;
    if (csp === undefined) return;
    const policies = typeof csp === 'string' ? [csp] : Object.values(csp as Record<string, string>);
    for (const policy of policies) {
      expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'/);
      for (const directive of policy.split(';')) {
        const [name, ...sources] = directive.trim().split(/\s+/);
        if (
          !name ||
          !/^(?:script-src|script-src-elem|object-src|default-src|worker-src)$/.test(name)
        )
          continue;
        // Only the extension itself: no remote hosts, schemes or wildcards.
        for (const source of sources)
          expect(source, policy).toMatch(/^'(?:self|none|wasm-unsafe-eval)'$/);
      }
    }
  });

  it('accepts no messages from web pages', () => {
    const connectable = manifest.externally_connectable;
    if (connectable === undefined) return;
    expect(connectable.matches ?? []).toEqual([]);
  });
});

describe('Chrome', () => {
  const manifest = manifests.chrome;

  it('runs the background as a service worker, with no Firefox keys', () => {
    expect(manifest.background?.service_worker).toBeTruthy();
    expect(manifest.background?.scripts).toBeUndefined();
    expect(manifest.browser_specific_settings).toBeUndefined();
  });
});

describe('Firefox', () => {
  const manifest = manifests.firefox;
  const gecko = manifest.browser_specific_settings?.gecko;

  it('runs the background as event page scripts (Firefox MV3 has no service worker)', () => {
    expect(manifest.background?.scripts?.length).toBeGreaterThan(0);
    expect(manifest.background?.service_worker).toBeUndefined();
  });

  it('has an add-on id', () => {
    // An email-like id or a {GUID}, as addons.mozilla.org requires.
    expect(gecko?.id).toMatch(/^(?:[\w.+-]+@[\w.-]+|\{[0-9a-f-]{36}\})$/i);
  });

  it('declares that it collects no data', () => {
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

describe('test-only builds', () => {
  const builds = existsSync(OUTPUT)
    ? readdirSync(OUTPUT, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(OUTPUT, d.name, 'manifest.json')))
        .map((d) => d.name)
    : [];

  it('are the only builds that pre-grant cursor.com or 127.0.0.1', () => {
    const granting = builds.filter((dir) =>
      (readManifest(dir).host_permissions ?? []).some((h) => TEST_ONLY_HOSTS.test(h)),
    );
    for (const dir of granting)
      expect(dir, `${dir} is not a test build`).toMatch(/-(?:e2e|bench)$/);
    expect(granting).not.toContain(BUILDS.chrome);
    expect(granting).not.toContain(BUILDS.firefox);
  });

  // test:audit builds the e2e build too, so this always runs.
  it('the e2e build does pre-grant them', () => {
    expect(builds).toContain('chrome-mv3-e2e');
    const hosts = readManifest('chrome-mv3-e2e').host_permissions ?? [];
    expect(hosts).toEqual(expect.arrayContaining(['https://cursor.com/*', 'http://127.0.0.1/*']));
  });
});

/** Width and height from a PNG's IHDR chunk, or null when the file is no PNG. */
function pngSize(path: string): { width: number; height: number } | null {
  const bytes = readFileSync(path);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR')
    return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.each(Object.entries(BUILDS))('%s icons', (_browser, dir) => {
  const manifest = readManifest(dir) as Manifest & {
    icons?: Record<string, string>;
    action?: { default_icon?: Record<string, string> };
  };

  it.each(['icons', 'action.default_icon'] as const)(
    '%s lists real PNGs at 16, 32, 48 and 128',
    (key) => {
      const icons = key === 'icons' ? manifest.icons : manifest.action?.default_icon;
      expect(Object.keys(icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
      for (const [size, file] of Object.entries(icons ?? {})) {
        const path = join(OUTPUT, dir, file);
        expect(existsSync(path), path).toBe(true);
        expect(pngSize(path), path).toEqual({ width: Number(size), height: Number(size) });
      }
    },
  );
});

describe('the keyboard shortcut', () => {
  it('opens the popup with Alt+Shift+V in both browsers, and asks for no permission', () => {
    for (const manifest of [manifests.chrome, manifests.firefox]) {
      expect(manifest.commands?._execute_action?.suggested_key?.default).toBe('Alt+Shift+V');
      expect(manifest.permissions ?? []).not.toContain('commands');
    }
  });
});
