// Section 4: from the visitor's click to the chat, in Chromium, on the HubSpot
// page, with every response held back LATENCY_MS (a round trip on a
// kept-alive connection: own files and HubSpot's emulated hosts alike).
//
// The pointer moves as a person's does: onto the button, PRESS_AFTER_MS
// later the button goes down, RELEASE_AFTER_MS later up (the click). The
// runtime may start fetching what the click needs on that intent (pointer
// over, pointer down); the time counts from the click all the same. A second
// prompt case clicks with no hover at all (pointer over, down and up in the
// same instant), the worst case for a prefetch.
//
// Cases:
//  - consent already given (returning visitor who allowed the chat): click
//    on the launcher → HubSpot's loader script inserted → `widgetLoaded`;
//  - consent given in the prompt (returning visitor who had declined):
//    click on the launcher → prompt shown; click on "Allow" → loader
//    inserted → `widgetLoaded`;
//  - the same prompt, clicked with no hover: click → prompt shown.
// Timestamps are taken in the page (performance.now()): the click listener
// runs first in the capture phase; a MutationObserver sees the prompt and
// HubSpot's loader script inserted; the prompt's first frame is the next
// requestAnimationFrame after it is in the document.
import { openSite } from './lib/browser.mjs';
import { consentGatePage, visitorState } from './lib/pages.mjs';
import { orderFor, summary } from './lib/stats.mjs';

export const LATENCY_MS = 40;
export const PRESS_AFTER_MS = 100;
export const RELEASE_AFTER_MS = 80;

const PROBE = `(() => {
  const p = (window.__click = {});
  window.addEventListener('click', (e) => {
    const t = e.target;
    if (!(t instanceof Element)) return;
    if (t.closest('.cg-chat-launcher') && p.launcher === undefined) p.launcher = performance.now();
    if (t.closest('.cg-chat-allow') && p.allow === undefined) p.allow = performance.now();
  }, true);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (p.loader !== undefined || n.nodeName !== 'SCRIPT') continue;
      if (n.id === 'hubspot-messages-loader' || n.id === 'hs-script-loader' || /hs-scripts\\.com|usemessages\\.com/.test(n.src || n.getAttribute('data-cg-src') || '')) p.loader = performance.now();
    }
    if (p.prompt === undefined && document.querySelector('[data-consent-gate-prompt]')) {
      p.prompt = performance.now();
      requestAnimationFrame(() => { p.promptFrame = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

export const CASES = ['consent already given', 'consent given in the prompt', 'prompt, clicked with no hover'];

/** Click `locator` as a person does: hover, press, release. */
async function personClick(page, locator) {
  await locator.hover();
  await page.waitForTimeout(PRESS_AFTER_MS);
  await page.mouse.down();
  await page.waitForTimeout(RELEASE_AFTER_MS);
  await page.mouse.up();
}

async function once(browser, variant, { emulator, states }) {
  const hubspot = emulator();
  const storageState = variant === CASES[0] ? states.allowed : states.declined;
  const site = await openSite(browser, { pages: { '/': consentGatePage() }, hosts: hubspot.handlers, storageState, latencyMs: LATENCY_MS });
  try {
    await site.page.addInitScript(PROBE);
    await site.page.goto(site.url('/'), { waitUntil: 'load' });
    await site.page.waitForFunction(() => window.consentGate && typeof window.consentGate.chat === 'function');
    await site.page.evaluate(() => {
      window.consentGate.chat('hubspot-conversations').on('widgetLoaded', () => {
        if (window.__click.widgetLoaded === undefined) window.__click.widgetLoaded = performance.now();
      });
    });
    const launcher = site.page.locator('button.cg-chat-launcher');
    await launcher.waitFor({ state: 'visible' });
    // the page settles first (a visitor reads before clicking): what the runtime fetches by itself is in by then
    await site.page.evaluate(
      () => new Promise((r) => (window.requestIdleCallback ? requestIdleCallback(() => r(), { timeout: 2000 }) : setTimeout(r, 50))),
    );
    if (site.requests.some((r) => /hs-scripts\.com|usemessages\.com/.test(r.host)))
      throw new Error(`${variant}: HubSpot was requested before the click`);
    if (variant === CASES[2]) await launcher.click();
    else await personClick(site.page, launcher);
    if (variant !== CASES[0]) {
      await site.page.waitForFunction(() => window.__click.promptFrame !== undefined, null, { timeout: 15_000, polling: 20 });
      if (variant === CASES[2]) {
        const p = await site.page.evaluate(() => window.__click);
        return { clickToPromptMs: p.prompt - p.launcher, clickToPromptFrameMs: p.promptFrame - p.launcher };
      }
      const allow = site.page.locator('[data-consent-gate-prompt] .cg-chat-allow');
      await allow.waitFor({ state: 'visible', timeout: 10_000 });
      await personClick(site.page, allow);
    }
    await site.page.waitForFunction(() => window.__click.widgetLoaded !== undefined, null, { timeout: 20_000, polling: 20 });
    const p = await site.page.evaluate(() => window.__click);
    const start = variant === CASES[0] ? p.launcher : p.allow;
    return {
      clickToLoaderMs: p.loader - start,
      clickToWidgetLoadedMs: p.widgetLoaded - start,
      ...(variant === CASES[1] ? { clickToPromptMs: p.prompt - p.launcher, clickToPromptFrameMs: p.promptFrame - p.launcher } : {}),
    };
  } finally {
    await site.close();
  }
}

export async function clickToOpen(browser, { runs = 10, log = () => undefined, emulator } = {}) {
  const hosts = emulator().handlers;
  const states = {
    allowed: await visitorState(browser, hosts, { grant: ['functional'] }),
    declined: await visitorState(browser, hosts, { revoke: ['functional', 'analytics', 'marketing'] }),
  };
  for (const v of CASES) await once(browser, v, { emulator, states }); // warm-up, discarded
  const samples = Object.fromEntries(CASES.map((v) => [v, []]));
  for (let i = 0; i < runs; i++) {
    for (const v of orderFor(CASES, i)) samples[v].push(await once(browser, v, { emulator, states }));
    log(`click to open: run ${i + 1}/${runs}`);
  }
  const out = { runs, latencyMs: LATENCY_MS, pressAfterMs: PRESS_AFTER_MS, releaseAfterMs: RELEASE_AFTER_MS, variants: {} };
  for (const v of CASES) {
    const keys = Object.keys(samples[v][0]);
    out.variants[v] = Object.fromEntries(keys.map((key) => [key, summary(samples[v].map((s) => s[key]))]));
  }
  return out;
}
