/**
 * Serbian (Latin script) (sr) texts of the banner.
 * From Klaro 0.7.22 (src/translations/sr.yml), verbatim: close, changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Vaša privatnost',
  services: 'Želeli bismo da koristimo ove opcione usluge: {purposes}.',
  description: 'Ništa opciono se ne učitava dok ne pristanete, a odluku možete promeniti u bilo kom trenutku.',
  acceptAll: 'Prihvati sve',
  rejectAll: 'Odbij sve',
  settings: 'Podešavanja',
  save: 'Sačuvaj izbor',
  close: 'Zatvori',
  settingsTitle: 'Podešavanja privatnosti',
  settingsDescription:
    'Izaberite koje opcione usluge ovaj sajt sme da koristi. Neophodni kolačići, poput onog koji čuva ovaj izbor, uvek su uključeni.',
  usedBy: 'Koristi: {vendors}.',
  policyName: 'politiku privatnosti',
  policyText: 'Da biste saznali više, pročitajte našu {privacyPolicy}.',
  changed: 'Došlo je do promena od Vaše poslednje posete, molimo Vas da ažurirate svoja odobrenja.',
  toggleAllTitle: 'Izmeni sve',
  toggleAllDescription: 'Koristite ovaj prekidač da omogućite/onesposobite sve aplikacije odjednom.',
  functional: 'Funkcionalne',
  functionalDescription: 'Funkcije koje tražite, poput ćaskanja uživo.',
  analytics: 'Analitika',
  analyticsDescription: 'Merenje načina korišćenja sajta radi njegovog poboljšanja.',
  marketing: 'Marketing',
  marketingDescription: 'Alati za oglašavanje i marketing.',
  gpcHonored: 'Signal za odustajanje je poštovan',
};

export default texts;
