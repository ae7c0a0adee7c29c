/**
 * The chat's own UI for every visitor, in Chromium: axe-core (WCAG 2 A and AA,
 * 2.1 AA, 2.2 AA) on the prompt, the away prompt, the failure panel and the
 * inline placeholder; keyboard alone from the launcher to an open chat; focus
 * that returns, leaves and lands where it should; contrast, target sizes,
 * visible focus, and nothing of ours behind the banner when focused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axe } from './axe';
import { launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { hubspotEmulator } from '../../emulators/hubspot/index.mjs';
import { chatShopPage, chatWidget, launcher, openChatShop, prompt } from './chat-kit';
import { HUBSPOT } from './hubspot-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

/** axe's violations inside the given elements, as "rule: target failure" lines (empty when there are none). */
async function violations(page: Page, ...selectors: string[]): Promise<string[]> {
  const result = await axe(page, selectors);
  expect(result.version).toMatch(/^4\.11\./);
  // the check can fail: it did look at our elements
  expect(result.ran.length + result.violations.length).toBeGreaterThan(0);
  return result.violations;
}

/** Press Tab until `target` has focus (at most `max` times); the number of presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error(`${target} not reached with ${max} presses of Tab`);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el
      ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`
      : 'none';
  });

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** axe-core takes seconds per run on a busy machine. */
const AXE_TIMEOUT = 180_000;

describe('axe-core: zero violations (wcag2a, wcag2aa, wcag21aa, wcag22aa)', () => {
  it(
    'the chat prompt, and the launcher that opened it',
    async () => {
      const { site, page } = await openChatShop(browser, HUBSPOT);
      await page.goto(site.url('/'));
      await launcher(page).click();
      await prompt(page).waitFor({ state: 'visible' });
      expect(await violations(page, '[data-consent-gate-prompt]', 'button.cg-chat-launcher')).toEqual([]);
      await site.close();
    },
    AXE_TIMEOUT,
  );

  it(
    'the away prompt (outside business hours)',
    async () => {
      const context = await browser.newContext({ timezoneId: 'Europe/Amsterdam' });
      await context.clock.setFixedTime(new Date('2026-03-02T18:00:00Z'));
      const hubspot = hubspotEmulator();
      const vendor = {
        fallbackUrl: 'mailto:help@shop.test',
        show: { hours: { timeZone: 'Europe/Amsterdam', days: { mon: ['09:00-17:00'] }, replyTime: 'We usually reply within an hour.' } },
      };
      const site = await openSite(browser, { context, pages: { '/': chatShopPage(HUBSPOT, { vendor }) }, hosts: hubspot.handlers });
      await site.page.goto(site.url('/'));
      await launcher(site.page).click();
      await site.page.locator('[data-consent-gate-away]').waitFor({ state: 'visible' });
      expect(await violations(site.page, '[data-consent-gate-prompt]')).toEqual([]);
      await site.close();
    },
    AXE_TIMEOUT,
  );

  it(
    'the failure panel',
    async () => {
      const {
        site,
        page,
        emulator: hubspot,
      } = await openChatShop(browser, HUBSPOT, { vendor: { timeout: 1500, fallbackUrl: 'mailto:help@shop.test' } });
      hubspot.fail('js.usemessages.com', '404');
      await page.goto(site.url('/'));
      await launcher(page).click();
      await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
      await page.locator('[data-consent-gate-failure]').waitFor({ state: 'visible', timeout: 5000 });
      expect(await violations(page, '[data-consent-gate-failure]')).toEqual([]);
      await site.close();
    },
    AXE_TIMEOUT,
  );

  it(
    'the inline chat placeholder, and the prompt inside it',
    async () => {
      const { site, page } = await openChatShop(browser, HUBSPOT, {
        vendor: { inlineEmbedSelector: '#chat-here', placeholderHeight: 420 },
        body: '<section id="chat-here" aria-label="Chat"></section>',
      });
      await page.goto(site.url('/'));
      const placeholder = page.locator('#chat-here [data-consent-gate-placeholder]');
      await placeholder.waitFor({ state: 'visible' });
      expect(await violations(page, '#chat-here')).toEqual([]);
      await placeholder.getByRole('button', { name: 'Start chat' }).click();
      await placeholder.locator('[data-consent-gate-prompt]').waitFor({ state: 'visible' });
      expect(await violations(page, '#chat-here')).toEqual([]);
      await site.close();
    },
    AXE_TIMEOUT,
  );
});

