import { describe, expect, it } from 'vitest';
import {
  domainKey,
  domainKeysForHost,
  githubKey,
  huggingfaceKey,
  toolMatchKeys,
} from '../../../lib/model/match-keys';
import { ToolMatchSchema } from '../../../lib/feed/schema';

describe('single keys', () => {
  it('lower-cases every kind', () => {
    expect(githubKey('HuggingFace/Transformers')).toBe('github:huggingface/transformers');
    expect(huggingfaceKey('Meta-Llama/Llama-3.1-8B')).toBe('hf:meta-llama/llama-3.1-8b');
    expect(huggingfaceKey('Datasets/HuggingFaceFW/FineWeb')).toBe(
      'hf:datasets/huggingfacefw/fineweb',
    );
    expect(huggingfaceKey('spaces/Org/App')).toBe('hf:spaces/org/app');
    expect(domainKey('Cursor.COM')).toBe('domain:cursor.com');
  });
});

describe('domainKeysForHost', () => {
  it.each([
    ['cursor.com', ['domain:cursor.com']],
    ['docs.cursor.com', ['domain:docs.cursor.com', 'domain:cursor.com']],
    ['www.cursor.com', ['domain:www.cursor.com', 'domain:cursor.com']],
    [
      'a.b.example.co.uk',
      [
        'domain:a.b.example.co.uk',
        'domain:b.example.co.uk',
        'domain:example.co.uk',
        'domain:co.uk',
      ],
    ],
    ['docs.cursor.com.', ['domain:docs.cursor.com', 'domain:cursor.com']],
    ['Docs.Cursor.COM', ['domain:docs.cursor.com', 'domain:cursor.com']],
    ['DOCS.cursor.com.', ['domain:docs.cursor.com', 'domain:cursor.com']],
  ])('%s → %j', (host, keys) => {
    expect(domainKeysForHost(host)).toEqual(keys);
  });

  it.each(['localhost', 'localhost.', ''])('gives no key for the dotless host %j', (host) => {
    expect(domainKeysForHost(host)).toEqual([]);
  });
});

describe('toolMatchKeys', () => {
  it('lists github, then Hugging Face, then domain keys, each normalized', () => {
    const match = ToolMatchSchema.parse({
      github: ['getcursor/Cursor'],
      huggingface: ['Org/Model', 'datasets/Org/Set', 'spaces/Org/Demo'],
      domains: ['Cursor.com', 'docs.cursor.com'],
    });
    expect(toolMatchKeys(match)).toEqual([
      'github:getcursor/cursor',
      'hf:org/model',
      'hf:datasets/org/set',
      'hf:spaces/org/demo',
      'domain:cursor.com',
      'domain:docs.cursor.com',
    ]);
  });

  it('gives no keys for an empty match', () => {
    expect(toolMatchKeys(ToolMatchSchema.parse({}))).toEqual([]);
  });
});
