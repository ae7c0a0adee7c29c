/**
 * Finnish (fi) texts of the banner.
 * From Klaro 0.7.22 (src/translations/fi.yml), verbatim: close, changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Yksityisyytesi',
  services: 'Haluaisimme käyttää näitä valinnaisia palveluita: {purposes}.',
  description: 'Mitään valinnaista ei ladata ennen kuin hyväksyt, ja voit muuttaa mielesi milloin tahansa.',
  acceptAll: 'Hyväksy kaikki',
  rejectAll: 'Hylkää kaikki',
  settings: 'Asetukset',
  save: 'Tallenna valinnat',
  close: 'Sulje',
  settingsTitle: 'Yksityisyysasetukset',
  settingsDescription:
    'Valitse, mitä valinnaisia palveluita tämä sivusto saa käyttää. Välttämättömät evästeet, kuten tämän valinnan tallentava eväste, ovat aina käytössä.',
  usedBy: 'Palveluntarjoajat: {vendors}.',
  policyName: 'tietosuojaseloste',
  policyText: 'Lue lisää: {privacyPolicy}.',
  changed: 'Olemme tehneet muutoksia ehtoihin viime vierailusi jälkeen, tarkista ehdot.',
  toggleAllTitle: 'Valitse kaikki',
  toggleAllDescription: 'Aktivoi kaikki päälle/pois.',
  functional: 'Toiminnalliset',
  functionalDescription: 'Pyytämäsi toiminnot, kuten chat.',
  analytics: 'Analytiikka',
  analyticsDescription: 'Sivuston käytön mittaaminen sen parantamiseksi.',
  marketing: 'Markkinointi',
  marketingDescription: 'Mainonta- ja markkinointityökalut.',
  gpcHonored: 'Kieltäytymissignaalia on noudatettu',
};

export default texts;
