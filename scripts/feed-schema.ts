// Writes docs/*.schema.json from the zod schemas in lib/feed/schema.ts and lib/feed/v2/schema.ts.
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILES } from './feed-json-schema';

for (const [name, text] of Object.entries(SCHEMA_FILES)) {
  writeFileSync(new URL(`../docs/${name}`, import.meta.url), text());
  console.log(`wrote docs/${name}`);
}
