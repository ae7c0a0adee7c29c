// The Chromium flags every consent-gate tool uses (scanner, browser tests,
// benchmarks): headless, no sandbox (root in CI), and no background traffic of
// Chromium's own, so a request log holds only what the page asked for.
export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
