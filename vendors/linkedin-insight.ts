/**
 * LinkedIn Insight Tag (insight.min.js). Facts come from the project's
 * tag-facts reference, §5 (L1–L3 are LinkedIn's and Microsoft's own pages,
 * the others third parties). LinkedIn documents no consent API: the tag is
 * held back until marketing is granted, and on withdrawal the runtime's sweep
 * deletes its first-party cookies and key.
 */
import { DAY, hostBaseOption, hostUrl, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { scriptOnPage } from './_tags.js';

const FACTS = 'tag-facts §5 (LinkedIn Insight Tag)';
const OCD = `unverified: ${FACTS}, from the Open Cookie Database, whose wording matches LinkedIn's cookie table [OCD][L3]`;
export const LINKEDIN_SCRIPT_HOST = 'snap.licdn.com';
export const LINKEDIN_SCRIPT_PATH = '/li.lms-analytics/insight.min.js';

/** Why marketing. */
export const purposeSource = `${FACTS}, Purpose row: conversion tracking and retargeting (marketing)`;

export interface LinkedInInsightOptions extends VendorOptions {
  /** The partner id (digits). With it, consent-gate inserts LinkedIn's snippet itself. */
  partnerId?: string;
  /** Where LinkedIn's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'linkedin-insight',
  kind: 'tag',
  title: 'LinkedIn Insight Tag',
  provider: 'LinkedIn Ireland Unlimited Company',
  privacyPolicyUrl: 'https://www.linkedin.com/legal/privacy-policy',
  purpose: 'marketing',
  summary:
    'The LinkedIn Insight Tag measures visits that come from our LinkedIn ads and lets us show our ads on LinkedIn to people who visited.',
  hosts: [
    {
      host: LINKEDIN_SCRIPT_HOST,
      path: '/li.lms-analytics/',
      purpose: 'marketing',
      description:
        "The Insight Tag script (snap.licdn.com/li.lms-analytics/insight.min.js); LinkedIn's other static files on this host are not held.",
      source: `${FACTS}, Hosts row: LinkedIn's help article on the Insight Tag [L2]`,
    },
    {
      host: '*.ads.linkedin.com',
      purpose: 'marketing',
      description:
        'The Insight Tag endpoints: px.ads.linkedin.com/collect (page views and conversions) and dc.ads.linkedin.com (older snippets); one rule for both, as every host under ads.linkedin.com serves LinkedIn Ads.',
      source: `${FACTS}, Hosts row: LinkedIn's help article [L2] (the noscript pixel on px.ads.linkedin.com); unverified: the JavaScript beacon's parameters and the older dc.ads.linkedin.com snippets [OBS][SNIP]`,
    },
  ],
  cookies: [
    {
      name: 'li_fat_id',
      purpose: 'marketing',
      lifetime: 30 * DAY,
      description: 'The click id LinkedIn appends to ad landing URLs (enhanced conversion tracking), kept as a first-party cookie.',
      source: `${FACTS}: LinkedIn keeps li_fat_id "as a first party cookie" [L1]; unverified: 30 days [OCD][L3]`,
    },
    {
      name: 'li_giant',
      purpose: 'marketing',
      lifetime: 7 * DAY,
      description: 'Indirect identifier for groups of visitors, used for conversion tracking.',
      source: OCD,
    },
    {
      name: 'li_sugr',
      purpose: 'marketing',
      lifetime: 90 * DAY,
      description: 'Browser identifier used to match visits to LinkedIn members.',
      source: OCD,
    },
    {
      name: 'ln_or',
      purpose: 'marketing',
      lifetime: DAY,
      description: 'Decides whether the tag runs its full or limited collection on this visit.',
      source: OCD,
    },
  ],
  storage: [
    {
      key: 'li_adsId',
      storage: 'local',
      purpose: 'marketing',
      lifetime: 0,
      description: 'LinkedIn advertising id kept in localStorage.',
      source: `unverified: ${FACTS}, Storage row: Prebid's LinkedIn module (STORAGE_KEY='li_adsId') [PB] and site storage dumps [OBS]`,
    },
  ],
  options: {
    partnerId: { type: 'string', pattern: /^\d{1,12}$/, expected: 'your LinkedIn partner id, a string of digits such as "123456"' },
    hostBase: hostBaseOption,
  },
};

interface LinkedInWindow {
  _linkedin_partner_id?: string;
  _linkedin_data_partner_ids?: unknown;
  lintrk?: unknown;
}

const adapter: Vendor<LinkedInInsightOptions>['adapter'] = {
  /** LinkedIn's snippet: the partner id globals, the `lintrk` queue, insight.min.js (unless the page has it already). */
  async load(ctx) {
    const { partnerId, hostBase } = ctx.options;
    if (!partnerId || scriptOnPage(ctx.document, hostBase, LINKEDIN_SCRIPT_HOST, LINKEDIN_SCRIPT_PATH)) return;
    const w = ctx.window as unknown as LinkedInWindow;
    w._linkedin_partner_id = partnerId;
    const ids = Array.isArray(w._linkedin_data_partner_ids)
      ? (w._linkedin_data_partner_ids as unknown[])
      : (w._linkedin_data_partner_ids = []);
    if (!(ids as unknown[]).includes(partnerId)) (ids as unknown[]).push(partnerId);
    if (typeof w.lintrk !== 'function') {
      const q: unknown[][] = [];
      w.lintrk = Object.assign((a: unknown, b: unknown) => void q.push([a, b]), { q });
    }
    await ctx.insertScript(hostUrl(hostBase, LINKEDIN_SCRIPT_HOST, LINKEDIN_SCRIPT_PATH), { type: 'text/javascript' });
  },
};

/** The catalog entry: data plus adapter. */
const linkedinInsight: Vendor<LinkedInInsightOptions> = { ...data, adapter };

export default linkedinInsight;
