import ExcelJS from 'exceljs';
import { Diagnostics, formatDiagnostic } from '../src/errors.js';
import { memoryFileSystem } from '../src/workspace/files.js';
import { Workspace } from '../src/workspace/workspace.js';

/** A workspace held in memory: keys are paths relative to its root. */
export function memoryWorkspace(files: Record<string, string | Uint8Array>): Workspace {
  const rooted = Object.fromEntries(Object.entries(files).map(([path, contents]) => [`/ws/${path}`, contents]));
  return new Workspace('/ws', memoryFileSystem(rooted));
}

/** Bytes of text in Windows-1252 (only Latin-1 range characters are needed here). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (code > 0xff) throw new Error(`no Windows-1252 byte for ${c} in this helper`);
    return code;
  }));
}

export async function xlsxBytes(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ark1');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function lines(diagnostics: Diagnostics): string[] {
  return diagnostics.items.map(formatDiagnostic);
}
