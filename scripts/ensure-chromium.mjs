#!/usr/bin/env node
// Finds Chromium for the end-to-end tests; on a Debian machine without it, installs Debian's package.
// Prints the path. The tests read the same resolution from tests/e2e/support/chromium.ts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter(Boolean);
const found = () => candidates.find((p) => existsSync(p));

const isRoot = process.getuid?.() === 0;
const sudo = isRoot ? [] : ['sudo'];
const run = (args) =>
  execFileSync(sudo.length ? 'sudo' : args[0], sudo.length ? args : args.slice(1), {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });

let path = found();
if (!path) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
    process.exit(1);
  }
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!hasApt) {
    console.error('No Chromium found. Install Chromium and set CHROMIUM_PATH to its binary.');
    process.exit(1);
  }
  console.error('No Chromium found: installing Debian’s chromium package…');
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  path = found();
  if (!path) {
    console.error('apt-get finished but no chromium binary was found.');
    process.exit(1);
  }
}
// Debian's chromium ships its own UI in English only; without the other languages a profile in
// French or German runs in English (chrome.i18n included), and the language tests need them.
const LOCALES = '/usr/lib/chromium/locales';
if (existsSync(LOCALES) && !existsSync(`${LOCALES}/de.pak`) && existsSync('/usr/bin/apt-get')) {
  console.error('Installing Debian’s chromium-l10n (the browser’s languages)…');
  try {
    run(['apt-get', 'install', '-y', '-qq', 'chromium-l10n']);
  } catch {
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', 'chromium-l10n']);
  }
}
console.log(path);
