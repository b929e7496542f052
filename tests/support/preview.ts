import { processIo, type CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { testPrinterAccess } from './browser.js';

/** `hms-report preview` run as the CLI runs it, stopped by resolving `stop`. */
export async function startPreview(args: string[]) {
  let stdout = '';
  let stderr = '';
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const io: CliIo = {
    ...processIo,
    // report.pdf is printed through the worker's Chromium rather than one of its own.
    browser: testPrinterAccess,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    interrupted: () => stopped,
    openUrl: () => {
      throw new Error('preview opened a browser without --open');
    },
  };
  const status = run(['preview', ...args, '--port', '0'], io);
  const url = await poll(
    async () => /http:\/\/[^\s]+/.exec(stdout)?.[0],
    60_000,
    () => `no address; stderr:\n${stderr}`,
  );
  return {
    url,
    output: () => stderr,
    async close() {
      stop();
      return status;
    },
  };
}

/** Polls until `check` gives a value, or fails after `timeout` ms saying `what`. */
export async function poll<T>(
  check: () => Promise<T | undefined | false>,
  timeout: number,
  what: () => string,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
