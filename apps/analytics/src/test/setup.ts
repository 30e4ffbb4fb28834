import '@testing-library/jest-dom/vitest';

// jsdom has no layout: Recharts' ResponsiveContainer needs a ResizeObserver to exist.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
