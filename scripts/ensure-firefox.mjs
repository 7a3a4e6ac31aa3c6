#!/usr/bin/env node
// Finds Firefox for the Firefox end-to-end tests; on a Debian machine without it, installs
// Debian's firefox-esr package. Prints the path. The tests read the same resolution from
// tests/e2e-firefox/support/firefox.ts. It never downloads a browser build of its own: only
// Debian's package is trusted to match the machine's libraries, and the network may reach no more.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'].filter(Boolean);
const found = () => candidates.find((p) => existsSync(p));

let path = found();
if (!path) {
  if (process.env.FIREFOX_PATH) {
    console.error(`FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist.`);
    process.exit(1);
  }
  if (!existsSync('/usr/bin/apt-get')) {
    console.error('No Firefox found. Install Firefox ESR and set FIREFOX_PATH to its binary.');
    process.exit(1);
  }
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  console.error('No Firefox found: installing Debian’s firefox-esr package…');
  const run = (args) => {
    const [command, ...rest] = [...sudo, ...args];
    execFileSync(command, rest, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'firefox-esr']);
  path = found();
  if (!path) {
    console.error('apt-get finished but no firefox-esr binary was found.');
    process.exit(1);
  }
}
console.log(path);
