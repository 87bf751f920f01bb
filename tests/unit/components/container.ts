/** A fresh element for each test to render into, unmounted and removed after it. */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export function useContainer(): { readonly current: HTMLElement } {
  let container: HTMLElement | null = null;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container!);
    container!.remove();
  });
  return {
    get current() {
      return container!;
    },
  };
}
