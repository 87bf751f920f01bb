export const PROJECT_ROOT: string;
export function corpusPath(name: string): string | null;
export function fixturePagePath(name: string, dir?: string): string | null;
export function startServer(args?: { port?: number }): Promise<{
  origin: string;
  addPage(path: string, body: string | Uint8Array, options?: { contentType?: string; headers?: Record<string, string> }): string;
  waitForReport(run: string, options?: { timeoutMs?: number }): Promise<PageReport>;
  close(): Promise<void>;
}>;

/** What a /reporting/ page saw in its own world: the extension's highlights and scan measures. */
export interface PageReport {
  /** Highlight names in CSS.highlights that start with huantai-lens, sorted. */
  names: string[];
  /** The text of every range of those highlights. */
  texts: string[];
  /** performance.getEntriesByName('huantai-lens:scan', 'measure').length */
  measures: number;
  /** False when the page gave up waiting (30 s) for the scans to settle. */
  settled: boolean;
  /** text-decoration-line of ::highlight(huantai-lens-overall) in the page: 'underline' where the extension's stylesheet is in the page. */
  decoration?: string;
  userAgent: string;
  url?: string;
  error?: string;
}
