// Lint: typescript-eslint's recommended rules, Prettier for layout, and the
// layering of ARCHITECTURE.md: an import may only point down the phases.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layers, top to bottom; a file belongs to the first whose pattern it matches. */
const LAYERS = [
  { type: 'cli', pattern: 'src/cli/**' },
  {
    type: 'command',
    pattern: ['src/pipeline.ts', 'src/feedback.ts', 'src/init/**', 'src/diff/**', 'src/inspect/**', 'src/preview/**'],
  },
  { type: 'registry', pattern: ['src/sources/registry.ts', 'src/sources/descriptor.ts', 'src/sources/*/index.ts'] },
  { type: 'report', pattern: ['src/report/**', 'src/sources/*/report.ts'] },
  { type: 'metrics', pattern: ['src/metrics/**', 'src/sources/*/metrics.ts'] },
  { type: 'sources', pattern: 'src/sources/**' },
  { type: 'workspace', pattern: 'src/workspace/**' },
  {
    type: 'shared',
    pattern: ['src/errors.ts', 'src/messages.ts', 'src/json.ts', 'src/output.ts', 'src/text-cache.ts'],
  },
];
const ORDER = LAYERS.map((layer) => layer.type);
/** Each layer may import itself, every layer below it, and the shared modules. */
const DOWNWARD = ORDER.map((type, index) => ({ from: type, allow: [...ORDER.slice(index), 'shared'] }));

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'bench/tmp/', 'coverage/', 'data-samples/generate/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map((layer) => ({ ...layer, mode: 'full' })),
      'boundaries/include': ['src/**/*.ts'],
      // Without this only import declarations count, and a re-export or an import() could still reach upwards.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      // A type written as `typeof import('…')` depends on that module as much as an import type does.
      'boundaries/additional-dependency-nodes': [{ selector: 'TSImportType > Literal.source', kind: 'type' }],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} must not import ${dependency.type}: imports point down the phases (ARCHITECTURE.md)',
          rules: DOWNWARD,
        },
      ],
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read metrics.json back as loose JSON.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
  {
    // Prettier wraps code at 120 but leaves comments as written; texts (the message catalogue, HTML) stay whole so
    // they can be searched for. Set after eslint-config-prettier, which turns max-len off.
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
);