describe('axe-core in another language: the same UI in German (lang: "de")', () => {
  it(
    'the prompt, the failure panel and the inline placeholder',
    async () => {
      const {
        site,
        page,
        emulator: hubspot,
      } = await openChatShop(browser, HUBSPOT, {
        config: { lang: 'de' },
        vendor: { timeout: 1500, fallbackUrl: 'mailto:help@shop.test', inlineEmbedSelector: '#chat-here', placeholderHeight: 420 },
        body: '<section id="chat-here" aria-label="Chat"></section>',
      });
      hubspot.fail('js.usemessages.com', '404');
      await page.goto(site.url('/'));
      const placeholder = page.locator('#chat-here [data-consent-gate-placeholder]');
      await placeholder.getByRole('button', { name: 'Chat starten' }).waitFor({ state: 'visible' });
      expect(await violations(page, '#chat-here')).toEqual([]);
      await placeholder.getByRole('button', { name: 'Chat starten' }).click();
      const inside = placeholder.locator('[data-consent-gate-prompt]');
      await inside.getByRole('button', { name: 'Erlauben und Chat starten' }).waitFor({ state: 'visible' });
      expect(await violations(page, '#chat-here')).toEqual([]);
      await inside.getByRole('button', { name: 'Erlauben und Chat starten' }).click();
      await page.locator('[data-consent-gate-failure]').waitFor({ state: 'visible', timeout: 10_000 });
      expect(await violations(page, '[data-consent-gate-failure]')).toEqual([]);
      await site.close();
    },
    AXE_TIMEOUT,
  );
});

describe('keyboard only', () => {
  it('Tab to the launcher, Enter opens the prompt, Enter on "Allow and start chat" loads the chat, and focus goes into the chat', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT);
    await page.goto(site.url('/'));
    await launcher(page).waitFor({ state: 'visible' });
    await tabTo(page, launcher(page));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Start a chat with HubSpot Conversations?' });
    await dialog.waitFor({ state: 'visible' });
    expect(await focused(page)).toBe('button.cg-chat-btn.cg-chat-allow');
    await page.keyboard.press('Enter');
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(() => window.consentGate.chat().status().state === 'ready');
    // the vendor's widget has focus (its frame), not <body>
    await expect.poll(() => focused(page)).toBe('iframe#hubspot-conversations-iframe');
    await site.close();
  });

  it('Escape closes the prompt and focus is back on the launcher; Tab out of the prompt closes it and leaves focus where it went', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT);
    await page.goto(site.url('/'));
    await launcher(page).waitFor({ state: 'visible' });
    await tabTo(page, launcher(page));
    await page.keyboard.press('Enter');
    await prompt(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await prompt(page).waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button.cg-chat-launcher.cg-right');
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('Enter');
    await prompt(page).waitFor({ state: 'visible' });
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    // Shift+Tab: the privacy policy link (still inside), then the launcher (outside): the prompt closes
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('a.cg-chat-small.cg-chat-link');
    await prompt(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Shift+Tab');
    await prompt(page).waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button.cg-chat-launcher.cg-right');
    expect(await page.evaluate(() => window.consentGate.chat().status().state)).toBe('idle');
    await site.close();
  });

  it('the failure panel: its controls in order, Enter on "Try again" retries', async () => {
    const {
      site,
      page,
      emulator: hubspot,
    } = await openChatShop(browser, HUBSPOT, { vendor: { timeout: 1500, fallbackUrl: 'mailto:help@shop.test' } });
    hubspot.fail('js.usemessages.com', '404');
    await page.goto(site.url('/'));
    await launcher(page).waitFor({ state: 'visible' });
    await tabTo(page, launcher(page));
    await page.keyboard.press('Enter');
    await prompt(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('[data-consent-gate-failure="error"]').waitFor({ state: 'visible', timeout: 5000 });
    expect(await focused(page)).toBe('button.cg-chat-btn.cg-chat-retry');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a.cg-chat-btn.cg-chat-fallback');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button.cg-chat-btn.cg-chat-dismiss');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    hubspot.restore('js.usemessages.com');
    await page.keyboard.press('Enter');
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    await site.close();
  });

  it('the inline placeholder: Tab to "Start chat", Enter prompts inside it, Escape returns focus to "Start chat"', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      vendor: { inlineEmbedSelector: '#chat-here' },
      body: '<section id="chat-here" aria-label="Chat"></section>',
    });
    await page.goto(site.url('/'));
    const start = page.locator('#chat-here').getByRole('button', { name: 'Start chat' });
    await start.waitFor({ state: 'visible' });
    await tabTo(page, start);
    await page.keyboard.press('Enter');
    await page.locator('#chat-here [data-consent-gate-prompt]').waitFor({ state: 'visible' });
    expect(await focused(page)).toBe('button.cg-chat-btn.cg-chat-allow');
    await page.keyboard.press('Escape');
    await page.locator('#chat-here [data-consent-gate-prompt]').waitFor({ state: 'detached' });
    expect(await start.evaluate((el) => el === document.activeElement)).toBe(true);
    await site.close();
  });
});

