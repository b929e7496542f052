import { fileURLToPath } from 'node:url';

/**
 * The package's own folder (beside dist/ and src/): its templates/ hold the bundled defaults and the report's layout.
 */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
