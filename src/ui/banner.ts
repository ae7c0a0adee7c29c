/**
 * The banner: Klaro's UI, built from Klaro's sources on Preact, driven by
 * our record. An ES module loaded only when a banner or the settings panel
 * must show; English is inside, every other language is its own small module
 * fetched when the page asks for it.
 */
import { h, render } from 'preact';
import App from 'klaro/src/components/app.jsx';
import { t as translate } from 'klaro/src/utils/i18n.js';
import css from './banner.scss';
import { BANNER_ELEMENT_ID, changeFromKlaro, klaroConfig, klaroConsents, noticeParts } from './klaro-config.js';
import { BannerManager } from './manager.js';
import { bannerRoot, watchFocus, type FocusWatch } from './focus.js';
import english from './lang/en.js';
import { LOADERS } from './lang/index.js';
import { chooseLanguage, languageTag, LANGUAGES, type Language, type Texts } from './texts.js';
import type { BannerBridge, BannerHandle } from './banner-types.js';
import { injectStyle } from '../dom.js';

interface Loaded {
  language: Language;
  texts: Texts;
}

/** The texts for the page's language; English (with one warning) when that language is not shipped or its file cannot be fetched. */
function loadTexts(configLang: string | undefined): Promise<Loaded> {
  const { language, missing } = chooseLanguage(configLang, document.documentElement.lang);
  if (missing)
    console.warn(`consent-gate: the banner has no texts for "${missing}"; it shows English. Languages: ${LANGUAGES.join(', ')}.`);
  if (language === 'en') return Promise.resolve({ language, texts: english });
  return LOADERS[language]().then(
    (mod) => ({ language, texts: mod.default }),
    (error: unknown) => {
      console.warn(`consent-gate: could not fetch the banner's "${language}" texts; it shows English.`, error);
      return { language: 'en' as const, texts: english };
    },
  );
}

/**
 * After the page's next paint (the first paint is the site's, not the
 * banner's), each step in a task of its own: parsing the stylesheet and
 * rendering are each a few milliseconds, together they would make one long task.
 */
function afterPaint(...steps: (() => void)[]): void {
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    step();
    if (steps.length) setTimeout(next, 0);
  };
  requestAnimationFrame(() => setTimeout(next, 0));
}

export function mountBanner(bridge: BannerBridge): BannerHandle {
  const texts = loadTexts(bridge.config.lang);
  let mode: 'hidden' | 'notice' | 'settings' = 'hidden';
  let shown = 0;
  let root: HTMLElement | null = null;
  let focus: FocusWatch | null = null;

  const manager = new BannerManager((consents, type) => {
    mode = 'hidden';
    bridge.decide(changeFromKlaro(bridge.config, consents, type), 'banner');
  });

  function draw(settings: boolean, { language, texts }: Loaded): void {
    root ??= bannerRoot(BANNER_ELEMENT_ID);
    focus ??= watchFocus(root);
    const decisions = bridge.decisions();
    const config = klaroConfig(bridge.config, texts, { lang: languageTag(language), gpcApplied: decisions.gpc?.applied === true });
    // the GPC notice, emphasised on a line of its own under the marketing description
    const services = config.services.map((s) =>
      s.note ? { ...s, description: [s.description, h('strong', { class: 'cg-gpc' }, s.note)] } : s,
    );
    // the first layer: the purposes and their providers before its description, the privacy policy after
    const parts = noticeParts(bridge.config, texts);
    const noticeBefore = parts.purposes.length
      ? [
          h('p', { class: 'cg-intro' }, parts.intro),
          h(
            'ul',
            { class: 'cg-purposes' },
            parts.purposes.map((p) => h('li', null, p)),
          ),
        ]
      : null;
    const noticeAfter = parts.policy
      ? h(
          'p',
          { class: 'cg-policy' },
          parts.policy[0],
          h('a', { href: bridge.config.banner.privacyPolicyUrl }, texts.policyName),
          parts.policy[1],
        )
      : null;
    // the first layer shows while the record holds no decision
    manager.seed(klaroConsents(bridge.config, decisions), settings ? decisions.decided : false);
    if (settings) focus.remember();
    const t = (key: unknown, ...params: unknown[]) => translate(config.translations, config.lang, 'zz', key, ...params);
    render(
      h(App, {
        t,
        lang: config.lang,
        manager,
        config: { ...config, services, noticeBefore, noticeAfter },
        testing: false,
        modal: settings,
        show: ++shown,
      }),
      root,
    );
  }

  return {
    show(settings = false) {
      mode = settings ? 'settings' : 'notice';
      void texts.then((loaded) => {
        const styles = () => injectStyle(document, `${BANNER_ELEMENT_ID}-styles`, css, bridge.config.nonce);
        // the settings panel answers a click at once; the first layer waits for the page's paint
        if (settings) {
          styles();
          draw(true, loaded);
        } else afterPaint(styles, () => mode === 'notice' && draw(false, loaded));
      });
    },
    update(decisions) {
      manager.seed(klaroConsents(bridge.config, decisions), decisions.decided);
      // a decision made elsewhere answers the first layer; an open settings panel only reflects it
      if (mode === 'notice' && decisions.decided) {
        mode = 'hidden';
        manager.notify('applyConsents', 0);
      }
    },
  };
}
