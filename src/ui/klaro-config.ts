/**
 * Generates Klaro's configuration from the resolved config, the catalog and
 * the texts of one language, and translates Klaro's decisions back into
 * ours. Pure functions: no Klaro, no DOM, so they are unit-tested.
 *
 * Klaro's pitfalls handled here: one service per purpose with an explicit
 * `default: false` and no global `default: true`; no string hooks (no
 * callbacks at all: vendors react to our record, not to Klaro); Klaro keeps
 * nothing of its own (its state lives in src/ui/manager.ts, fed from our record).
 */
import type { ResolvedConfig } from '../config.js';
import type { DecisionChange } from '../consent/gate.js';
import type { Decisions, OptionalPurpose } from '../types.js';
import english from './lang/en.js';
import { fill, type Texts } from './texts.js';

export const BANNER_ELEMENT_ID = 'consent-gate-banner';

interface KlaroService {
  name: OptionalPurpose;
  title: string;
  description: string;
  /** Shown under the description, emphasised (the GPC notice on marketing). */
  note?: string;
  /** Empty: each service is a purpose already, Klaro need not repeat it. */
  purposes: never[];
  default: false;
  required: false;
  optOut: false;
  onlyOnce: true;
  cookies: never[];
}

export interface KlaroConfig {
  version: 1;
  elementID: string;
  storageMethod: 'test';
  storageName: string;
  default: false;
  mustConsent: false;
  acceptAll: true;
  hideDeclineAll: false;
  hideLearnMore: false;
  noticeAsModal: false;
  groupByPurpose: false;
  disablePoweredBy: true;
  htmlTexts: false;
  showNoticeTitle: true;
  /** The BCP 47 tag of the language shown (Klaro's key for it and the `lang` attribute). */
  lang: string;
  purposeOrder: OptionalPurpose[];
  services: KlaroService[];
  translations: Record<string, Record<string, unknown>>;
}

const DESCRIPTION: Record<OptionalPurpose, keyof Texts> = {
  functional: 'functionalDescription',
  analytics: 'analyticsDescription',
  marketing: 'marketingDescription',
};

/** The titles of the configured vendors that use a purpose (their own or any of their hosts', cookies' or storage keys'). */
function vendorsFor(config: ResolvedConfig, purpose: OptionalPurpose): string[] {
  return config.vendors.filter((v) => v.uses.includes(purpose)).map((v) => v.vendor?.title ?? v.id);
}

/** What the first layer says, in blocks (a short block each, so none outweighs the page's own content as its largest paint). */
export interface NoticeParts {
  /** "We would like to use these optional services:" */
  intro: string;
  /** One line per purpose in use, with the providers behind it: "Functional (HubSpot Conversations)". */
  purposes: string[];
  /** What the choice means (the site's own text when it gives one). */
  description: string;
  /** The privacy policy sentence around its link, when the site has a policy: [before, after]. */
  policy: [string, string] | null;
}

export function noticeParts(config: ResolvedConfig, texts: Texts): NoticeParts {
  const [before = '', after = ''] = texts.policyText.split('{privacyPolicy}');
  return {
    intro: texts.services.replace(/\s*\{purposes\}\s*[.。]?\s*$/, ''),
    purposes: config.purposes.map((p) => {
      const vendors = vendorsFor(config, p);
      return vendors.length ? `${texts[p]} (${vendors.join(', ')})` : texts[p];
    }),
    description: config.banner.description ?? texts.description,
    policy: config.banner.privacyPolicyUrl ? [before, after] : null,
  };
}

export interface KlaroConfigOptions {
  /** The BCP 47 tag of `texts`' language. Default `en`. */
  lang?: string;
  /** Whether a Global Privacy Control signal turned marketing off (Decisions.gpc.applied). */
  gpcApplied?: boolean;
}

export function klaroConfig(config: ResolvedConfig, texts: Texts = english, options: KlaroConfigOptions = {}): KlaroConfig {
  const lang = options.lang ?? 'en';
  const site = config.banner;
  const services: KlaroService[] = config.purposes.map((purpose) => {
    const vendors = vendorsFor(config, purpose);
    const service: KlaroService = {
      name: purpose,
      title: texts[purpose],
      description: texts[DESCRIPTION[purpose]] + (vendors.length ? ' ' + fill(texts.usedBy, { vendors: vendors.join(', ') }) : ''),
      purposes: [],
      default: false,
      required: false,
      optOut: false,
      onlyOnce: true,
      cookies: [],
    };
    if (purpose === 'marketing' && options.gpcApplied) service.note = texts.gpcHonored;
    return service;
  });
  const translation: Record<string, unknown> = {
    ok: site.acceptAll ?? texts.acceptAll,
    decline: site.rejectAll ?? texts.rejectAll,
    acceptAll: site.acceptAll ?? texts.acceptAll,
    acceptSelected: site.save ?? texts.save,
    save: site.save ?? texts.save,
    close: texts.close,
    consentNotice: {
      title: site.title ?? texts.title,
      description: config.banner.description ?? texts.description,
      learnMore: site.settings ?? texts.settings,
      changeDescription: texts.changed,
    },
    consentModal: {
      title: site.title ?? texts.settingsTitle,
      description: texts.settingsDescription,
    },
    privacyPolicy: { name: texts.policyName, text: texts.policyText },
    purposes: Object.fromEntries(config.purposes.map((p) => [p, { title: texts[p], description: texts[DESCRIPTION[p]] }])),
    service: {
      disableAll: { title: texts.toggleAllTitle, description: texts.toggleAllDescription },
    },
  };
  if (site.privacyPolicyUrl) translation.privacyPolicyUrl = site.privacyPolicyUrl;
  return {
    version: 1,
    elementID: BANNER_ELEMENT_ID,
    storageMethod: 'test',
    storageName: `consent-gate-klaro-${config.cookieName}`,
    default: false,
    mustConsent: false,
    acceptAll: true,
    hideDeclineAll: false,
    hideLearnMore: false,
    noticeAsModal: false,
    groupByPurpose: false,
    disablePoweredBy: true,
    htmlTexts: false,
    showNoticeTitle: true,
    lang,
    purposeOrder: [...config.purposes],
    services,
    // `zz` is Klaro's fallback language
    translations: { zz: translation, [lang]: translation },
  };
}

/** Klaro's consents for our decisions (one entry per offered purpose). */
export function klaroConsents(config: ResolvedConfig, decisions: Decisions): Record<string, boolean> {
  return Object.fromEntries(config.purposes.map((p) => [p, decisions.purposes[p]]));
}

/**
 * Our decision for what Klaro saved. "Accept all" and "Reject all" are
 * decisions about everything, so they also clear per-vendor overrides.
 */
export function changeFromKlaro(config: ResolvedConfig, consents: Record<string, unknown>, type: string): DecisionChange {
  const purposes: Partial<Record<OptionalPurpose, boolean>> = {};
  for (const p of config.purposes) purposes[p] = type === 'accept' ? true : type === 'decline' ? false : consents[p] === true;
  return { purposes, reset: type === 'accept' || type === 'decline' };
}
