/**
 * Microsoft Advertising Universal Event Tracking (UET, bat.js). Facts come
 * from the project's tag-facts reference, §6, and standards-facts §1 (UET
 * consent mode). U1–U3 are Microsoft's own pages; most UET facts come from
 * copies of the snippet and CMP documentation, so they are marked unverified.
 *
 * Microsoft's consent mode is declared as a signal: the head guard writes
 * `uetq.push('consent', 'default' | 'update', { ad_storage })` before bat.js
 * runs and after every change. Denied, UET neither reads nor writes its
 * first-party cookies, but deletes none: the runtime's sweep does.
 */
import {
  DAY,
  hostBaseOption,
  hostUrl,
  MONTH,
  type ConsentSignal,
  type Vendor,
  type VendorData,
  type VendorOptions,
} from '../src/contract/index.js';
import { consentModeOption, scriptOnPage } from './_tags.js';

const FACTS = 'tag-facts §6 (Microsoft Advertising UET)';
export const UET_HOST = 'bat.bing.com';
export const UET_PATH = '/bat.js';

/** Why marketing. */
export const purposeSource = `${FACTS}, Purpose row: conversion tracking and remarketing (marketing); its one consent type is ad_storage (standards-facts §1)`;

/** Microsoft UET consent mode: one type, ad_storage, on the `uetq` queue. */
export const UET_CONSENT_MODE: ConsentSignal = {
  queue: 'uetq',
  style: 'args',
  command: ['consent', '{phase}'],
  types: { ad_storage: 'marketing' },
  values: ['granted', 'denied'],
  source:
    "standards-facts §1: Microsoft requires Consent Mode or TCF for EEA/UK/CH traffic (learn.microsoft.com/en-us/advertising/msa-help/hlp_ba_conc_uet_consent); uetq.push('consent','default',{ad_storage}) then 'update', before or after bat.js (CookieHub, consentmanager.net and c15t documentation; tag-facts §6 [U4], unverified: Microsoft's own page read only as quoted)",
};

export interface MicrosoftUetOptions extends VendorOptions {
  /** The UET tag id (digits). With it, consent-gate inserts Microsoft's snippet itself. */
  tagId?: string;
  /** `basic` (default): held back until marketing is granted. `advanced`: bat.js loads with ad_storage denied and neither reads nor writes its cookies. */
  consentMode?: 'basic' | 'advanced';
  /** Where Microsoft's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

const SNIPPETS = `unverified: ${FACTS}, from copies of Microsoft's snippet [SNIP]`;
const LIFETIMES = `lifetimes conflict between sources [UETCMP][OCD]`;

export const data: VendorData = {
  id: 'microsoft-uet',
  kind: 'tag',
  title: 'Microsoft Advertising (UET)',
  provider: 'Microsoft Ireland Operations Limited',
  privacyPolicyUrl: 'https://privacy.microsoft.com/privacystatement',
  purpose: 'marketing',
  summary: 'Microsoft Advertising measures visits and purchases that follow our Bing ads and lets us show our ads to people who visited.',
  hosts: [
    {
      host: UET_HOST,
      purpose: 'marketing',
      description: 'The UET script (bat.bing.com/bat.js) and its beacons (bat.bing.com/action/0?ti=<tagId>…).',
      source: `${SNIPPETS}; Microsoft's UET tag help [U1] describes the tag`,
    },
  ],
  cookies: [
    {
      name: '_uetsid',
      purpose: 'marketing',
      lifetime: DAY,
      scope: 'parent',
      description: 'UET session id.',
      source: `unverified: ${FACTS}: name from CMP documentation; 1 day chosen where 30 minutes, session and 1 day are given; ${LIFETIMES}; parent domain inferred`,
    },
    {
      name: '_uetvid',
      purpose: 'marketing',
      lifetime: 13 * MONTH,
      scope: 'parent',
      description: 'UET visitor id, to recognise a returning visitor.',
      source: `unverified: ${FACTS}: name from CMP documentation; 13 months chosen where 16 days and 13 months are given; ${LIFETIMES}; parent domain inferred`,
    },
    {
      name: '_uetmsclkid',
      purpose: 'marketing',
      lifetime: 90 * DAY,
      scope: 'parent',
      description: 'The Microsoft click id (?msclkid= on ad landing URLs), so a purchase is credited to the ad.',
      source: `unverified: ${FACTS}: the cookie name is not officially documented (a CMP catalogue) [OBS] and no source gives its lifetime (90 days is an assumption); Microsoft says msclkid "should be stored in a first party cookie" [U3]`,
    },
  ],
  storage: [
    {
      key: '_uetsid',
      match: 'prefix',
      storage: 'local',
      purpose: 'marketing',
      lifetime: 0,
      description: 'Copies of the session id and its expiry (_uetsid, _uetsid_exp) in localStorage.',
      source: `unverified: ${FACTS}, Storage row: several independent storage dumps [OBS]`,
    },
    {
      key: '_uetvid',
      match: 'prefix',
      storage: 'local',
      purpose: 'marketing',
      lifetime: 0,
      description: 'Copies of the visitor id and its expiry (_uetvid, _uetvid_exp) in localStorage.',
      source: `unverified: ${FACTS}, Storage row: several independent storage dumps [OBS]`,
    },
  ],
  signals: [UET_CONSENT_MODE],
  options: {
    tagId: { type: 'string', pattern: /^\d{4,12}$/, expected: 'your UET tag id, a string of digits such as "12345678"' },
    consentMode: consentModeOption,
    hostBase: hostBaseOption,
  },
};

interface UetWindow {
  uetq?: unknown;
  UET?: new (options: { ti: string; q: unknown }) => { push(...args: unknown[]): unknown };
}

const adapter: Vendor<MicrosoftUetOptions>['adapter'] = {
  /**
   * Microsoft's snippet: `uetq` as an array, bat.js, then on load
   * `uetq = new UET({ ti, q: uetq })` and `uetq.push('pageLoad')`. A page that
   * has bat.js already (its own snippet, which does this itself) keeps it.
   */
  async load(ctx) {
    const { tagId, hostBase } = ctx.options;
    if (!tagId || scriptOnPage(ctx.document, hostBase, UET_HOST, UET_PATH)) return;
    const w = ctx.window as unknown as UetWindow;
    if (!Array.isArray(w.uetq)) w.uetq = [];
    await ctx.insertScript(hostUrl(hostBase, UET_HOST, UET_PATH));
    if (typeof w.UET === 'function' && Array.isArray(w.uetq)) {
      const uet = new w.UET({ ti: tagId, q: w.uetq });
      w.uetq = uet;
      uet.push('pageLoad');
    }
  },
};

/** The catalog entry: data plus adapter. */
const microsoftUet: Vendor<MicrosoftUetOptions> = { ...data, adapter };

export default microsoftUet;
