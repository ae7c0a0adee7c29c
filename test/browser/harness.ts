/**
 * Browser test harness: Debian's Chromium driven by playwright-core, with the
 * page and every vendor host served by route handlers (no network), under
 * real host names so host rules are exercised.
 *
 *   const browser = await launchBrowser();
 *   const site = await openSite(browser, { pages: { '/': html }, hosts: { 'js.usemessages.com': emulatorHandler } });
 *   await site.page.goto(site.url('/'));
 *   site.requestsTo('js.usemessages.com') // every request the page attempted to that host
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { contentTypeOf } from '../../cli/content-type.mjs';
import { CHROME_ARGS } from '../../cli/chromium.mjs';
import { chromium, type Browser, type BrowserContext, type Page, type Route, type Request, type Cookie } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const ORIGIN = 'https://www.shop.test';

function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: install it with `apt-get install chromium` or set CHROME_PATH');
  return found;
}

export interface LaunchedBrowser extends Browser {
  closeAll(): Promise<void>;
}

/** Launch Chromium. playwright-core gives every launch a fresh, empty profile folder (its own --user-data-dir) and removes it on close. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const browser = (await chromium.launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS })) as LaunchedBrowser;
  browser.closeAll = async () => {
    await browser.close().catch(() => undefined);
  };
  return browser;
}

export interface Served {
  status?: number;
  body: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Answers a request for a host: return what to serve, or null for 404. 'abort' fails it like a network error. */
export type HostHandler = (url: URL, request: Request) => Served | string | null | 'abort' | Promise<Served | string | null | 'abort'>;

export interface SiteOptions {
  /** Pages of the site's own origin by path, e.g. { '/': '<html>…' }. `/dist/*` is always served from the build. */
  pages?: Record<string, string | Served>;
  /** Vendor (and other) hosts and who answers them. Hosts not listed answer 404 (and are still recorded). */
  hosts?: Record<string, HostHandler>;
  origin?: string;
  /** Extra delay (ms) before answering the given hosts. */
  latency?: Record<string, number>;
  context?: BrowserContext;
}

export interface RecordedRequest {
  url: string;
  host: string;
  path: string;
  resourceType: string;
  method: string;
  /** ms since the site was opened */
  at: number;
}

export interface Site {
  context: BrowserContext;
  page: Page;
  origin: string;
  /** Every request the browser attempted, in order (including ones that failed). */
  requests: RecordedRequest[];
  url(path?: string): string;
  requestsTo(host: string | RegExp): RecordedRequest[];
  /** Cookies grouped by domain as Chromium stores them. */
  cookiesByDomain(): Promise<Record<string, Cookie[]>>;
  cookieNames(): Promise<string[]>;
  /** Open another tab of the same site (same cookies). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A handler serving a local folder under a host. */
function serveDir(dir: string): HostHandler {
  return (url) => {
    const file = join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file)) return null;
    return { body: readFileSync(file), contentType: contentTypeOf(file) };
  };
}

export function html(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop.test</title>${head}</head><body>${body}</body></html>`;
}

export async function openSite(browser: Browser, options: SiteOptions = {}): Promise<Site> {
  const origin = options.origin ?? ORIGIN;
  const originHost = new URL(origin).host;
  const context = options.context ?? (await browser.newContext());
  const requests: RecordedRequest[] = [];
  const started = Date.now();
  const serveDist = serveDir(DIST);

  context.on('request', (request) => {
    let url: URL;
    try {
      url = new URL(request.url());
    } catch {
      return;
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    requests.push({
      url: request.url(),
      host: url.host,
      path: url.pathname,
      resourceType: request.resourceType(),
      method: request.method(),
      at: Date.now() - started,
    });
  });

  const fulfil = async (route: Route, served: Served | string | null | 'abort', path: string) => {
    if (served === 'abort') return route.abort('internetdisconnected');
    if (served === null) return route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' });
    const s: Served = typeof served === 'string' ? { body: served } : served;
    return route.fulfill({
      status: s.status ?? 200,
      body: s.body,
      contentType: s.contentType ?? contentTypeOf(path === '/' || !extname(path) ? 'index.html' : path),
      headers: { 'access-control-allow-origin': '*', ...(s.headers ?? {}) },
    });
  };

  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ws:' && url.protocol !== 'wss:') return route.continue();
    const delay = options.latency?.[url.host];
    if (delay) await new Promise((r) => setTimeout(r, delay));
    if (url.host === originHost) {
      if (url.pathname.startsWith('/dist/'))
        return fulfil(route, serveDist(new URL(url.pathname.slice(5), origin), request) as Served | null, url.pathname);
      const page = options.pages?.[url.pathname];
      return fulfil(route, page ?? null, url.pathname);
    }
    const handler = options.hosts?.[url.host];
    if (!handler) return fulfil(route, null, url.pathname);
    return fulfil(route, await handler(url, request), url.pathname);
  });

  const page = await context.newPage();
  return {
    context,
    page,
    origin,
    requests,
    url: (path = '/') => new URL(path, origin).toString(),
    requestsTo: (host) => requests.filter((r) => (typeof host === 'string' ? r.host === host : host.test(r.host))),
    async cookiesByDomain() {
      const byDomain: Record<string, Cookie[]> = {};
      for (const c of await context.cookies()) (byDomain[c.domain] ??= []).push(c);
      return byDomain;
    },
    async cookieNames() {
      return (await context.cookies()).map((c) => c.name).sort();
    },
    newPage: () => context.newPage(),
    close: () => context.close(),
  };
}

/** The standard head of a drop-in page: config, then the guard, then the runtime. */
export function dropInHead(config: unknown, extra = ''): string {
  return `<script>window.consentGateConfig = ${JSON.stringify(config)};</script>
<script src="/dist/consent-gate-guard.js"></script>
${extra}
<script src="/dist/consent-gate.js" defer></script>`;
}
