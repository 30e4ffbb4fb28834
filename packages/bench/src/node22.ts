/**
 * PostGraphile 5 declares Node ≥ 22; the project runs on Node 20, which lacks
 * Promise.withResolvers (the one Node 22 API its code paths here use). This is the standard
 * definition, installed only when missing and only in the benchmark's PostGraphile process.
 */
const P = Promise as unknown as { withResolvers?: unknown };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
