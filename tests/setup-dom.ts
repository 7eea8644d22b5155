import '@testing-library/jest-dom';

// Fluent UI measures elements with ResizeObserver, which jsdom lacks.
class ResizeObserverPolyfill {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverPolyfill;
