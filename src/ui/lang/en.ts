/**
 * English (en) texts of the banner.
 * From Klaro 0.7.22 (src/translations/en.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Written for consent-gate: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Your privacy',
  services: 'We would like to use these optional services: {purposes}.',
  description: 'Nothing optional loads until you say yes, and you can change your mind at any time.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  settings: 'Settings',
  save: 'Save choices',
  close: 'Close',
  settingsTitle: 'Privacy settings',
  settingsDescription:
    'Choose which optional services this site may use. Necessary cookies, such as the one that keeps this choice, are always on.',
  usedBy: 'Used by: {vendors}.',
  policyName: 'privacy policy',
  policyText: 'To learn more, please read our {privacyPolicy}.',
  changed: 'There were changes since your last visit, please renew your consent.',
  toggleAllTitle: 'Enable or disable all services',
  toggleAllDescription: 'Use this switch to enable or disable all services.',
  functional: 'Functional',
  functionalDescription: 'Features you ask for, such as live chat.',
  analytics: 'Analytics',
  analyticsDescription: 'Measuring how the site is used, to improve it.',
  marketing: 'Marketing',
  marketingDescription: 'Advertising and marketing tools.',
  gpcHonored: 'Opt-out preference signal honored',
};

export default texts;
