/**
 * The banner and its settings panel meet WCAG 2.2 AA in Chromium: axe-core
 * finds nothing in English or German, controls and focus rings contrast at
 * least 3:1 in every state, every target is at least 24 × 24 CSS px, and the
 * notice never hides what the visitor tabs to (2.4.11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { axeViolations, installContrast, modal, notice, shopPage } from './banner-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

describe('banner accessibility (Chromium, axe-core 4.11)', () => {
  for (const [lang, settings] of [
    ['en', 'Settings'],
    ['de', 'Einstellungen'],
  ] as const) {
    it(`${lang}: no axe violations on the first layer or the settings panel`, async () => {
      const site = await openSite(browser, { pages: { '/': shopPage({ lang }) } });
      await site.page.goto(site.url('/'));
      await notice(site.page).waitFor({ state: 'visible' });
      expect(await site.page.locator('#consent-gate-banner .klaro').getAttribute('lang')).toBe(lang);
      expect(await axeViolations(site.page)).toEqual([]);
      await notice(site.page).getByRole('link', { name: settings }).click();
      await modal(site.page).waitFor({ state: 'visible' });
      expect(await axeViolations(site.page)).toEqual([]);
      await site.close();
    });
  }

  it('controls, switch states and focus rings contrast at least 3:1, text 4.5:1; every target is at least 24 × 24 px', async () => {
    const site = await openSite(browser, { pages: { '/': shopPage() } });
    const { page } = site;
    await page.goto(site.url('/'));
    await notice(page).waitFor({ state: 'visible' });
    await installContrast(page);
    // the first layer: buttons against the notice, the focus ring of each control against the notice
    const noticeChecks = await page.evaluate(() => {
      const c = (window as any).contrast;
      const box = document.querySelector('#consent-gate-banner .cookie-notice')!;
      const bg = getComputedStyle(box).backgroundColor;
      return [...box.querySelectorAll<HTMLElement>('a, button')].map((el) => {
        const s = getComputedStyle(el);
        return {
          name: el.textContent!.trim(),
          text: c(s.color, el.tagName === 'BUTTON' ? s.backgroundColor : bg),
          control: el.tagName === 'BUTTON' ? c(s.backgroundColor, bg) : 99,
          w: el.getBoundingClientRect().width,
          h: el.getBoundingClientRect().height,
          inline: el.closest('p') !== null,
        };
      });
    });
    expect(noticeChecks.map((x) => x.name)).toEqual(['privacy policy', 'Settings', 'Reject all', 'Accept all']);
    for (const x of noticeChecks) {
      expect(x.text, `${x.name} text`).toBeGreaterThanOrEqual(4.5);
      expect(x.control, `${x.name} against the notice`).toBeGreaterThanOrEqual(3);
      // links inside a sentence are exempt from 2.5.8 (inline)
      if (!x.inline) expect(Math.min(x.w, x.h), `${x.name} target`).toBeGreaterThanOrEqual(24);
    }
    const ringOf = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el.matches('input') ? el.parentElement!.querySelector('.slider')! : el);
        const bg = getComputedStyle(el.closest('.cookie-notice, .cm-modal')!).backgroundColor;
        return {
          name: el.id || el.textContent!.trim(),
          style: s.outlineStyle,
          width: parseFloat(s.outlineWidth),
          contrast: (window as any).contrast(s.outlineColor, bg),
        };
      });
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const ring = await ringOf();
      expect(ring.style, ring.name).toBe('solid');
      expect(ring.width, ring.name).toBeGreaterThanOrEqual(2);
      expect(ring.contrast, ring.name).toBeGreaterThanOrEqual(3);
    }
    // the settings panel: each switch off and on, its knob, every control's target and focus ring
    await page.locator('#privacy').click();
    await modal(page).waitFor({ state: 'visible' });
    const switchState = () =>
      page.evaluate(() => {
        const c = (window as any).contrast;
        const bg = getComputedStyle(document.querySelector('#consent-gate-banner .cm-modal')!).backgroundColor;
        return [...document.querySelectorAll<HTMLInputElement>('#consent-gate-banner .cm-list-input')].map((input) => {
          const slider = input.parentElement!.querySelector('.slider')!;
          const track = getComputedStyle(slider).backgroundColor;
          const knob = getComputedStyle(slider, '::before').backgroundColor;
          const r = input.getBoundingClientRect();
          return {
            id: input.id,
            checked: input.checked,
            track: c(track, bg),
            knob: c(knob, track),
            w: r.width,
            h: r.height,
            description: c(getComputedStyle(input.parentElement!.querySelector('.cm-list-description') ?? slider).color, bg),
          };
        });
      });
    const off = await switchState();
    expect(off.length).toBe(4);
    await page.locator('#consent-gate-banner label[for="service-item-disableAll"]').click();
    const on = await switchState();
    for (const s of [...off, ...on]) {
      expect(s.track, `${s.id} track ${s.checked ? 'on' : 'off'}`).toBeGreaterThanOrEqual(3);
      expect(s.knob, `${s.id} knob ${s.checked ? 'on' : 'off'}`).toBeGreaterThanOrEqual(3);
      expect(s.description, `${s.id} description`).toBeGreaterThanOrEqual(4.5);
      expect(Math.min(s.w, s.h), `${s.id} target`).toBeGreaterThanOrEqual(24);
    }
    expect(on.every((s) => s.checked)).toBe(true);
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#consent-gate-banner .cm-modal button')].map((b) => ({
        name: b.getAttribute('aria-label') ?? b.textContent!.trim(),
        w: b.getBoundingClientRect().width,
        h: b.getBoundingClientRect().height,
      })),
    );
    expect(controls.map((b) => b.name)).toEqual(['Close', 'Reject all', 'Save choices', 'Accept all']);
    for (const b of controls) expect(Math.min(b.w, b.h), `${b.name} target`).toBeGreaterThanOrEqual(24);
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      const ring = await ringOf();
      expect(ring.style, ring.name).toBe('solid');
      expect(ring.contrast, ring.name).toBeGreaterThanOrEqual(3);
    }
    await site.close();
  });

  it('the notice never hides what the visitor tabs to (WCAG 2.4.11), at desktop and phone sizes', async () => {
    const links = Array.from({ length: 26 }, (_, i) => `<p><a href="#l${i}" id="l${i}">Link ${i}</a></p>`).join('');
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 740 },
    ]) {
      const context = await browser.newContext({ viewport });
      const site = await openSite(browser, { context, pages: { '/': shopPage({ body: links }) } });
      const { page } = site;
      await page.goto(site.url('/'));
      await notice(page).waitFor({ state: 'visible' });
      await page.locator('#search').focus();
      for (let i = 0; i < 28; i++) {
        await page.keyboard.press('Tab');
        const hidden = await page.evaluate(() => {
          const el = document.activeElement!;
          if (el.closest('#consent-gate-banner')) return null;
          const a = el.getBoundingClientRect();
          const n = document.querySelector('#consent-gate-banner .cookie-notice')!.getBoundingClientRect();
          const covered = a.left >= n.left && a.right <= n.right && a.top >= n.top && a.bottom <= n.bottom;
          return covered ? `${el.id} is under the notice` : null;
        });
        expect(hidden, `${viewport.width}px`).toBeNull();
      }
      await site.close();
    }
  });
});
