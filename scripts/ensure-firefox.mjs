#!/usr/bin/env node
// Finds Firefox for the Firefox end-to-end tests; on a Debian machine without it, installs
// Debian's firefox-esr package. Prints the path. The tests read the same resolution from
// tests/e2e-firefox/support/firefox.ts. It never downloads a browser build of its own: only
// Debian's package is trusted to match the machine's libraries, and the network may reach no more.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// A FIREFOX_PATH that is set is the only candidate: a typo must not quietly test another Firefox.
const wanted = process.env.FIREFOX_PATH;
if (wanted && !existsSync(wanted)) {
  console.error(`FIREFOX_PATH=${wanted} does not exist.`);
  process.exit(1);
}
const path = wanted || '/usr/bin/firefox-esr';

if (!existsSync(path)) {
  if (!existsSync('/usr/bin/apt-get')) {
    console.error('No Firefox found. Install Firefox ESR and set FIREFOX_PATH to its binary.');
    process.exit(1);
  }
  // sudo resets the environment, so the non-interactive frontend goes through env(1).
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  console.error('No Firefox found: installing Debian’s firefox-esr package…');
  const run = (args) => {
    const [command, ...rest] = [...asRoot, 'env', 'DEBIAN_FRONTEND=noninteractive', ...args];
    execFileSync(command, rest, { stdio: ['ignore', 'inherit', 'inherit'] });
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'firefox-esr']);
  if (!existsSync(path)) {
    console.error('apt-get finished but no firefox-esr binary was found.');
    process.exit(1);
  }
}
console.log(path);
