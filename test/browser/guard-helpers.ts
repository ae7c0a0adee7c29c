/**
 * Shared pieces of the guard's browser tests: vendor hosts answered under
 * their real names (every request recorded by the harness), a page head with
 * config + guard, and small probes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, type HostHandler, type Site } from './harness';

export const CONFIG = { vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: '1' };
const VENDOR_HOSTS = [
  'js.usemessages.com',
  'js.hs-scripts.com',
  'js.hs-analytics.net',
  'track.hubspot.com',
  'app.hubspot.com',
  'api.hubspot.com',
  'js.hubspot.com',
  'js.hsadspixel.net',
];
export const IS_VENDOR = /(^|\.)(usemessages\.com|hs-scripts\.com|hs-analytics\.net|hubspot\.com|hsadspixel\.net)$/;

export const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** What a vendor (or the site) serves at a path: scripts announce themselves in `window.ran`. */
export function scriptBody(name: string): string {
  return `(window.ran = window.ran || []).push(${JSON.stringify(name)});`;
}
export function sri(body: string): string {
  return 'sha384-' + createHash('sha384').update(body).digest('base64');
}

export const vendorHandler: HostHandler = (url) => {
  const p = url.pathname;
  if (p.endsWith('.js')) return { body: scriptBody(url.host + p), contentType: 'text/javascript' };
  if (p.endsWith('.gif') || p.endsWith('.png')) return { body: GIF, contentType: 'image/gif' };
  if (p.endsWith('.css')) return { body: 'body { --vendor: 1 }', contentType: 'text/css' };
  if (p.endsWith('.json')) return { body: '{"ok":true}', contentType: 'application/json' };
  return { body: '<!doctype html><p>vendor frame</p>', contentType: 'text/html' };
};

export const vendorHosts = (): Record<string, HostHandler> => Object.fromEntries(VENDOR_HOSTS.map((h) => [h, vendorHandler]));

/** The site's own files. */
export const ownFiles = {
  '/own.js': { body: scriptBody('own.js'), contentType: 'text/javascript' },
  '/own.gif': { body: GIF, contentType: 'image/gif' },
};

/**
 * The built guard, read once per test file and served as `/guard.js`, so a
 * rebuild of dist/ while the tests run does not pull it away mid-file.
 */
export async function builtGuard(): Promise<{ body: string; contentType: string }> {
  const file = join(DIST, 'consent-gate-guard.js');
  for (let i = 0; i < 120 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 500));
  return { body: readFileSync(file, 'utf8'), contentType: 'text/javascript' };
}

export function guardHead(config: unknown = CONFIG, extra = ''): string {
  return `<script>window.consentGateConfig = ${JSON.stringify(config)};</script>
<script src="/guard.js"></script>${extra}`;
}

export const vendorRequests = (site: Site) => site.requests.filter((r) => IS_VENDOR.test(r.host));
/** The paths of every request to a vendor host, sorted (what a release fetched, in no particular order). */
export const vendorPaths = (site: Site): string[] =>
  vendorRequests(site)
    .map((r) => r.path)
    .sort();

/** Allow everything through the bridge, as the runtime does after a grant. */
export async function allowAll(site: Site): Promise<void> {
  await site.page.evaluate(() => (window as any).__consentGateGuard.update(() => true));
}

export const ran = (site: Site): Promise<string[]> => site.page.evaluate(() => (window as any).ran ?? []);

export const settle = (site: Site, ms = 150) => site.page.waitForTimeout(ms);
