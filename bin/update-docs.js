#!/usr/bin/env node
// Regenerates the parts of docs/ that come from the code: `npm run docs` (after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { withColumns } from '../dist/init/columns-doc.js';
import { workspaceTables } from '../dist/sources/registry.js';

const file = new URL('../docs/workspace.md', import.meta.url);
writeFileSync(file, withColumns(readFileSync(file, 'utf8'), workspaceTables()));
