/**
 * Dutch (nl) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/nl.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Chat met ons',
    loading: 'Chat wordt geladen…',
  },
  panel: {
    promptTitle: 'Een chat starten met {vendor}?',
    promptBody: '{summary} De chat wordt geleverd door {provider} en heeft uw toestemming nodig voor cookies in de categorie "{purpose}".',
    purposeFunctional: 'Functioneel',
    purposeAnalytics: 'Statistieken',
    purposeMarketing: 'Marketing',
    stored: 'Opgeslagen op uw apparaat:',
    storageLocal: 'lokale opslag',
    storageSession: 'sessieopslag',
    sessionLifetime: 'tot u de browser sluit',
    policy: 'Privacybeleid van {provider}',
    allow: 'Toestaan en chat starten',
    notNow: 'Niet nu',
    awayTitle: 'Ons team is afwezig',
    awayBody: 'We kunnen nu niet chatten.',
    backToday: 'We zijn vandaag om {time} terug.',
    backTomorrow: 'We zijn morgen om {time} terug.',
    backLater: 'We zijn {day} om {time} terug.',
    leaveConsent:
      'U kunt een bericht achterlaten. De chat wordt geleverd door {provider} en heeft uw toestemming nodig voor cookies in de categorie "{purpose}".',
    allowLeave: 'Toestaan en bericht achterlaten',
    leave: 'Bericht achterlaten',
    close: 'Sluiten',
    fallback: 'Mail ons liever',
    start: 'Chat starten',
    retry: 'Opnieuw proberen',
    failError: 'De chat kon niet worden geladen.',
    failTimeout: 'Het laden van de chat duurt te lang.',
    failOffline: 'U lijkt offline te zijn, dus de chat kan niet laden.',
    failHidden: 'De chat is op deze pagina nu niet beschikbaar.',
  },
};

export default texts;
