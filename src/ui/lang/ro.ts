/**
 * Romanian (ro) texts of the banner.
 * From Klaro 0.7.22 (src/translations/ro.yml), verbatim: changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Confidențialitatea dumneavoastră',
  services: 'Am dori să folosim aceste servicii opționale: {purposes}.',
  description: 'Nimic opțional nu se încarcă până nu vă dați acordul și vă puteți răzgândi oricând.',
  acceptAll: 'Acceptă tot',
  rejectAll: 'Respinge tot',
  settings: 'Setări',
  save: 'Salvează alegerile',
  close: 'Închide',
  settingsTitle: 'Setări de confidențialitate',
  settingsDescription:
    'Alegeți ce servicii opționale poate folosi acest site. Cookie-urile necesare, cum ar fi cel care păstrează această alegere, sunt mereu active.',
  usedBy: 'Folosit de: {vendors}.',
  policyName: 'politica de confidențialitate',
  policyText: 'Pentru a afla mai multe, citiți {privacyPolicy}.',
  changed: 'Au existat modificări de la ultima vizită, vă rugăm să actualizați consimțământul.',
  toggleAllTitle: 'Comutați între toate aplicațiile',
  toggleAllDescription: 'Utilizați acest switch pentru a activa/dezactiva toate aplicațiile.',
  functional: 'Funcționale',
  functionalDescription: 'Funcții pe care le solicitați, cum ar fi chatul live.',
  analytics: 'Statistici',
  analyticsDescription: 'Măsurarea modului în care este folosit site-ul, pentru a-l îmbunătăți.',
  marketing: 'Marketing',
  marketingDescription: 'Instrumente de publicitate și marketing.',
  gpcHonored: 'Semnalul de refuz a fost respectat',
};

export default texts;
