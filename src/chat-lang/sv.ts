/**
 * Swedish (sv) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/sv.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Chatta med oss',
    loading: 'Läser in chatten…',
  },
  panel: {
    promptTitle: 'Starta en chatt med {vendor}?',
    promptBody: '{summary} Chatten tillhandahålls av {provider} och behöver ditt samtycke till kakor i kategorin ”{purpose}”.',
    purposeFunctional: 'Funktionella',
    purposeAnalytics: 'Statistik',
    purposeMarketing: 'Marknadsföring',
    stored: 'Sparas på din enhet:',
    storageLocal: 'lokal lagring',
    storageSession: 'sessionslagring',
    sessionLifetime: 'tills du stänger webbläsaren',
    policy: 'Integritetspolicy för {provider}',
    allow: 'Tillåt och starta chatten',
    notNow: 'Inte nu',
    awayTitle: 'Vårt team är inte här',
    awayBody: 'Vi kan inte chatta just nu.',
    backToday: 'Vi är tillbaka i dag kl. {time}.',
    backTomorrow: 'Vi är tillbaka i morgon kl. {time}.',
    backLater: 'Vi är tillbaka {day} kl. {time}.',
    leaveConsent:
      'Du kan lämna ett meddelande. Chatten tillhandahålls av {provider} och behöver ditt samtycke till kakor i kategorin ”{purpose}”.',
    allowLeave: 'Tillåt och lämna ett meddelande',
    leave: 'Lämna ett meddelande',
    close: 'Stäng',
    fallback: 'Mejla oss i stället',
    start: 'Starta chatten',
    retry: 'Försök igen',
    failError: 'Chatten kunde inte läsas in.',
    failTimeout: 'Det tar för lång tid att läsa in chatten.',
    failOffline: 'Du verkar vara offline, så chatten kan inte läsas in.',
    failHidden: 'Chatten är inte tillgänglig på den här sidan just nu.',
  },
};

export default texts;
