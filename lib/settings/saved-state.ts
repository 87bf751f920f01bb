/**
 * Small UI state (the popup's last query) kept in the extension origin's localStorage: it needs no
 * permission, and a corrupt or foreign value just means starting fresh.
 */
export function createSavedState<T>({ storage, key, isValid }: { storage: Pick<Storage, 'getItem' | 'setItem'>; key: string; isValid: (value: unknown) => value is T }) {
  return {
    load(): T | null {
      try {
        const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
        return isValid(value) ? value : null;
      } catch {
        return null;
      }
    },
    save(value: T) {
      try {
        storage.setItem(key, JSON.stringify(value));
      } catch {
        // Storage full or disabled: the popup still works, it just won't remember.
      }
    },
  };
}
