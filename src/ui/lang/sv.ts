/**
 * Swedish (sv) texts of the banner.
 * From Klaro 0.7.22 (src/translations/sv.yml), verbatim: acceptAll, close, changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Din integritet',
  services: 'Vi vill gärna använda dessa valfria tjänster: {purposes}.',
  description: 'Inget valfritt laddas förrän du säger ja, och du kan ändra dig när som helst.',
  acceptAll: 'Acceptera alla',
  rejectAll: 'Avvisa alla',
  settings: 'Inställningar',
  save: 'Spara val',
  close: 'Stäng',
  settingsTitle: 'Integritetsinställningar',
  settingsDescription:
    'Välj vilka valfria tjänster den här webbplatsen får använda. Nödvändiga kakor, som den som sparar detta val, är alltid på.',
  usedBy: 'Används av: {vendors}.',
  policyName: 'integritetspolicy',
  policyText: 'Läs vår {privacyPolicy} för att veta mer.',
  changed: 'Det har skett förändringar sedan ditt senaste besök, var god uppdatera ditt medgivande.',
  toggleAllTitle: 'Ändra för alla appar',
  toggleAllDescription: 'Använd detta reglage för att aktivera/avaktivera samtliga appar.',
  functional: 'Funktionella',
  functionalDescription: 'Funktioner du ber om, till exempel livechatt.',
  analytics: 'Statistik',
  analyticsDescription: 'Mätning av hur webbplatsen används, för att förbättra den.',
  marketing: 'Marknadsföring',
  marketingDescription: 'Verktyg för annonsering och marknadsföring.',
  gpcHonored: 'Signalen om att avstå har respekterats',
};

export default texts;
