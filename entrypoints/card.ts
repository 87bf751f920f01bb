// The card's own file (see entrypoints/content/card.ts): registers it for the engine that imports it.
import { createTooltip, type Card } from './content/card';
import { providePart } from './content/parts';

export default defineUnlistedScript(() => providePart<Card>({ name: 'card', part: { createTooltip } }));
