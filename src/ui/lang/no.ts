/**
 * Norwegian (Bokmål) (no) texts of the banner.
 * From Klaro 0.7.22 (src/translations/no.yml), verbatim: changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Ditt personvern',
  services: 'Vi vil gjerne bruke disse valgfrie tjenestene: {purposes}.',
  description: 'Ingenting valgfritt lastes inn før du sier ja, og du kan når som helst ombestemme deg.',
  acceptAll: 'Godta alle',
  rejectAll: 'Avvis alle',
  settings: 'Innstillinger',
  save: 'Lagre valg',
  close: 'Lukk',
  settingsTitle: 'Personverninnstillinger',
  settingsDescription:
    'Velg hvilke valgfrie tjenester dette nettstedet kan bruke. Nødvendige informasjonskapsler, som den som lagrer dette valget, er alltid på.',
  usedBy: 'Brukes av: {vendors}.',
  policyName: 'personvernerklæring',
  policyText: 'Les vår {privacyPolicy} for å få vite mer.',
  changed: 'Det har skjedd endringer siden ditt siste besøk, vennligst oppdater ditt samtykke.',
  toggleAllTitle: 'Bytt alle apper',
  toggleAllDescription: 'Bruk denne for å skru av/på alle apper.',
  functional: 'Funksjonelle',
  functionalDescription: 'Funksjoner du ber om, for eksempel livechat.',
  analytics: 'Statistikk',
  analyticsDescription: 'Måling av hvordan nettstedet brukes, for å forbedre det.',
  marketing: 'Markedsføring',
  marketingDescription: 'Verktøy for annonsering og markedsføring.',
  gpcHonored: 'Signalet om reservasjon er respektert',
};

export default texts;
