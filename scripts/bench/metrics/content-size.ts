import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestScript {
  matches?: string[];
  js?: string[];
}

export interface ContentSize {
  files: { file: string; bytes: number; gzipBytes: number }[];
  /** Sum of the gzipped files, in KB (1024 bytes). */
  gzipKb: number;
}

const coversGithub = (pattern: string) =>
  /^(\*|https):\/\/(\*\.)?github\.com\//.test(pattern) || pattern === '<all_urls>';

/**
 * What a rated GitHub page runs before its badge is opened: the lens (lens.js, which the worker
 * injects) and any manifest content script for github.com (none: a page the dataset does not
 * rate runs nothing of ours), each gzipped (zlib's default level, as a server or a store would).
 * The popover UI, injected when a badge is first opened, is not counted.
 */
export function measureContentSize(extensionDir: string): ContentSize {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestScript[];
  };
  const files = [
    ...new Set(
      (manifest.content_scripts ?? [])
        .filter((s) => (s.matches ?? []).some(coversGithub))
        .flatMap((s) => s.js ?? [])
        .concat('lens.js'),
    ),
  ].map((file) => {
    const bytes = readFileSync(join(extensionDir, file));
    return { file, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength };
  });
  return { files, gzipKb: files.reduce((n, f) => n + f.gzipBytes, 0) / 1024 };
}
