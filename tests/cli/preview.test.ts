import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../support/preview.js';

/** Sends a request exactly as written (no URL normalisation) and returns the status line and body. */
function rawRequest(url: string, target: string, host?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.end(`GET ${target} HTTP/1.1\r\nHost: ${host ?? `${hostname}:${port}`}\r\nConnection: close\r\n\r\n`);
    });
    let response = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (response += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
      resolve({ status, body: response.slice(response.indexOf('\r\n\r\n') + 4) });
    });
  });
}

describe('what the preview server answers', () => {
  let preview: Awaited<ReturnType<typeof startPreview>>;
  let workspace: string;

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'hms-preview-min-'));
    mkdirSync(join(workspace, 'content/2025'), { recursive: true });
    writeFileSync(
      join(workspace, 'units.csv'),
      'unit_id;name;parent_id;reporting;first_year;last_year\nF;Fakultet;;ja;;\n',
    );
    writeFileSync(join(workspace, 'content/2025/01.md'), '# Rapport\n\nHei.\n');
    writeFileSync(join(workspace, 'secret.txt'), 'not for the browser');
    preview = await startPreview(['2025', '--data', workspace]);
  });

  afterAll(async () => {
    expect(await preview?.close()).toBe(0);
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(preview.url).hostname).toBe('127.0.0.1');
    const { port } = new URL(preview.url);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && address.family === 'IPv4' && !address.internal);
    for (const address of others) {
      await expect(
        new Promise((resolve, reject) => {
          const socket = connect(Number(port), address!.address, () => resolve(socket.destroy()));
          socket.on('error', reject);
        }),
      ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });

  it('serves the report, and refuses every path outside it', async () => {
    const report = await rawRequest(preview.url, '/');
    expect(report.status).toBe(200);
    expect(report.body).toContain('Hei.');
    for (const target of [
      '/../../etc/passwd',
      '/etc/passwd',
      '//etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2E%2E%5C%2E%2E%5Cetc%5Cpasswd',
      `/${workspace}/secret.txt`,
      '/secret.txt',
      '/units.csv',
      '/content/',
      '/content/2025/01.md',
      'http://127.0.0.1/etc/passwd',
    ]) {
      const answer = await rawRequest(preview.url, target);
      expect([400, 404], target).toContain(answer.status);
      expect(answer.body, target).not.toMatch(/root:|not for the browser|unit_id|Hei\./);
    }
  });

  it('answers only to its own host name', async () => {
    const answer = await rawRequest(preview.url, '/', 'attacker.example:80');
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('Hei.');
  });
});
