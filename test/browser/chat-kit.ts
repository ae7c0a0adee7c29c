/**
 * The chat vendors' browser-test kit: a shop page with consent-gate (drop-in)
 * and one chat vendor configured, served with that vendor's emulator under the
 * real host names; the facade's launcher and prompt; the vendor's requests,
 * cookies and emulator log; and the page's globals, typed.
 *
 *   const { site, page } = await openChatShop(browser, 'crisp', { head: snippet, visit: true });
 *   await allowAndOpen(page, 'crisp');
 *   vendorRequests(site, 'crisp') // every request to a host the catalog lists for Crisp
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ChatStatus, ConsentGate, ConsentGateConfig, GuardBridge, Vendor } from '../../src/index';
import { matchHost } from '../../src/audit/match';
import { catalog } from '../../vendors/index';
import { dropInHead, html, openSite, type RecordedRequest, type Site } from './harness';
import { hubspotEmulator, type HubSpotEmulator } from '../../emulators/hubspot/index.mjs';
import { crispEmulator, WEBSITE_ID, type CrispEmulator } from '../../emulators/crisp/index.mjs';
import { intercomEmulator, APP_ID, type IntercomEmulator } from '../../emulators/intercom/index.mjs';
import { web1on1Emulator, WEB1ON1_LOADER_URL, type Web1on1Emulator } from '../../emulators/web1on1/index.mjs';

/** The HubSpot portal id the shop page configures. */
export const PORTAL = '1234567';

/** What an emulator logs in the page: the calls the page made to the vendor's API, in order. */
interface EmulatorLog {
  calls: unknown[][];
}

/** window.__hsEmu: the HubSpot emulator's record of what the page did. */
interface HubSpotEmulatorLog extends EmulatorLog {
  settingsSeen: Record<string, unknown>;
  throttled: number;
  listeners: Record<string, unknown[]>;
  analyticsRuns?: number;
}

/** window.__crispEmu: also how the chatbox was shown (opened or as its closed launcher). */
interface CrispEmulatorLog extends EmulatorLog {
  shown: { opened: boolean }[];
}

/** A consent-gate change event as the shop page records it. */
interface RecordedChange {
  source: string;
  granted: string[];
  revoked: string[];
}

declare global {
  interface Window {
    /** The gate (before the drop-in runtime has run: its queue stub). */
    consentGate: ConsentGate & { q?: unknown[] };
    consentGateConfig?: ConsentGateConfig;
    /** The head guard's bridge, when the guard is on the page. */
    __consentGateGuard?: GuardBridge;
    /** The shop page's log of the gate's change events. */
    changes: RecordedChange[];
    __hsEmu?: HubSpotEmulatorLog;
    __crispEmu?: CrispEmulatorLog;
    __icEmu?: EmulatorLog;
    __w1Emu?: EmulatorLog;
  }
}

interface Emulators {
  'hubspot-conversations': HubSpotEmulator;
  crisp: CrispEmulator;
  intercom: IntercomEmulator;
  web1on1: Web1on1Emulator;
}

export type ChatVendorId = keyof Emulators;

interface ChatVendorKit<K extends ChatVendorId> {
  /** The options a site must give, set to what the emulator answers to. */
  options: Record<string, unknown>;
  emulator(): Emulators[K];
  /** The window global the emulator logs to. */
  log: '__hsEmu' | '__crispEmu' | '__icEmu' | '__w1Emu';
  /** The vendor's chat window once open. */
  widget: string;
}

const CHAT_VENDORS: { [K in ChatVendorId]: ChatVendorKit<K> } = {
  'hubspot-conversations': {
    options: { portalId: PORTAL },
    emulator: () => hubspotEmulator(),
    log: '__hsEmu',
    widget: '#hubspot-messages-iframe-container iframe#hubspot-conversations-iframe',
  },
  crisp: { options: { websiteId: WEBSITE_ID }, emulator: () => crispEmulator(), log: '__crispEmu', widget: '#crisp-chatbox-panel' },
  intercom: {
    options: { appId: APP_ID },
    emulator: () => intercomEmulator(),
    log: '__icEmu',
    widget: '#intercom-container .intercom-messenger-frame',
  },
  web1on1: { options: { loaderUrl: WEB1ON1_LOADER_URL }, emulator: () => web1on1Emulator(), log: '__w1Emu', widget: '#web1on1-chat' },
};

export interface ChatShopOptions<K extends ChatVendorId> {
  /** The vendor's options, over the ones the emulator needs. */
  vendor?: Record<string, unknown>;
  /** Further top-level config. */
  config?: Record<string, unknown>;
  /** Extra markup in <body>, before the page script. */
  body?: string;
  /** Extra <head> markup placed after the guard, before the runtime (the site's own snippets). */
  head?: string;
  /** Paths the page is served under (default ['/']). */
  paths?: string[];
  /** The emulator to serve the vendor's hosts (default a fresh one). */
  emulator?: Emulators[K];
  /** Go to the first path and wait until the runtime is running. */
  visit?: boolean;
}

export interface ChatShop<K extends ChatVendorId> {
  site: Site;
  page: Page;
  emulator: Emulators[K];
}

