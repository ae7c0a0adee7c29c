/**
 * German (de) texts of the banner.
 * From Klaro 0.7.22 (src/translations/de.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Ihre Privatsphäre',
  services: 'Wir möchten diese optionalen Dienste nutzen: {purposes}.',
  description: 'Nichts Optionales wird geladen, bevor Sie zustimmen, und Sie können Ihre Entscheidung jederzeit ändern.',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  settings: 'Einstellungen',
  save: 'Auswahl speichern',
  close: 'Schließen',
  settingsTitle: 'Datenschutz-Einstellungen',
  settingsDescription:
    'Wählen Sie, welche optionalen Dienste diese Website nutzen darf. Notwendige Cookies, etwa das, das diese Entscheidung speichert, sind immer aktiv.',
  usedBy: 'Genutzt von: {vendors}.',
  policyName: 'Datenschutzerklärung',
  policyText: 'Um mehr zu erfahren, lesen Sie bitte unsere {privacyPolicy}.',
  changed: 'Seit Ihrem letzten Besuch gab es Änderungen, bitte erneuern Sie Ihre Zustimmung.',
  toggleAllTitle: 'Alle Dienste aktivieren oder deaktivieren',
  toggleAllDescription: 'Mit diesem Schalter können Sie alle Dienste aktivieren oder deaktivieren.',
  functional: 'Funktional',
  functionalDescription: 'Funktionen, die Sie anfordern, etwa der Live-Chat.',
  analytics: 'Statistik',
  analyticsDescription: 'Messen, wie die Website genutzt wird, um sie zu verbessern.',
  marketing: 'Marketing',
  marketingDescription: 'Werbe- und Marketing-Werkzeuge.',
  gpcHonored: 'Opt-out-Präferenzsignal berücksichtigt',
};

export default texts;
