/**
 * Norwegian (no) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/no.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Chat med oss',
    loading: 'Laster inn chat…',
  },
  panel: {
    promptTitle: 'Starte en chat med {vendor}?',
    promptBody: '{summary} Chatten leveres av {provider} og trenger ditt samtykke til informasjonskapsler i kategorien «{purpose}».',
    purposeFunctional: 'Funksjonelle',
    purposeAnalytics: 'Statistikk',
    purposeMarketing: 'Markedsføring',
    stored: 'Lagres på enheten din:',
    storageLocal: 'lokal lagring',
    storageSession: 'øktlagring',
    sessionLifetime: 'til du lukker nettleseren',
    policy: 'Personvernerklæring for {provider}',
    allow: 'Tillat og start chat',
    notNow: 'Ikke nå',
    awayTitle: 'Teamet vårt er ikke til stede',
    awayBody: 'Vi kan ikke chatte akkurat nå.',
    backToday: 'Vi er tilbake i dag kl. {time}.',
    backTomorrow: 'Vi er tilbake i morgen kl. {time}.',
    backLater: 'Vi er tilbake {day} kl. {time}.',
    leaveConsent:
      'Du kan legge igjen en melding. Chatten leveres av {provider} og trenger ditt samtykke til informasjonskapsler i kategorien «{purpose}».',
    allowLeave: 'Tillat og legg igjen en melding',
    leave: 'Legg igjen en melding',
    close: 'Lukk',
    fallback: 'Send oss en e-post i stedet',
    start: 'Start chat',
    retry: 'Prøv igjen',
    failError: 'Chatten kunne ikke lastes inn.',
    failTimeout: 'Det tar for lang tid å laste inn chatten.',
    failOffline: 'Det ser ut som du er frakoblet, så chatten kan ikke lastes inn.',
    failHidden: 'Chatten er ikke tilgjengelig på denne siden akkurat nå.',
  },
};

export default texts;
