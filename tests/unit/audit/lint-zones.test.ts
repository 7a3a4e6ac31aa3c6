import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint zones of eslint.config.js, probed: a file of each zone imports what must never reach
 * it (and what may), and ESLint must say so. A zone whose `files` stop matching, or whose rule is
 * overridden by a later config block, fails here.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

type Probe = [file: string, code: string, refused: boolean];

const PROBES: Probe[] = [
  // lens.js: DOM only.
  ['lib/content/zone-probe.ts', "import { useState } from 'react';", true],
  ['lib/content/zone-probe.ts', "import { createRoot } from 'react-dom/client';", true],
  ['lib/detect/zone-probe.ts', "import { z } from 'zod';", true],
  ['lib/content/zone-probe.ts', "import polyfill from 'webextension-polyfill';", true],
  ['lib/model/zone-probe.ts', "import Dexie from 'dexie';", true],
  ['lib/content/zone-probe.ts', "import { VerdictDb } from '../store/db';", true],
  ['lib/content/zone-probe.ts', "import type { ToolRow } from '../store/rows';", true],
  ['lib/content/zone-probe.ts', "import { FeedSchema } from '../feed/schema';", true],
  ['lib/content/zone-probe.ts', "import type { Feed } from '../feed/schema';", false],
  ['lib/content/zone-probe.ts', "import { loadSettings } from '../settings/storage';", true],
  ['lib/content/zone-probe.ts', "import { isSettingsChange } from '../settings/keys';", false],
  [
    'lib/content/zone-probe.ts',
    "import { RequestSchema } from '../messaging/request-schema';",
    true,
  ],
  ['lib/content/zone-probe.ts', "import { send } from '../messaging/protocol';", false],
  ['lib/content/zone-probe.ts', "import { useSettings } from '../ui/use-settings';", true],
  ['lib/content/zone-probe.ts', "import { Badge } from '../../components/popover/Badge';", true],
  ['lib/content/zone-probe.ts', "import { startBackground } from '../background/start';", true],
  ['lib/messaging/protocol.ts', "import { z } from 'zod';", true],
  ['lib/settings/keys.ts', "import { z } from 'zod';", true],
  ['entrypoints/lens.ts', "import { PopoverApp } from '../components/popover/PopoverApp';", true],
  [
    'lib/content/zone-probe.ts',
    "import { createIsolatedElement } from '@webext-core/isolated-element';",
    false,
  ],
  // Every lib file: no components, no Node.
  ['lib/ui/zone-probe.ts', "import { Badge } from '../../components/popover/Badge';", true],
  ['lib/feed/zone-probe.ts', "import { readFileSync } from 'node:fs';", true],
  ['lib/store/zone-probe.ts', "import { Badge } from '../../components/popover/Badge';", true],
  ['lib/background/zone-probe.ts', "import { useState } from 'react';", true],
  ['lib/background/zone-probe.ts', "import { useSettings } from '../ui/use-settings';", true],
  ['lib/store/zone-probe.ts', "import Dexie from 'dexie';", false],
  ['lib/background/zone-probe.ts', "import { VerdictDb } from '../store/db';", false],
  // Only the worker touches the store.
  ['lib/ui/zone-probe.ts', "import { VerdictDb } from '../store/db';", true],
  ['lib/settings/zone-probe.ts', "import Dexie from 'dexie';", true],
  ['lib/feed/zone-probe.ts', "import { syncFeed } from '../sync/sync-feed';", true],
  [
    'components/popup/ZoneProbe.tsx',
    "import { answerForTool } from '../../lib/store/answers';",
    true,
  ],
  ['components/popup/ZoneProbe.tsx', "import Dexie from 'dexie';", true],
  [
    'components/popup/ZoneProbe.tsx',
    "import { startBackground } from '../../lib/background/start';",
    true,
  ],
  ['entrypoints/popup/zone-probe.tsx', "import { VerdictDb } from '../../lib/store/db';", true],
  ['components/popup/ZoneProbe.tsx', "import { send } from '../../lib/messaging/protocol';", false],
  ['components/popup/ZoneProbe.tsx', "import { useState } from 'react';", false],
  ['entrypoints/background.ts', "import { useState } from 'react';", true],
  [
    'entrypoints/background.ts',
    "import { startBackground } from '../lib/background/start';",
    false,
  ],
];

describe('lint zones', () => {
  it.each(PROBES)('%s: %s → refused %s', async (file, code, refused) => {
    const messages = await restrictedImports(file, code);
    if (refused) expect(messages).toHaveLength(1);
    else expect(messages).toEqual([]);
  });
});