describe('contrast, targets, visible focus, and nothing hidden behind the banner', () => {
  it('every control of the prompt and the failure panel: at least 24 x 24 px, a focus ring of at least 3:1, text of at least 4.5:1; at 360 x 640 with the banner up, each focused control is on top', async () => {
    const {
      site,
      page,
      emulator: hubspot,
    } = await openChatShop(browser, HUBSPOT, { vendor: { timeout: 1500, fallbackUrl: 'mailto:help@shop.test' } });
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(site.url('/'));
    await page.locator('#consent-gate-banner .cookie-notice').waitFor({ state: 'visible' });
    await launcher(page).waitFor({ state: 'visible' });

    /** Focus each control inside `root` (after keyboard use, so :focus-visible applies) and measure it. */
    const check = async (root: Locator) => {
      const controls = root.locator('button, a[href]');
      const count = await controls.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        const control = controls.nth(i);
        await control.focus();
        expect(await control.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
        const box = (await control.boundingBox())!;
        const name = await control.innerText();
        expect(box.width, `${name} width`).toBeGreaterThanOrEqual(24);
        expect(box.height, `${name} height`).toBeGreaterThanOrEqual(24);
        const style = await control.evaluate((el) => {
          const s = getComputedStyle(el);
          return {
            outline: s.outlineStyle,
            width: parseFloat(s.outlineWidth),
            ring: s.outlineColor,
            shadow: s.boxShadow,
            color: s.color,
            bg: s.backgroundColor,
          };
        });
        expect(style.outline, `${name} focus outline`).toBe('solid');
        expect(style.width).toBeGreaterThanOrEqual(2);
        // the dark ring against the white panel, the white inner ring against the control's own colour
        expect(contrast(style.ring, 'rgb(255, 255, 255)'), `${name} focus ring`).toBeGreaterThanOrEqual(3);
        expect(style.shadow).toContain('rgb(255, 255, 255)');
        const bg = style.bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : style.bg;
        expect(contrast(style.color, bg), `${name} text`).toBeGreaterThanOrEqual(4.5);
        // on top where it is: the banner does not cover it
        const onTop = await page.evaluate(
          ([x, y]) => {
            const hit = document.elementFromPoint(x!, y!);
            return !!hit && (hit === document.activeElement || document.activeElement!.contains(hit));
          },
          [box.x + box.width / 2, box.y + box.height / 2],
        );
        expect(onTop, `${name} is covered`).toBe(true);
      }
    };

    // the launcher: 60 px, its ring against the page
    await launcher(page).focus();
    const ring = await launcher(page).evaluate((el) => getComputedStyle(el).outlineColor);
    expect(
      contrast(
        ring,
        await page.evaluate(() =>
          getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)'
            ? 'rgb(255, 255, 255)'
            : getComputedStyle(document.body).backgroundColor,
        ),
      ),
    ).toBeGreaterThanOrEqual(3);

    await page.keyboard.press('Enter');
    await prompt(page).waitFor({ state: 'visible' });
    await check(prompt(page));

    hubspot.fail('js.usemessages.com', '404');
    await prompt(page).getByRole('button', { name: 'Allow and start chat' }).focus();
    await page.keyboard.press('Enter');
    const failure = page.locator('[data-consent-gate-failure]');
    await failure.waitFor({ state: 'visible', timeout: 5000 });
    await check(failure);
    await site.close();
  });
});
