import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Which Chromium prints the PDF. No browser is downloaded: the user's system
 * Chromium (or Chrome) is used, found in this order, the first that exists:
 * HMS_REPORT_CHROMIUM, PUPPETEER_EXECUTABLE_PATH, the Debian/Ubuntu and
 * Google Chrome paths, then a browser puppeteer itself downloaded earlier.
 */

export type BrowserSearch =
  | { found: true; path: string }
  /** `explicit` names a path the user set that does not exist, so the message can say so. */
  | { found: false; explicit?: { variable: string; path: string } };

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** File-system look-ups the search needs, so tests can describe a machine. */
export interface BrowserProbe {
  isExecutable(path: string): boolean;
  /** Entry names of a folder, [] when it does not exist. */
  list(dir: string): string[];
  home: string;
}

const nodeProbe: BrowserProbe = {
  isExecutable(path) {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  home: homedir(),
};

export function findBrowser(env: Record<string, string | undefined>, probe: BrowserProbe = nodeProbe): BrowserSearch {
  for (const variable of ['HMS_REPORT_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH']) {
    const path = env[variable]?.trim();
    if (!path) continue;
    // A path the user set on purpose is never silently replaced by another browser.
    return probe.isExecutable(path) ? { found: true, path } : { found: false, explicit: { variable, path } };
  }
  for (const path of [...SYSTEM_PATHS, ...puppeteerCache(probe)]) {
    if (probe.isExecutable(path)) return { found: true, path };
  }
  return { found: false };
}

/** Browsers in puppeteer's cache (~/.cache/puppeteer/<product>/<platform>-<version>/…), newest version first. */
function puppeteerCache(probe: BrowserProbe): string[] {
  const root = join(probe.home, '.cache', 'puppeteer');
  const layouts: [string, string[]][] = [
    [
      'chrome',
      [
        'chrome-linux64/chrome',
        'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        'chrome-win64/chrome.exe',
      ],
    ],
    [
      'chrome-headless-shell',
      [
        'chrome-headless-shell-linux64/chrome-headless-shell',
        'chrome-headless-shell-mac-arm64/chrome-headless-shell',
        'chrome-headless-shell-mac-x64/chrome-headless-shell',
        'chrome-headless-shell-win64/chrome-headless-shell.exe',
      ],
    ],
  ];
  const paths: string[] = [];
  for (const [product, executables] of layouts) {
    const versions = probe.list(join(root, product)).sort(compareVersionsDescending);
    for (const version of versions) {
      for (const executable of executables) paths.push(join(root, product, version, executable));
    }
  }
  return paths;
}

/** "linux-131.0.6778.85" before "linux-99.0.1": numeric, not lexical. */
function compareVersionsDescending(a: string, b: string): number {
  const parts = (name: string) => (name.split('-').pop() ?? '').split('.').map(Number);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (diff) return diff;
  }
  return b.localeCompare(a, 'en');
}
