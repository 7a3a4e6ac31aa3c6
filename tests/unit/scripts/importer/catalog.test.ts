import { describe, expect, it } from 'vitest';
import {
  CatalogError,
  parseCatalog,
  resolveTool,
  type ToolCatalog,
} from '../../../../scripts/importer/catalog';
import { readRepoFile } from './shared-page';

const CATALOG = parseCatalog(JSON.parse(readRepoFile('data/tools.json')));

const tool = (id: string, name: string, aliases: string[] = []) => ({
  id,
  name,
  aliases,
  match: { github: [], huggingface: [], domains: [] },
});

describe('data/tools.json', () => {
  it('maps Cursor to cursor.com and ml-intern to github huggingface/ml-intern', () => {
    expect(resolveTool('Cursor', CATALOG)?.match).toEqual({
      github: [],
      huggingface: [],
      domains: ['cursor.com'],
    });
    expect(resolveTool('ml-intern', CATALOG)?.match).toEqual({
      github: ['huggingface/ml-intern'],
      huggingface: [],
      domains: [],
    });
  });
});

describe('resolveTool', () => {
  it.each([
    ['Cursor v0.50 – Background Agent & Codebase Refactoring', 'cursor'],
    ['cursor', 'cursor'],
    ['  CURSOR  ', 'cursor'],
    ['Cursor 2.0', 'cursor'],
    ['Cursor v1', 'cursor'],
    ['Cursor - Tab completion', 'cursor'],
    ['Cursor — Agents', 'cursor'],
    ['Cursor: the AI editor', 'cursor'],
    ['Cursor (beta)', 'cursor'],
    ['ML Intern', 'ml-intern'],
    ['ml-intern v0.2', 'ml-intern'],
  ])('%s → %s', (name, id) => {
    expect(resolveTool(name, CATALOG)?.id).toBe(id);
  });

  it.each(['Cursorify', 'Cursor Rules Generator', 'Cursor2', 'ml-intern-pro', 'Windsurf'])(
    '%s is not a known tool',
    (name) => {
      expect(resolveTool(name, CATALOG)).toBeUndefined();
    },
  );

  it('prefers the longest matching name', () => {
    const catalog: ToolCatalog = {
      tools: [tool('cursor', 'Cursor'), tool('cursor-agent', 'Cursor Agent')],
    };
    expect(resolveTool('Cursor Agent v2', catalog)?.id).toBe('cursor-agent');
    expect(resolveTool('Cursor v2', catalog)?.id).toBe('cursor');
  });
});

describe('parseCatalog', () => {
  it('fills in missing aliases and normalizes domains', () => {
    const catalog = parseCatalog({
      tools: [{ id: 'x', name: 'X', match: { domains: ['X.com'] } }],
    });
    expect(catalog.tools[0]).toEqual({
      id: 'x',
      name: 'X',
      aliases: [],
      match: { github: [], huggingface: [], domains: ['x.com'] },
    });
  });

  it('rejects duplicate ids, shared names and bad match keys, listing each', () => {
    const bad = {
      tools: [
        tool('a', 'Alpha'),
        tool('a', 'Beta', ['alpha']),
        { ...tool('Bad Id', 'Gamma'), match: { github: ['not a repo'] } },
      ],
    };
    expect(() => parseCatalog(bad)).toThrow(CatalogError);
    try {
      parseCatalog(bad);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('tools[1].id: duplicate id "a"');
      expect(message).toContain('tools[2].id: must be a slug');
      expect(message).toContain('tools[2].match.github[0]: must be owner/repo');
    }
    // A name shared between two tools with different ids.
    expect(() =>
      parseCatalog({ tools: [tool('a', 'Alpha'), tool('b', 'Beta', ['ALPHA'])] }),
    ).toThrow(/tools\[1\]\.aliases: name "alpha" already belongs to tool "a"/);
  });
});
