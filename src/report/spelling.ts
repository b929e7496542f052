import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Diagnostic } from '../errors.js';

/**
 * A spelling check of the narrative: every bokmål word of the text that the
 * Norwegian Bokmål dictionary for cspell (@cspell/dict-nb-no, maintained with
 * cspell) does not know becomes a warning at its FILE:LINE, with the
 * dictionary's suggestions. Names and terms go in a word list: the bundled
 * templates/ordliste.txt and the workspace's own ordliste.txt, one word a line.
 *
 * What is checked is the prose a reader sees: placeholders, links' targets,
 * HTML tags, footnote labels, addresses and code are left out; so are
 * abbreviations in capitals (HMS, NTNU), words with digits, and single
 * letters. A compound the dictionary does not list is accepted when it is
 * made of words it does (arbeidsmiljø + mål, sykefravær + s + oppfølging),
 * as Norwegian makes them freely; a misspelling that happens to be such a
 * compound is not found — no dictionary check finds every typo.
 */

export interface SpellingFile {
  /** Path shown in messages, relative to the workspace. */
  file: string;
  text: string;
  /** YAML: only the values after `key:` and `- ` are prose. */
  yaml?: boolean;
}

interface Dictionary {
  has(word: string): boolean;
  suggest(word: string): string[];
}

/** At most this many unknown words get suggestions: each costs a search of the dictionary. */
const MAX_SUGGESTED = 40;

let dictionary: Promise<Dictionary> | undefined;

function loadDictionary(): Promise<Dictionary> {
  dictionary ??= (async () => {
    const { decodeTrie } = await import('cspell-trie-lib');
    const require = createRequire(import.meta.url);
    // The package exports only its cspell settings; the word list (a cspell trie) lies beside them.
    const settings = require.resolve('@cspell/dict-nb-no/cspell-ext.json');
    const trie = decodeTrie(gunzipSync(readFileSync(join(dirname(settings), 'nb.trie.gz'))));
    return {
      has: (word) => trie.has(word),
      suggest: (word) => trie.suggest(word, { numSuggestions: 3 }),
    };
  })();
  return dictionary;
}

