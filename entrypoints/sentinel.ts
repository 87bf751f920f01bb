// The sentinel's own file: the content script of every frame (listed in the manifest by
// wxt.config.ts). An unlisted script rather than a WXT content script: see content/sentinel.ts.
import { runSentinel } from './content/sentinel';

export default defineUnlistedScript(runSentinel);
