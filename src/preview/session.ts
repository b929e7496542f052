import { resolve } from 'node:path';
import { Diagnostics, sorted, type Diagnostic } from '../errors.js';
import type { Metrics } from '../metrics/types.js';
import type { BuildContext } from '../pipeline.js';
import { renderHtml, type HtmlReport } from '../report/html.js';
import { loadTemplates, type Templates } from '../report/templates.js';
import { readContent, type ContentFile } from '../sources/content.js';
import { computeMetrics, readRegister, reportParts, sourceContext, type Register } from '../sources/registry.js';
import type { FileSystem } from '../workspace/files.js';
import { TEMPLATES_DIR } from '../workspace/package.js';
import { Workspace } from '../workspace/workspace.js';
import { Touched, trackingFileSystem } from './tracking.js';

/**
 * The parts a preview build is made of, each redone on its own: the
 * templates, the register (config and units, which every source refers to),
 * each source by its key, and the narrative. The metrics and the HTML are
 * derived from them.
 */
const TEMPLATES = 'templates';
const REGISTER = 'register';
const CONTENT = 'content';
const sourcePart = (key: string) => `source:${key}`;

interface Part<T> {
  value: T;
  diagnostics: readonly Diagnostic[];
  touched: Touched;
}

/** A report the preview can show: valid, with the metrics it was rendered from. */
export interface GoodReport {
  html: HtmlReport;
  metrics: Metrics;
  /** Goes up whenever the HTML changes; the open page reloads when it sees a newer one. */
  version: number;
}

/** What one (re)build did. */
export interface Rebuilt {
  /** The parts redone: `register`, `source:absence`, `content`, `templates`. */
  parts: string[];
  /** Whether the metrics were recomputed (a source or the register was read again). */
  metrics: boolean;
  /** False when the workspace is invalid: the last good report stays. */
  ok: boolean;
  /** Whether the report's HTML changed. */
  changed: boolean;
  milliseconds: number;
}

/**
 * A build that keeps its parts and, on a change, redoes only the ones it
 * touches: a narrative file re-renders the HTML from the metrics already
 * computed, an export re-reads its source alone and recomputes the metrics,
 * the config or the unit register start over. Which part a file belongs to is
 * known from what each part read (see tracking.ts).
 */
export class PreviewSession {
  private readonly parts = new Map<string, Part<unknown>>();
  /** Parts to redo: every part before the first build, then those a change touched. */
  private readonly pending = new Set<string>();
  private metrics: Metrics | null = null;
  private metricsStale = true;
  private htmlDiagnostics: readonly Diagnostic[] = [];
  private good: GoodReport | null = null;
  private current: Diagnostic[] = [];

  constructor(
    readonly root: string,
    private readonly fs: FileSystem,
    readonly context: BuildContext,
    private readonly templatesDir: string = TEMPLATES_DIR,
  ) {
    this.pendAll();
  }

  /** The last good report; null until the workspace has been valid once. */
  get report(): GoodReport | null {
    return this.good;
  }

  /** Every problem of the workspace as it is now (errors and warnings), sorted by file, row and column. */
  get diagnostics(): readonly Diagnostic[] {
    return this.current;
  }

  get ok(): boolean {
    return !this.current.some((d) => d.severity === 'error');
  }

  /** Every folder some part looked in: the ones to watch. */
  folders(): string[] {
    return [...new Set([...this.parts.values()].flatMap((part) => part.touched.folders()))];
  }

  /**
   * Marks the parts the changed paths concern and rebuilds them; null when no
   * part read any of them (an editor's swap file, the output folder).
   */
  async update(paths: readonly string[]): Promise<Rebuilt | null> {
    for (const path of paths.map((p) => resolve(p))) {
      const now = { file: await this.fs.isFile(path), folder: await this.fs.isDirectory(path) };
      for (const [name, part] of this.parts) if (part.touched.concerns(path, now)) this.pending.add(name);
    }
    return this.pending.size > 0 ? this.rebuild() : null;
  }

