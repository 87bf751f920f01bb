/**
 * The content script's parts loaded on demand. The sentinel (index.ts) runs in every frame; the
 * engine (engine.ts: scanning, painting, hover, messages) only where a term may be. The engine is a
 * file of its own, built by WXT as an unlisted script, listed in web_accessible_resources and
 * import()ed into the content script's isolated world (no permission needed; measured against the
 * background injecting it with scripting.executeScript in the README). A file WXT builds as a
 * classic-script bundle has no exports, so it hands its API over by registering it here, on the
 * isolated world's global, which the page cannot see.
 */
const REGISTRY = '__huantaiLensParts';
type Registry = Record<string, unknown>;
const registry = (): Registry => ((globalThis as unknown as Record<string, Registry>)[REGISTRY] ??= {});

export function providePart<T>({ name, part }: { name: string; part: T }): void {
  registry()[name] = part;
}

/** The part, importing its file the first time (later calls share the first import). */
export async function loadPart<T>({ name, url, importModule }: { name: string; url: string; importModule: (url: string) => Promise<unknown> }): Promise<T> {
  if (!(name in registry())) await importModule(url);
  const part = registry()[name];
  if (part === undefined) throw new Error(`[Huantai Lens] ${url} did not provide "${name}"`);
  return part as T;
}
