// What a bench ran on, printed with its figures: they mean little without it.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export function machine() {
  let chromium = '';
  try {
    chromium = execFileSync(process.env.HMS_REPORT_CHROMIUM ?? 'chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    chromium = 'no chromium on PATH';
  }
  const cpu = cpus();
  return [
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${process.platform}`,
    `Node ${process.version}; ${chromium}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ].join('\n');
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
