/**
 * Defines `key` on `target` as computed when first read, then kept as a plain value: enumerable like any field, so
 * whoever lists the keys sees them all, while only what is read gets built.
 */
export const lazyProperty = (target: object, key: string, compute: () => unknown): void => {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
};
