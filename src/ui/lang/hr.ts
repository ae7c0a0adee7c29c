/**
 * Croatian (hr) texts of the banner.
 * From Klaro 0.7.22 (src/translations/hr.yml), verbatim: close, changed, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Vaša privatnost',
  services: 'Željeli bismo koristiti ove neobavezne usluge: {purposes}.',
  description: 'Ništa neobavezno ne učitava se dok ne pristanete, a svoju odluku možete promijeniti u bilo kojem trenutku.',
  acceptAll: 'Prihvati sve',
  rejectAll: 'Odbij sve',
  settings: 'Postavke',
  save: 'Spremi odabir',
  close: 'Zatvori',
  settingsTitle: 'Postavke privatnosti',
  settingsDescription:
    'Odaberite koje neobavezne usluge ova stranica smije koristiti. Nužni kolačići, poput onoga koji pamti ovaj odabir, uvijek su uključeni.',
  usedBy: 'Koristi: {vendors}.',
  policyName: 'politika privatnosti',
  policyText: 'Za više informacija pročitajte našu {privacyPolicy}.',
  changed: 'Došlo je do promjena od Vaše posljednjeg posjećivanja web stranice, molimo Vas da ažurirate svoja odobrenja.',
  toggleAllTitle: 'Uključi ili isključi sve usluge',
  toggleAllDescription: 'Koristite ovaj prekidač da omogućite/onemogućite sve aplikacije odjednom.',
  functional: 'Funkcionalni',
  functionalDescription: 'Značajke koje zatražite, poput chata uživo.',
  analytics: 'Analitika',
  analyticsDescription: 'Mjerenje načina korištenja stranice radi njezina poboljšanja.',
  marketing: 'Marketing',
  marketingDescription: 'Alati za oglašavanje i marketing.',
  gpcHonored: 'Signal za odustajanje je poštovan',
};

export default texts;
