// The engine's own file (see entrypoints/content/parts.ts): registers it for the sentinel that imports it.
import { startEngine, type Engine } from './content/engine';
import { providePart } from './content/parts';

export default defineUnlistedScript(() => providePart<Engine>({ name: 'engine', part: { start: startEngine } }));
