/** The element the card's shadow root hangs on: the scanner and the page watcher leave it alone. */
export const HOST_TAG = 'huantai-lens-ui';
