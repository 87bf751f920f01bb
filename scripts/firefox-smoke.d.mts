import type { PageReport } from './serve.mjs';
export const FIREFOX_BUILD: string;
export class FirefoxNotFoundError extends Error {}
export function findFirefox(args?: { env?: Record<string, string | undefined> }): string;
export function ensureFirefoxBuild(): Promise<string>;
export interface LintMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
  column?: number;
}
export function lintFirefoxBuild(args?: { sourceDir?: string }): Promise<{
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}>;
export function runInFirefox(args: {
  url: string;
  waitForReport: (options: { timeoutMs: number }) => Promise<PageReport>;
  firefoxPath?: string;
  sourceDir?: string;
  timeoutMs?: number;
}): Promise<PageReport>;
