/**
 * Danish (da) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/da.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Chat med os',
    loading: 'Indlæser chat…',
  },
  panel: {
    promptTitle: 'Start en chat med {vendor}?',
    promptBody: '{summary} Chatten leveres af {provider} og kræver dit samtykke til cookies i kategorien "{purpose}".',
    purposeFunctional: 'Funktionelle',
    purposeAnalytics: 'Statistik',
    purposeMarketing: 'Marketing',
    stored: 'Gemmes på din enhed:',
    storageLocal: 'lokal lagring',
    storageSession: 'sessionslagring',
    sessionLifetime: 'indtil du lukker browseren',
    policy: 'Privatlivspolitik for {provider}',
    allow: 'Tillad og start chat',
    notNow: 'Ikke nu',
    awayTitle: 'Vores team er ikke til stede',
    awayBody: 'Vi kan ikke chatte lige nu.',
    backToday: 'Vi er tilbage i dag kl. {time}.',
    backTomorrow: 'Vi er tilbage i morgen kl. {time}.',
    backLater: 'Vi er tilbage {day} kl. {time}.',
    leaveConsent: 'Du kan skrive en besked. Chatten leveres af {provider} og kræver dit samtykke til cookies i kategorien "{purpose}".',
    allowLeave: 'Tillad og skriv en besked',
    leave: 'Skriv en besked',
    close: 'Luk',
    fallback: 'Send os en e-mail i stedet',
    start: 'Start chat',
    retry: 'Prøv igen',
    failError: 'Chatten kunne ikke indlæses.',
    failTimeout: 'Det tager for lang tid at indlæse chatten.',
    failOffline: 'Det ser ud til, at du er offline, så chatten kan ikke indlæses.',
    failHidden: 'Chatten er ikke tilgængelig på denne side lige nu.',
  },
};

export default texts;
