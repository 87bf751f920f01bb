export const PROJECT_ROOT: string;
export function corpusPath(name: string): string | null;
export function fixturePagePath(name: string): string | null;
export function startServer(args?: { port?: number }): Promise<{
  origin: string;
  addPage(path: string, body: string | Uint8Array, options?: { contentType?: string; headers?: Record<string, string> }): string;
  close(): Promise<void>;
}>;
