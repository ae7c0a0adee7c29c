/**
 * Czech (cs) texts of the banner.
 * From Klaro 0.7.22 (src/translations/cs.yml), verbatim: close, policyName, changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Vaše soukromí',
  services: 'Rádi bychom používali tyto volitelné služby: {purposes}.',
  description: 'Nic volitelného se nenačte, dokud nesouhlasíte, a svůj názor můžete kdykoli změnit.',
  acceptAll: 'Přijmout vše',
  rejectAll: 'Odmítnout vše',
  settings: 'Nastavení',
  save: 'Uložit volby',
  close: 'zavřít',
  settingsTitle: 'Nastavení soukromí',
  settingsDescription:
    'Vyberte, které volitelné služby smí tento web používat. Nezbytné soubory cookie, například ten, který uchovává tuto volbu, jsou vždy zapnuté.',
  usedBy: 'Používá: {vendors}.',
  policyName: 'zásady ochrany soukromí',
  policyText: 'Pro více informací si přečtěte naše {privacyPolicy}.',
  changed: 'Od vaší poslední návštěvy došlo ke změnám, obnovte prosím svůj souhlas.',
  toggleAllTitle: 'povolit nebo zakázat všechny služby',
  toggleAllDescription: 'Pomocí tohoto přepínače můžete povolit nebo zakázat všechny služby.',
  functional: 'Funkční',
  functionalDescription: 'Funkce, o které požádáte, například živý chat.',
  analytics: 'Analytika',
  analyticsDescription: 'Měření používání webu za účelem jeho zlepšení.',
  marketing: 'Marketing',
  marketingDescription: 'Reklamní a marketingové nástroje.',
  gpcHonored: 'Signál preference odmítnutí byl respektován',
};

export default texts;
