import type { Page } from 'playwright-core';
import { axe } from './axe';
import { dropInHead } from './harness';

export const SHOP_CONFIG = {
  vendors: { 'hubspot-conversations': { portalId: '1234567' } },
  policyVersion: '2026-11',
  banner: { privacyPolicyUrl: '/privacy' },
};

/** A small shop page: a header link that opens the settings, a search field, a few links. */
export function shopPage({ lang = 'en', dir = '', config = SHOP_CONFIG as unknown, body = '' } = {}): string {
  return `<!doctype html><html lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>shop.test</title>${dropInHead(config)}</head>
<body><header><a href="/" id="home">Shop</a> <a href="#" id="privacy" data-consent-gate-settings>Privacy settings</a></header>
<main><h1>Shop</h1><label>Search <input id="search" type="search"></label><p><a href="/products" id="products">Products</a></p>${body}</main></body></html>`;
}

export const notice = (page: Page) => page.locator('#consent-gate-banner .cookie-notice');
export const modal = (page: Page) => page.locator('#consent-gate-banner .cm-modal');

/** axe-core 4.11 on the banner with the WCAG 2.0/2.1/2.2 A and AA rules; returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await axe(page, '#consent-gate-banner')).violations;
}

/** Which element has focus, as a short description (id, else tag and text). */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}`;
  });
}

/** Install `window.contrast(a, b)` (WCAG 2 contrast ratio of two CSS rgb[a] colours) in the page. */
export async function installContrast(page: Page): Promise<void> {
  await page.evaluate(() => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = parse(c)
        .map((v) => v / 255)
        .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    (window as any).contrast = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return Math.round(((x! + 0.05) / (y! + 0.05)) * 100) / 100;
    };
  });
}
