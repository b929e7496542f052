import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatDiagnostic } from '../errors.js';
import { messages } from '../messages.js';
import { firstLine, printReport, type PdfBuildOptions } from '../report/pdf/index.js';
import { EVENTS_PATH, PDF_PATH, placeholderPage, withPreview } from './client.js';
import type { PreviewSession } from './session.js';

/** The only host the server listens on: the report may hold personal data, so never all interfaces. */
export const LOOPBACK = '127.0.0.1';

/**
 * The preview's HTTP server. It answers a fixed set of paths — the report
 * (`/`), its PDF printed on demand, and the event stream that tells the page
 * to reload — and nothing else: no file is served by its path, so no request
 * can reach outside the report, and there are no listings.
 */
export class PreviewServer {
  private readonly server: Server;
  private readonly streams = new Set<ServerResponse>();
  private pdf: { version: number; bytes: Promise<Uint8Array> } | null = null;
  private port = 0;

  constructor(
    private readonly session: PreviewSession,
    private readonly pdfOptions: PdfBuildOptions,
  ) {
    this.server = createServer((request, response) => {
      this.answer(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, 'text/plain', `${firstLine(error)}\n`);
        else response.destroy();
      });
    });
  }

  /** Listens on 127.0.0.1 (port 0: any free port) and returns the address to open. */
  listen(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, LOOPBACK, () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve(`http://${LOOPBACK}:${this.port}/`);
      });
    });
  }

  /** Tells every open page the report's version and the workspace's problems. */
  publish(): void {
    for (const stream of this.streams) stream.write(this.stateEvent());
  }

  /** Ends the event streams and every open connection, then the server. */
  async close(): Promise<void> {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    await this.pdf?.bytes.catch(() => undefined);
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page on another site must not read the report through a DNS name that points here.
    if (!this.hostAllowed(request.headers.host)) return send(response, 403, 'text/plain', 'Forbidden\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain', 'Method not allowed\n');
    }
    // The request target exactly as sent: a route is matched on it, never a file path built from it.
    const target = request.url ?? '';
    const path = target.split('?')[0];
    if (path === '/' || path === '/index.html') return this.page(request, response);
    if (path === EVENTS_PATH) return this.events(request, response);
    if (path === PDF_PATH) return this.printed(request, response);
    return send(response, 404, 'text/plain', 'Not found\n');
  }

  private hostAllowed(host: string | undefined): boolean {
    return host === `${LOOPBACK}:${this.port}` || host === `localhost:${this.port}`;
  }

  private page(request: IncomingMessage, response: ServerResponse): void {
    const report = this.session.report;
    const html = report ? withPreview(report.html.html, report.version) : placeholderPage(this.session.context.year);
    send(response, 200, 'text/html; charset=utf-8', request.method === 'HEAD' ? '' : html);
  }

  private events(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    response.write(this.stateEvent());
    this.streams.add(response);
    request.on('close', () => this.streams.delete(response));
  }

  private stateEvent(): string {
    const state = {
      version: this.session.report?.version ?? 0,
      problems: this.session.ok ? [] : this.session.diagnostics.map(formatDiagnostic),
    };
    return `event: state\ndata: ${JSON.stringify(state)}\n\n`;
  }

  /** The PDF of the report as it is now, printed once per version of the report. */
  private async printed(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const report = this.session.report;
    if (!report) return send(response, 503, 'text/plain', `${messages.previewNoReport()}\n`);
    let pdf = this.pdf;
    if (pdf?.version !== report.version) {
      const { year, reportDate } = this.session.context;
      const info = { date: reportDate, author: report.metrics.institution };
      pdf = {
        version: report.version,
        bytes: printReport(report.html, year, info, this.pdfOptions).then((p) => p.pdf),
      };
      this.pdf = pdf;
    }
    let bytes: Uint8Array;
    try {
      bytes = await pdf.bytes;
    } catch (error) {
      this.pdf = null;
      return send(response, 503, 'text/plain', `${error instanceof Error ? error.message : String(error)}\n`);
    }
    response.writeHead(200, {
      'Content-Type': 'application/pdf',
      'Content-Length': bytes.byteLength,
      'Content-Disposition': `inline; filename="hms-report-${this.session.context.year}.pdf"`,
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : bytes);
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': bytes.byteLength,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(bytes);
}
