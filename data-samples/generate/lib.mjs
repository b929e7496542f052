// Shared helpers for the sample generators: a seeded random source and
// writers for CSV (any delimiter and encoding) and XLSX.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const SAMPLES = fileURLToPath(new URL('..', import.meta.url));

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

// Node's 'windows-1252' decoder reads 0x80–0x9F as Latin-1; those bytes are spelt out here.
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const WIN1252 = new Map([...Array(256).keys()].map((b) => [b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : String.fromCharCode(b), b]));

/**
 * Writes rows (arrays) as CSV. options: delimiter (';'), quoteAll (false),
 * encoding ('utf-8' | 'utf-8-bom' | 'windows-1252'), eol ('\r\n').
 */
export function writeCsv(relative, header, rows, options = {}) {
  const { delimiter = ';', quoteAll = false, encoding = 'utf-8', eol = '\r\n' } = options;
  const field = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return quoteAll || /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = [header, ...rows].map((row) => row.map(field).join(delimiter)).join(eol) + eol;
  let bytes;
  if (encoding === 'windows-1252') {
    bytes = Uint8Array.from([...text].map((c) => {
      const b = WIN1252.get(c);
      if (b === undefined) throw new Error(`cannot write ${c} in Windows-1252`);
      return b;
    }));
  } else {
    bytes = new TextEncoder().encode((encoding === 'utf-8-bom' ? '\ufeff' : '') + text);
  }
  write(relative, bytes);
}

/** Writes rows as the first sheet of a workbook; Date values become real Excel dates. */
export async function writeXlsx(relative, header, rows, options = {}) {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates keep the file byte-identical between runs.
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
  workbook.creator = 'hms-report sample generator';
  const sheet = workbook.addWorksheet(options.sheet ?? 'Ark1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  header.forEach((_, i) => {
    const column = sheet.getColumn(i + 1);
    if (rows.some((r) => r[i] instanceof Date)) column.numFmt = options.dateFormat ?? 'dd.mm.yyyy';
  });
  write(relative, await withFixedEntryDates(await workbook.xlsx.writeBuffer()));
}

/**
 * Writes a workbook of several sheets, each a list of rows written as they
 * are from row 1 (title rows, a header, data, a sum row: a report centre's layout).
 */
export async function writeWorkbook(relative, sheets) {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
  workbook.creator = 'hms-report sample generator';
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  write(relative, await withFixedEntryDates(await workbook.xlsx.writeBuffer()));
}

/** exceljs stamps each zip entry with the current time; a fixed one keeps the samples byte-identical between runs. */
async function withFixedEntryDates(raw) {
  const date = new Date(Date.UTC(2026, 0, 1));
  const zip = await JSZip.loadAsync(raw);
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (!entry.dir) fixed.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * The samples' exports in the data contract's own form, for the tests that
 * break one file at a time (tests/fixtures/contract-samples/): the same facts
 * the samples give through imports.yaml.
 */
export function writeContractCsv(relative, header, rows, options) {
  writeCsv(join('..', 'tests', 'fixtures', 'contract-samples', relative), header, rows, options);
}

function write(relative, bytes) {
  const target = join(SAMPLES, relative);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}
