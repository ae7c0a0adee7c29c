/**
 * Dutch (nl) texts of the banner.
 * From Klaro 0.7.22 (src/translations/nl.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Uw privacy',
  services: 'We willen graag deze optionele diensten gebruiken: {purposes}.',
  description: 'Er wordt niets optioneels geladen totdat u toestemming geeft, en u kunt altijd van gedachten veranderen.',
  acceptAll: 'Accepteer alle',
  rejectAll: 'Weiger alle',
  settings: 'Instellingen',
  save: 'Keuzes opslaan',
  close: 'Sluit',
  settingsTitle: 'Privacy-instellingen',
  settingsDescription:
    'Kies welke optionele diensten deze site mag gebruiken. Noodzakelijke cookies, zoals het cookie dat deze keuze bewaart, staan altijd aan.',
  usedBy: 'Gebruikt door: {vendors}.',
  policyName: 'privacybeleid',
  policyText: 'Voor meer informatie kunt u ons {privacyPolicy} lezen.',
  changed: 'Er waren veranderingen sinds uw laatste bezoek, gelieve uw toestemming te hernieuwen.',
  toggleAllTitle: 'Alle diensten in- of uitschakelen',
  toggleAllDescription: 'Gebruik deze schakelaar om alle diensten in of uit te schakelen.',
  functional: 'Functioneel',
  functionalDescription: 'Functies waar u om vraagt, zoals livechat.',
  analytics: 'Statistieken',
  analyticsDescription: 'Meten hoe de site wordt gebruikt, om hem te verbeteren.',
  marketing: 'Marketing',
  marketingDescription: 'Advertentie- en marketingtools.',
  gpcHonored: 'Opt-out-voorkeurssignaal gerespecteerd',
};

export default texts;
