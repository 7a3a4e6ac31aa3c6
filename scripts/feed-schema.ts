// Writes docs/feed.schema.json from the zod schema in lib/feed/schema.ts.
import { writeFileSync } from 'node:fs';
import { feedJsonSchemaText } from './feed-json-schema';

writeFileSync(new URL('../docs/feed.schema.json', import.meta.url), feedJsonSchemaText());
console.log('wrote docs/feed.schema.json');
