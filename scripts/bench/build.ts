import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { build as wxtBuild } from 'wxt';

export const BENCH_DIR = resolve('.output/chrome-mv3-bench');

/**
 * `wxt build --mode bench` (the shipped build plus lib/background/bench-hooks.ts), with React
 * and every other `process.env.NODE_ENV` check in production form, as shipped: WXT defines
 * `process.env.NODE_ENV` as the mode, which would give a `bench` build React's development
 * bundle (about 60 % more code to load in the popover UI and the popup).
 */
export async function buildBench(log: (line: string) => void): Promise<string> {
  log('building .output/chrome-mv3-bench (wxt build --mode bench, NODE_ENV production)…');
  process.env.NODE_ENV = 'production';
  const { build } = await import('wxt');
  // Build output goes to stderr: with --json, stdout carries the one JSON object only.
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof write;
  try {
    await buildWith(build);
  } finally {
    process.stdout.write = write;
  }
  if (!existsSync(resolve(BENCH_DIR, 'manifest.json'))) throw new Error(`no build in ${BENCH_DIR}`);
  return BENCH_DIR;
}

async function buildWith(build: typeof wxtBuild): Promise<void> {
  await build({
    mode: 'bench',
    vite: () => ({
      plugins: [
        {
          name: 'verdict-lens-bench-production-node-env',
          // Plugin config hooks merge after WXT's per-entrypoint `define`, so this one wins.
          config: () => ({ define: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
        },
      ],
    }),
  });
}
