/**
 * German (de) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/de.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Chatten Sie mit uns',
    loading: 'Chat wird geladen…',
  },
  panel: {
    promptTitle: 'Einen Chat mit {vendor} starten?',
    promptBody: '{summary} Der Chat wird von {provider} bereitgestellt und benötigt Ihre Zustimmung zu Cookies der Kategorie „{purpose}“.',
    purposeFunctional: 'Funktional',
    purposeAnalytics: 'Statistik',
    purposeMarketing: 'Marketing',
    stored: 'Auf Ihrem Gerät gespeichert:',
    storageLocal: 'lokaler Speicher',
    storageSession: 'Sitzungsspeicher',
    sessionLifetime: 'bis Sie den Browser schließen',
    policy: 'Datenschutzerklärung von {provider}',
    allow: 'Erlauben und Chat starten',
    notNow: 'Nicht jetzt',
    awayTitle: 'Unser Team ist nicht da',
    awayBody: 'Wir können gerade nicht chatten.',
    backToday: 'Wir sind heute um {time} zurück.',
    backTomorrow: 'Wir sind morgen um {time} zurück.',
    backLater: 'Wir sind am {day} um {time} zurück.',
    leaveConsent:
      'Sie können eine Nachricht hinterlassen. Der Chat wird von {provider} bereitgestellt und benötigt Ihre Zustimmung zu Cookies der Kategorie „{purpose}“.',
    allowLeave: 'Erlauben und Nachricht hinterlassen',
    leave: 'Nachricht hinterlassen',
    close: 'Schließen',
    fallback: 'Schreiben Sie uns stattdessen eine E-Mail',
    start: 'Chat starten',
    retry: 'Erneut versuchen',
    failError: 'Der Chat konnte nicht geladen werden.',
    failTimeout: 'Der Chat braucht zu lange zum Laden.',
    failOffline: 'Sie scheinen offline zu sein, daher kann der Chat nicht geladen werden.',
    failHidden: 'Der Chat ist auf dieser Seite gerade nicht verfügbar.',
  },
};

export default texts;