/** A word list file's words: one a line, `#` starts a comment. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

/** The prose of a line of Markdown with Handlebars, with what is not prose blanked out. */
function proseOf(line: string, yaml: boolean): string {
  let text = line;
  if (yaml) {
    // Comments and identifiers (`id: hr-hms`, `plan: linjen`) are not prose.
    if (/^\s*(?:#|(?:-\s+)?(?:id|plan):)/.test(text)) return '';
    text = text.replace(/^\s*(?:-\s+)?(?:[\w-]+:)?/, ' ');
    text = text.replace(/\{\s*\w+:/g, ' ').replace(/,\s*\w+:/g, ' ');
  }
  return (
    text
      .replace(/\{\{(?:[^}]|\}(?!\}))*\}\}\}?/g, ' ')
      // File names and paths: "whistleblowing.csv", ".xlsx", "survey/<år>.csv" (not "og/eller").
      .replace(/\S*\.(?:csv|xlsx|ya?ml|md|json|txt|svg|png)\b|\S*\/\S*[.&]\S*/gi, ' ')
      .replace(/\]\([^)]*\)/g, ' ')
      .replace(/\[\^[^\]]*\]:?/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/`[^`]*`/g, ' ')
      .replace(/\S*(?:https?:\/\/|www\.|@)\S*/g, ' ')
      .replace(/&[#\w]+;/g, ' ')
  );
}

/** Is this a word the check should look up at all? */
function isCheckable(word: string): boolean {
  if (word.length < 2) return false;
  if (/\d/.test(word)) return false;
  // Abbreviations and codes: HMS, NTNU, LAMU, IV-fak; a capital after the first letter (ArbeidsmiljøNett) is a name.
  if (/\p{Lu}/u.test(word.slice(1))) return false;
  return true;
}

/** The last check, by what it checked: validate and build, and the tests, check the same narrative again and again. */
let lastCheck: { key: string; diagnostics: readonly Diagnostic[] } | undefined;

export async function checkSpelling(
  files: readonly SpellingFile[],
  wordList: readonly string[],
): Promise<Diagnostic[]> {
  if (files.length === 0) return [];
  const key = JSON.stringify([files, wordList]);
  if (lastCheck?.key !== key) lastCheck = { key, diagnostics: await check(files, wordList) };
  return [...lastCheck.diagnostics];
}

async function check(files: readonly SpellingFile[], wordList: readonly string[]): Promise<Diagnostic[]> {
  const dict = await loadDictionary();
  const own = new Set(wordList.map((w) => w.toLowerCase()));
  const known = new Map<string, boolean>();
  const isWord = (word: string): boolean => {
    const lower = word.toLowerCase();
    let result = known.get(word);
    if (result === undefined) {
      result =
        own.has(lower) || dict.has(word) || dict.has(lower) || isCompound(lower, dict.has.bind(dict), 3) || false;
      known.set(word, result);
    }
    return result;
  };
  const diagnostics: Diagnostic[] = [];
  const suggestions = new Map<string, string[]>();
  for (const { file, text, yaml } of files) {
    text.split(/\r?\n/).forEach((line, index) => {
      // Words with letters, joined by hyphens or an apostrophe; each part of "HMS-oppfølging" is looked up.
      const prose = proseOf(line, yaml ?? false);
      for (const match of prose.matchAll(/\p{L}+(?:['’-]\p{L}+)*/gu)) {
        const whole = match[0];
        if (own.has(whole.toLowerCase())) continue;
        // "Lærings- og arbeidsmiljø", "HR- og HMS-avdelingen": a
        // first part of a compound, perhaps with its linking s or e.
        const suspended = prose.charAt(match.index + whole.length) === '-';
        const parts = whole.split(/['’-]/);
        for (const [at, part] of parts.entries()) {
          if (!isCheckable(part) || isWord(part)) continue;
          if (suspended && at === parts.length - 1 && /[se]$/.test(part) && isWord(part.slice(0, -1))) continue;
          let suggested = suggestions.get(part.toLowerCase());
          if (suggested === undefined && suggestions.size < MAX_SUGGESTED) {
            suggested = dict.suggest(part.toLowerCase());
            suggestions.set(part.toLowerCase(), suggested);
          }
          diagnostics.push({
            severity: 'warning',
            file,
            row: index + 1,
            message: unknownWord(part, suggested ?? []),
          });
        }
      }
    });
  }
  return diagnostics;
}

function unknownWord(word: string, suggestions: readonly string[]): string {
  const hint = suggestions.length > 0 ? `: did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  return `"${word}" is not in the bokmål dictionary${hint} (a name or term the report uses goes in ordliste.txt)`;
}

/**
 * A compound of dictionary words, each at least three letters, with an
 * optional linking "s" or "e" between them: "arbeidsmiljø|mål",
 * "sykefravær|s|oppfølging". At most `parts` words.
 */
function isCompound(word: string, has: (w: string) => boolean, parts: number): boolean {
  if (parts < 2) return false;
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const head = word.slice(0, cut);
    if (!has(head)) continue;
    for (const link of ['', 's', 'e']) {
      if (link && word[cut] !== link) continue;
      const tail = word.slice(cut + link.length);
      if (tail.length < 3) continue;
      if (has(tail) || isCompound(tail, has, parts - 1)) return true;
    }
  }
  return false;
}

/** What the check needs from a workspace; the pipeline's Workspace has it. */
interface WorkspaceFiles {
  exists(relative: string): Promise<boolean>;
  readText(relative: string): Promise<string>;
}

/**
 * Checks the narrative a report is built from: its Markdown files (the
 * workspace's or the bundled default) and content/<year>/handlingsplan.yaml,
 * against the dictionary, the bundled word list and the workspace's, with
 * `check`: checkSpelling, or checkSpellingOnThread.
 */
export async function checkNarrativeSpelling(
  workspace: WorkspaceFiles,
  year: number,
  content: readonly { file: string; text: string }[],
  bundledWordList: string,
  ownWordList: string,
  check: typeof checkSpelling,
): Promise<Diagnostic[]> {
  const files: SpellingFile[] = [...content];
  const plan = `content/${year}/handlingsplan.yaml`;
  if (await workspace.exists(plan)) files.push({ file: plan, text: await workspace.readText(plan), yaml: true });
  return check(files, [...parseWordList(bundledWordList), ...parseWordList(ownWordList)]);
}
