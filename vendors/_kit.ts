/**
 * The vendor toolkit: what vendor files (vendors/<id>.ts) share beyond the
 * contract. A vendor imports the contract (../src/contract/index.js) and this
 * file, nothing else; the core never imports vendors/.
 */

/**
 * Wait for a vendor's API to appear after its loader has been inserted: ask
 * `probe` now and every 50 ms until it answers, or reject once `signal`
 * aborts (the load was abandoned: a timeout, a revocation). For vendors whose
 * loader gives no ready callback.
 */
export function waitFor<T>(probe: () => T | undefined, signal: AbortSignal | undefined, vendorTitle: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const found = probe();
      if (found) return resolve(found);
      if (signal?.aborted) return reject(new Error(`consent-gate: ${vendorTitle} load abandoned`));
      setTimeout(check, 50);
    };
    check();
  });
}

/** The origins of `urls` (resolved against `base`), each once, in order; a URL that does not parse is left out (an adapter's `preconnect`). */
export function originsOf(urls: readonly string[], base: string): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      origins.add(new URL(url, base).origin);
    } catch {
      // not a URL: nothing to connect to
    }
  }
  return [...origins];
}
