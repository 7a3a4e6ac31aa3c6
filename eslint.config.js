import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Where code runs decides what it may import (docs/architecture.md). Each zone lists the files
 * that run in one place and the imports that must never reach them; tests/unit/audit/lint-zones
 * holds a probe for every rule, so a zone that stops matching fails `npm test`.
 */
const NODE_BUILTINS = { regex: '^node:', message: 'Node built-ins belong in scripts/.' };
const COMPONENTS = {
  regex: '(^|/)components(/|$)',
  message: 'lib/ does not import components/: React surfaces import lib, not the other way.',
};
const REACT = {
  regex: '^react(-dom)?(/|$)',
  message: 'lens.js is DOM only: React comes with the popover script (components/popover).',
};
const ZOD = {
  regex: '^zod(/|$)',
  message: 'lens.js carries no validator: the background checks every message.',
};
const POLYFILL = {
  regex: '^webextension-polyfill$',
  message: 'lens.js uses the browser’s own promise API (wxt/browser), not the polyfill.',
};
const DEXIE = {
  regex: '^dexie(/|$)',
  message: 'Only the background worker opens IndexedDB (lib/store, lib/background).',
};
const STORE = {
  regex: '(^|/)store(/|$)',
  message: 'Only the background worker touches the store; ask it by message (lib/messaging).',
};
const WORKER_ONLY = {
  regex: '(^|/)(background|sync)(/|$)',
  message: 'lib/background and lib/sync run in the worker only.',
};
const FEED_SCHEMA = {
  regex: '(^|/)feed/(ids|schema|validate)$',
  allowTypeImports: true,
  message: 'The feed schema is zod: lens.js may name its types only (import type).',
};
const PAGE_SIDE = {
  regex: '(^|/)(ui/|settings/(schema|storage)$|messaging/(request-schema|sender-policy)$)',
  message: 'lens.js gets settings keys from settings/keys and messages from messaging/protocol.',
};
const UI_FOLDER = {
  regex: '(^|/)ui/',
  message: 'lib/ui is for React surfaces.',
};
const restrict = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

/** Files that end up in lens.js, the always-on detection script. */
export const LENS_FILES = [
  'entrypoints/lens.ts',
  'lib/content/**',
  'lib/detect/**',
  'lib/sites/**',
  'lib/model/**',
  'lib/messaging/protocol.ts',
  'lib/settings/keys.ts',
];

const WORKER_FILES = ['lib/store/**', 'lib/background/**', 'lib/sync/**'];

/**
 * Disjoint groups of files (a file's rule options come from one group only: flat config does not
 * merge two groups' options for the same rule, the later would win).
 */
export const ZONES = [
  {
    name: 'lens.js',
    files: LENS_FILES,
    patterns: [
      REACT,
      ZOD,
      POLYFILL,
      DEXIE,
      STORE,
      WORKER_ONLY,
      FEED_SCHEMA,
      PAGE_SIDE,
      COMPONENTS,
      NODE_BUILTINS,
    ],
  },
  {
    name: 'the worker',
    files: WORKER_FILES,
    patterns: [REACT, COMPONENTS, UI_FOLDER, NODE_BUILTINS],
  },
  {
    name: 'lib shared by pages and the worker',
    files: ['lib/**'],
    ignores: [...LENS_FILES, ...WORKER_FILES],
    patterns: [COMPONENTS, DEXIE, STORE, WORKER_ONLY, NODE_BUILTINS],
  },
  {
    name: 'React surfaces',
    files: ['components/**', 'entrypoints/**'],
    ignores: ['entrypoints/lens.ts', 'entrypoints/background.ts'],
    patterns: [DEXIE, STORE, WORKER_ONLY, NODE_BUILTINS],
  },
  {
    name: 'the worker entrypoint',
    files: ['entrypoints/background.ts'],
    patterns: [REACT, COMPONENTS, NODE_BUILTINS],
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Feed data is text: no innerHTML.',
        },
        {
          selector: "MemberExpression[property.name='outerHTML']",
          message: 'Feed data is text: no outerHTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No HTML sinks.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No HTML sinks.',
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...ZONES.map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: restrict(...patterns),
  })),
  {
    // React code only: Playwright fixtures also call a function named `use`.
    files: ['components/**', 'entrypoints/**', 'lib/ui/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
