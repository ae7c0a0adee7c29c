// Section 4: from the visitor's click to the chat, in Chromium, with the
// HubSpot emulator answering at once (zero added latency). Two cases:
//  - consent already given (returning visitor who allowed the chat): click on
//    the launcher;
//  - consent given in the prompt (returning visitor who had declined):
//    click on the launcher, then on "Allow" in the prompt; times count from
//    the "Allow" click.
// Timestamps are taken in the page (performance.now()): the click listener
// runs first in the capture phase, a MutationObserver sees HubSpot's loader
// script inserted, and `consentGate.chat(id).on('widgetLoaded')` marks the end.
import { openSite } from './lib/browser.mjs';
import { consentGatePage, visitorState } from './lib/pages.mjs';
import { orderFor, summary } from './lib/stats.mjs';

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
      if (n.id === 'hubspot-messages-loader' || n.id === 'hs-script-loader' || /hs-scripts\\.com|usemessages\\.com/.test(n.src || '')) p.loader = performance.now();
    }
    if (p.prompt === undefined && document.querySelector('[data-consent-gate-prompt]')) p.prompt = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

const CASES = ['consent already given', 'consent given in the prompt'];

async function once(browser, variant, { emulator, states }) {
  const hubspot = emulator();
  const site = await openSite(browser, { pages: { '/': consentGatePage() }, hosts: hubspot.handlers, storageState: variant === CASES[0] ? states.allowed : states.declined });
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
    if (site.requests.some((r) => /hs-scripts\.com|usemessages\.com/.test(r.host))) throw new Error(`${variant}: HubSpot was requested before the click`);
    await launcher.click();
    if (variant === CASES[1]) {
      const allow = site.page.locator('[data-consent-gate-prompt] .cg-chat-allow');
      await allow.waitFor({ state: 'visible', timeout: 10_000 });
      await allow.click();
    }
    await site.page.waitForFunction(() => window.__click.widgetLoaded !== undefined, null, { timeout: 15_000, polling: 20 });
    const p = await site.page.evaluate(() => window.__click);
    const start = variant === CASES[0] ? p.launcher : p.allow;
    return {
      clickToLoaderMs: p.loader - start,
      clickToWidgetLoadedMs: p.widgetLoaded - start,
      launcherToPromptMs: variant === CASES[1] ? p.prompt - p.launcher : undefined,
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
  const out = { runs, latencyMs: 0, variants: {} };
  for (const v of CASES) {
    const per = (key) => summary(samples[v].map((s) => s[key]));
    out.variants[v] = { clickToLoaderMs: per('clickToLoaderMs'), clickToWidgetLoadedMs: per('clickToWidgetLoadedMs') };
    if (v === CASES[1]) out.variants[v].launcherToPromptMs = per('launcherToPromptMs');
  }
  const a = out.variants[CASES[1]].clickToWidgetLoadedMs.median;
  const b = out.variants[CASES[0]].clickToWidgetLoadedMs.median;
  out.ratios = { promptVsGivenWidgetLoaded: b ? a / b : null };
  return out;
}