/** A page of the shop the way a site owner pastes consent-gate: the inline config, the head guard, the site's own head markup, then the drop-in with its built-in catalog. */
export function chatShopPage<K extends ChatVendorId>(
  vendorId: K,
  options: Omit<ChatShopOptions<K>, 'paths' | 'emulator' | 'visit'> = {},
): string {
  const vendor = { ...CHAT_VENDORS[vendorId].options, ...(options.vendor ?? {}) };
  const config = { vendors: { [vendorId]: vendor }, policyVersion: '2026-11', ...(options.config ?? {}) };
  return html(
    `<header><h1>Shop</h1><a href="#" data-consent-gate-settings>Privacy settings</a></header>
<main><p>Products.</p>${options.body ?? ''}</main>
<script>window.changes = []; window.consentGate.on('change', function (e) { window.changes.push({ source: e.source, granted: e.granted, revoked: e.revoked }); });</script>`,
    dropInHead(config, options.head ?? ''),
  );
}

/** The shop with one chat vendor, its hosts answered by the vendor's emulator. */
export async function openChatShop<K extends ChatVendorId>(
  browser: Browser,
  vendorId: K,
  options: ChatShopOptions<K> = {},
): Promise<ChatShop<K>> {
  const emulator = options.emulator ?? CHAT_VENDORS[vendorId].emulator();
  const paths = options.paths ?? ['/'];
  const page = chatShopPage(vendorId, options);
  const site = await openSite(browser, { pages: Object.fromEntries(paths.map((p) => [p, page])), hosts: emulator.handlers });
  if (options.visit) {
    await site.page.goto(site.url(paths[0]));
    await ready(site.page);
  }
  return { site, page: site.page, emulator };
}

/** The drop-in has replaced its pre-load queue with the running gate. */
export const ready = (page: Page) =>
  page.waitForFunction(() => typeof window.consentGate?.decisions === 'function', undefined, { timeout: 10_000 });

export const launcher = (page: Page): Locator => page.locator('button.cg-chat-launcher');
export const prompt = (page: Page): Locator => page.locator('[data-consent-gate-prompt]');
/** The vendor's chat window once open. */
export const chatWidget = (page: Page, vendorId: ChatVendorId): Locator => page.locator(CHAT_VENDORS[vendorId].widget);

export const chatStatus = (page: Page, vendorId: ChatVendorId): Promise<ChatStatus> =>
  page.evaluate((id) => window.consentGate.chat(id).status(), vendorId);

/** Wait until the vendor's chat is ready (loaded and answering). */
export const chatReady = (page: Page, vendorId: ChatVendorId) =>
  page.waitForFunction((id) => window.consentGate.chat(id).status().state === 'ready', vendorId, { timeout: 10_000 });

/** Click the launcher and allow in the prompt; resolves once the vendor's chat window is visible and the chat is ready. */
export async function allowAndOpen(page: Page, vendorId: ChatVendorId): Promise<void> {
  await launcher(page).click();
  await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
  await chatWidget(page, vendorId).waitFor({ state: 'visible', timeout: 10_000 });
  await chatReady(page, vendorId);
}

const vendorOf = (vendorId: string): Vendor => {
  const vendor = catalog.find((v) => v.id === vendorId);
  if (!vendor) throw new Error(`no vendor "${vendorId}" in the catalog`);
  return vendor;
};

/** The requests to a host the catalog lists for the vendor, in order. */
export function vendorRequests(site: Pick<Site, 'requests'>, vendorId: ChatVendorId): RecordedRequest[] {
  const vendor = [vendorOf(vendorId)];
  return site.requests.filter((r) => matchHost(r.url, vendor) !== null);
}

/** The calls the page made to the vendor's API, as the emulator logged them (empty before it ran). */
export function emulatorCalls(page: Page, vendorId: ChatVendorId): Promise<unknown[][]> {
  return page.evaluate((log) => window[log]?.calls ?? [], CHAT_VENDORS[vendorId].log);
}

/**
 * Withdraw `functional` in `page` and wait until no element matching
 * `selector` is left in `other` (a second tab). Returns the time that took,
 * noted by the two tabs themselves on the clock they share (the call to
 * revoke() in one, the last such element leaving the other), so that the
 * test's own round trips to the browser do not count.
 */
export async function withdrawAcrossTabs(page: Page, other: Page, selector: string): Promise<number> {
  await other.evaluate((sel) => {
    const w = window as unknown as { cgGoneAt?: number };
    if (!document.querySelector(sel)) throw new Error(`withdrawAcrossTabs: no ${sel} in the other tab to see leave`);
    new MutationObserver((_, observer) => {
      if (document.querySelector(sel)) return;
      w.cgGoneAt = Date.now();
      observer.disconnect();
    }).observe(document.documentElement, { childList: true, subtree: true });
  }, selector);
  const started = await page.evaluate(() => {
    const at = Date.now();
    window.consentGate.revoke('functional');
    return at;
  });
  await other.locator(selector).first().waitFor({ state: 'detached', timeout: 10_000 });
  await expect.poll(() => other.evaluate(() => (window as unknown as { cgGoneAt?: number }).cgGoneAt)).toBeGreaterThan(0);
  return (await other.evaluate(() => (window as unknown as { cgGoneAt: number }).cgGoneAt)) - started;
}

/** Every copy of the cookies named (or whose names pass the test), as `name@domain/path`, sorted. */
export async function cookieCopies(site: Site, names: readonly string[] | ((name: string) => boolean)): Promise<string[]> {
  const wanted = typeof names === 'function' ? names : (name: string) => names.includes(name);
  return (await site.context.cookies())
    .filter((c) => wanted(c.name))
    .map((c) => `${c.name}@${c.domain}${c.path}`)
    .sort();
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
            const vendorOnly =
              !!skip && entry.sources.length > 0 && entry.sources.every((s) => s.node instanceof Element && s.node.closest(skip) !== null);
            if (!vendorOnly) sum += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 300);
      }),
    ignore ?? '',
  );
}