  /** Redoes the pending parts (all of them the first time) and, when the workspace is valid, the report. */
  async rebuild(): Promise<Rebuilt> {
    const started = performance.now();
    if (this.pending.has(REGISTER)) this.pendAll();
    const redone = [...this.pending];
    const { year } = this.context;
    if (this.pending.delete(TEMPLATES)) {
      await this.redo(TEMPLATES, (fs) => loadTemplates(fs, this.templatesDir));
    }
    if (this.pending.delete(REGISTER)) {
      await this.redo(REGISTER, (fs, diagnostics) =>
        readRegister(this.workspace(fs), diagnostics, this.context.sources),
      );
    }
    const register = this.value<Register>(REGISTER);
    const { config, units } = register;
    let read = false;
    if (units) {
      for (const source of this.context.sources) {
        if (!this.pending.delete(sourcePart(source.key))) continue;
        read = true;
        await this.redo(sourcePart(source.key), (fs, diagnostics) =>
          source.read(sourceContext(this.workspace(fs), year, { ...register, units }, diagnostics)),
        );
      }
      if (this.pending.delete(CONTENT)) {
        await this.redo(CONTENT, (fs, diagnostics) =>
          readContent(sourceContext(this.workspace(fs), year, { ...register, units }, diagnostics)),
        );
      }
    }
    if (read || redone.includes(REGISTER)) this.metricsStale = true;
    const readProblems = [...this.parts.values()].flatMap((part) => part.diagnostics);
    const before = this.good?.html.html;
    const recomputed = this.metricsStale;
    if (units && !readProblems.some((d) => d.severity === 'error')) await this.render(config, units);
    else this.htmlDiagnostics = [];
    this.current = sorted([...readProblems, ...this.htmlDiagnostics]);
    return {
      parts: redone,
      metrics: recomputed && !this.metricsStale,
      ok: this.ok,
      changed: this.good?.html.html !== before,
      milliseconds: performance.now() - started,
    };
  }

  /** Metrics (when a source changed) and the HTML from every part's current value. */
  private async render(config: Register['config'], units: NonNullable<Register['units']>): Promise<void> {
    const data = new Map<string, unknown>();
    for (const source of this.context.sources) {
      const value = this.value<unknown>(sourcePart(source.key));
      if (value !== null && value !== undefined) data.set(source.key, value);
    }
    const sources = {
      year: this.context.year,
      config,
      units,
      content: this.value<ContentFile[] | null>(CONTENT),
      // The preview leaves the spelling check to validate and build.
      wordList: '',
      data,
    };
    if (this.metricsStale || !this.metrics) {
      this.metrics = computeMetrics(sources, this.context.sources);
      this.metricsStale = false;
    }
    const templates = this.value<Templates>(TEMPLATES);
    const diagnostics = new Diagnostics();
    const html = await renderHtml(
      this.metrics,
      config,
      sources.content ?? templates.defaultContent,
      templates,
      reportParts(sources, this.metrics, this.context.sources),
      diagnostics,
      this.context.reportDate,
    );
    this.htmlDiagnostics = diagnostics.items;
    if (diagnostics.hasErrors()) return;
    if (this.good?.html.html === html.html) return;
    this.good = { html, metrics: this.metrics, version: (this.good?.version ?? 0) + 1 };
  }

  private async redo<T>(name: string, work: (fs: FileSystem, diagnostics: Diagnostics) => Promise<T>): Promise<void> {
    const touched = new Touched();
    const diagnostics = new Diagnostics();
    const value = await work(trackingFileSystem(this.fs, touched), diagnostics);
    this.parts.set(name, { value, diagnostics: diagnostics.items, touched });
  }

  private value<T>(name: string): T {
    return this.parts.get(name)?.value as T;
  }

  private workspace(fs: FileSystem): Workspace {
    return new Workspace(this.root, fs);
  }

  private pendAll(): void {
    for (const name of [TEMPLATES, REGISTER, ...this.context.sources.map((s) => sourcePart(s.key)), CONTENT])
      this.pending.add(name);
  }
}
