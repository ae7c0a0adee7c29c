/** Shared set-up for the HubSpot browser tests: pages, the emulator, small probes. */
import type { Page } from 'playwright-core';
import { dropInHead, html, openSite, type LaunchedBrowser, type Site } from './harness';
import { hubspotEmulator, type HubSpotEmulator } from '../../emulators/hubspot/index.mjs';

export const PORTAL = '1234567';
export const HUBSPOT_HOST = /(^|\.)(hs-scripts\.com|usemessages\.com|hs-analytics\.net|hubspot\.com|hs-banner\.com|hscollectedforms\.net|hsadspixel\.net)$/;
export const CHAT_COOKIES = ['messagesUtk', 'hs-messages-is-open', 'hs-messages-hide-welcome-message'];
export const ANALYTICS_COOKIES = ['__hstc', 'hubspotutk', '__hssc', '__hssrc'];

export interface ShopOptions {
  vendor?: Record<string, unknown>;
  config?: Record<string, unknown>;
  /** Extra markup in <body>, before the page script. */
  body?: string;
  /** Extra <head> markup placed after the guard, before the runtime. */
  head?: string;
  emulator?: HubSpotEmulator;
}

export interface Shop {
  site: Site;
  hubspot: HubSpotEmulator;
  page: Page;
}

/** A page of the shop with consent-gate (drop-in) and the HubSpot vendor configured. */
export function shopPage(options: ShopOptions = {}): string {
  const config = { vendors: { 'hubspot-conversations': { portalId: PORTAL, ...(options.vendor ?? {}) } }, policyVersion: '2026-11', ...(options.config ?? {}) };
  return html(
    `<header><h1>Shop</h1><a href="#" data-consent-gate-settings>Privacy settings</a></header>
<main><p>Products.</p>${options.body ?? ''}</main>
<script>window.changes = []; window.consentGate.on('change', function (e) { window.changes.push({ source: e.source, granted: e.granted, revoked: e.revoked }); });</script>`,
    dropInHead(config, options.head ?? ''),
  );
}

export async function openShop(browser: LaunchedBrowser, options: ShopOptions = {}, paths: string[] = ['/']): Promise<Shop> {
  const hubspot = options.emulator ?? hubspotEmulator();
  const page = shopPage(options);
  const site = await openSite(browser, { pages: Object.fromEntries(paths.map((p) => [p, page])), hosts: hubspot.handlers });
  return { site, hubspot, page: site.page };
}

export function hubspotRequests(site: Site) {
  return site.requests.filter((r) => HUBSPOT_HOST.test(r.host));
}

/** Cookie names with the domain and path each copy lives on. */
export async function cookieCopies(site: Site, names: readonly string[]): Promise<string[]> {
  return (await site.context.cookies()).filter((c) => names.includes(c.name)).map((c) => `${c.name}@${c.domain}${c.path}`).sort();
}

/**
 * Sum of layout-shift entries so far (without recent input). Entries whose
 * shifted nodes all sit inside `ignore` (the vendor's own widget) are left out.
 */
export function layoutShift(page: Page, ignore?: string): Promise<number> {
  return page.evaluate(
    (skip) =>
      new Promise<number>((resolve) => {
        let sum = 0;
        type Shift = { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as Shift[]) {
            if (entry.hadRecentInput) continue;
            const vendorOnly = !!skip && entry.sources.length > 0 && entry.sources.every((s) => s.node instanceof Element && s.node.closest(skip) !== null);
            if (!vendorOnly) sum += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 300);
      }),
    ignore ?? '',
  );
}

export const launcher = (page: Page) => page.locator('button.cg-chat-launcher');
export const prompt = (page: Page) => page.locator('[data-consent-gate-prompt]');
export const widget = (page: Page) => page.locator('#hubspot-messages-iframe-container iframe#hubspot-conversations-iframe');

export function emuCalls(page: Page): Promise<unknown[][]> {
  return page.evaluate(() => ((window as any).__hsEmu?.calls ?? []) as unknown[][]);
}

/** Click the launcher and allow in the prompt; resolves once the widget iframe is visible. */
export async function allowAndOpen(page: Page): Promise<void> {
  await launcher(page).click();
  await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
  await widget(page).waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForFunction(() => (window as any).consentGate.chat().status().state === 'ready', undefined, { timeout: 10_000 });
}
