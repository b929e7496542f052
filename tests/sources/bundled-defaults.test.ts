import { describe, expect, it } from 'vitest';
import { Diagnostics, EXIT_INTERNAL, InternalError } from '../../src/errors.js';
import { readPositionCodes } from '../../src/sources/absence/position-codes.js';
import { readAcceptanceCriteria } from '../../src/sources/acceptance-criteria/read.js';
import type { SourceContext } from '../../src/sources/context.js';
import { memoryFileSystem } from '../../src/workspace/files.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { memoryWorkspace } from '../support/helpers.js';

/** A source's context whose package folder holds only the given bundled files. */
function withBundled(files: Record<string, string>): SourceContext {
  const pkg = Object.fromEntries(Object.entries(files).map(([path, text]) => [`/pkg/${path}`, text]));
  return {
    workspace: memoryWorkspace({}),
    bundled: new Workspace('/pkg', memoryFileSystem(pkg)),
    year: 2025,
    diagnostics: new Diagnostics(),
  } as unknown as SourceContext;
}

/** A broken default of the package is the tool's defect, not the user's: exit 70, and the file named. */
describe('the bundled defaults', () => {
  it('stop the run as an internal error when the acceptance criteria are invalid', async () => {
    const read = readAcceptanceCriteria(withBundled({ 'templates/acceptance-criteria.yaml': 'criteria: 12\n' }));
    await expect(read).rejects.toBeInstanceOf(InternalError);
    await expect(read).rejects.toMatchObject({
      exitCode: EXIT_INTERNAL,
      message: expect.stringContaining('bundled templates/acceptance-criteria.yaml is invalid'),
    });
  });

  it('stop the run as an internal error when the acceptance criteria are missing', async () => {
    await expect(readAcceptanceCriteria(withBundled({}))).rejects.toMatchObject({
      exitCode: EXIT_INTERNAL,
      message: expect.stringContaining('bundled templates/acceptance-criteria.yaml cannot be read'),
    });
  });

  it('stop the run as an internal error when the position codes are missing', async () => {
    const read = readPositionCodes(withBundled({}));
    await expect(read).rejects.toBeInstanceOf(InternalError);
    await expect(read).rejects.toMatchObject({
      exitCode: EXIT_INTERNAL,
      message: expect.stringContaining('bundled templates/position-codes.csv cannot be read'),
    });
  });
});
