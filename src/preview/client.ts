/**
 * What the preview adds to the report it serves: a "PDF" link, an overlay for
 * the workspace's problems, and a script that listens to the server's events
 * and reloads the page when the report changes (keeping the scroll position).
 * None of it is in report.html or the PDF.
 */

export const EVENTS_PATH = '/__preview/events';
export const PDF_PATH = '/report.pdf';

const STYLE = `
#hms-preview-bar{position:fixed;top:.5rem;right:.5rem;z-index:2147483646;display:flex;gap:.5rem;font:600 14px/1.2 system-ui,sans-serif}
#hms-preview-bar a{background:#1f3a5f;color:#fff;padding:.35rem .7rem;border-radius:4px;text-decoration:none}
#hms-preview-overlay{position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff5f5;color:#5c0000;border-top:4px solid #b00020;padding:1rem 1.5rem;font:14px/1.45 ui-monospace,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.25)}
#hms-preview-overlay[hidden]{display:none}
#hms-preview-overlay h2{font:700 16px/1.3 system-ui,sans-serif;margin:0 0 .5rem}
#hms-preview-overlay ol{margin:0;padding-left:1.5rem}
#hms-preview-overlay li{white-space:pre-wrap}
@media print{#hms-preview-bar,#hms-preview-overlay{display:none}}
`;

/** The script, run in the page: `version` is the report it shows. */
function client(version: number, eventsPath: string): void {
  const overlay = document.getElementById('hms-preview-overlay')!;
  // For scripts that watch the page (bench/preview-bench.mjs): which report it shows.
  document.documentElement.dataset.previewVersion = String(version);
  const key = 'hms-preview-scroll';
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.scrollTo(0, Number(saved));
  }
  const events = new EventSource(eventsPath);
  events.addEventListener('state', (event) => {
    const state = JSON.parse((event as MessageEvent<string>).data) as { version: number; problems: string[] };
    if (state.version !== version) {
      sessionStorage.setItem(key, String(window.scrollY));
      events.close();
      location.reload();
      return;
    }
    const list = overlay.querySelector('ol')!;
    list.replaceChildren(
      ...state.problems.map((line) => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
      }),
    );
    overlay.querySelector('h2')!.textContent =
      state.problems.length === 1
        ? 'The workspace has a problem; the page shows the last valid report.'
        : `The workspace has ${state.problems.length} problems; the page shows the last valid report.`;
    overlay.hidden = state.problems.length === 0;
  });
}

/** The preview's additions, placed just before </body>. */
export function previewAdditions(version: number): string {
  return `<style id="hms-preview-style">${STYLE}</style>
<div id="hms-preview-bar"><a href="${PDF_PATH}" target="_blank" rel="noopener">PDF</a></div>
<section id="hms-preview-overlay" role="alert" aria-live="assertive" hidden><h2></h2><ol></ol></section>
<script>(${client.toString()})(${JSON.stringify(version)}, ${JSON.stringify(EVENTS_PATH)});</script>
`;
}

/**
 * The report's own policy, widened for the preview alone: its inline script
 * may run and listen to this server's events; everything else stays forbidden.
 */
const PREVIEW_POLICY =
  "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** The report with the preview's additions. */
export function withPreview(html: string, version: number): string {
  const page = html.replace(
    /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_POLICY}">`,
  );
  const at = page.lastIndexOf('</body>');
  const additions = previewAdditions(version);
  return at < 0 ? page + additions : page.slice(0, at) + additions + page.slice(at);
}

/** The page before the workspace has ever been valid: only the problems. */
export function placeholderPage(year: number): string {
  return withPreview(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>HMS report ${year}: preview</title></head><body><main><h1>HMS report ${year}</h1><p>No valid report yet: fix the problems below and the page will show it.</p></main></body></html>`,
    0,
  );
}
