/**
 * Danish (da) texts of the banner.
 * From Klaro 0.7.22 (src/translations/da.yml), verbatim: acceptAll, close, changed, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Dit privatliv',
  services: 'Vi vil gerne bruge disse valgfrie tjenester: {purposes}.',
  description: 'Intet valgfrit indlæses, før du siger ja, og du kan altid ændre mening.',
  acceptAll: 'Tillad alle',
  rejectAll: 'Afvis alle',
  settings: 'Indstillinger',
  save: 'Gem valg',
  close: 'Luk',
  settingsTitle: 'Privatlivsindstillinger',
  settingsDescription:
    'Vælg, hvilke valgfrie tjenester dette websted må bruge. Nødvendige cookies, som den der gemmer dette valg, er altid slået til.',
  usedBy: 'Bruges af: {vendors}.',
  policyName: 'privatlivspolitik',
  policyText: 'Læs vores {privacyPolicy} for at få mere at vide.',
  changed: 'Der har været ændringer siden dit sidste besøg. Opdater dit valg.',
  toggleAllTitle: 'Aktivér eller deaktivér alle tjenester',
  toggleAllDescription: 'Brug denne kontakt til at aktivere/deaktivere alle apps.',
  functional: 'Funktionelle',
  functionalDescription: 'Funktioner, du beder om, f.eks. livechat.',
  analytics: 'Statistik',
  analyticsDescription: 'Måling af, hvordan webstedet bruges, for at forbedre det.',
  marketing: 'Marketing',
  marketingDescription: 'Værktøjer til annoncering og marketing.',
  gpcHonored: 'Signal om fravalg er respekteret',
};

export default texts;
