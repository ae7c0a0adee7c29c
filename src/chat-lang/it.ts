/**
 * Italian (it) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/it.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Chatta con noi',
    loading: 'Caricamento della chat…',
  },
  panel: {
    promptTitle: 'Avviare una chat con {vendor}?',
    promptBody: '{summary} La chat è fornita da {provider} e richiede il tuo consenso ai cookie della categoria «{purpose}».',
    purposeFunctional: 'Funzionali',
    purposeAnalytics: 'Statistiche',
    purposeMarketing: 'Marketing',
    stored: 'Salvato sul tuo dispositivo:',
    storageLocal: 'archiviazione locale',
    storageSession: 'archiviazione di sessione',
    sessionLifetime: 'fino alla chiusura del browser',
    policy: 'Informativa sulla privacy di {provider}',
    allow: 'Consenti e avvia la chat',
    notNow: 'Non ora',
    awayTitle: 'Il nostro team non è disponibile',
    awayBody: 'Al momento non possiamo chattare.',
    backToday: 'Torniamo oggi alle {time}.',
    backTomorrow: 'Torniamo domani alle {time}.',
    backLater: 'Torniamo {day} alle {time}.',
    leaveConsent:
      'Puoi lasciare un messaggio. La chat è fornita da {provider} e richiede il tuo consenso ai cookie della categoria «{purpose}».',
    allowLeave: 'Consenti e lascia un messaggio',
    leave: 'Lascia un messaggio',
    close: 'Chiudi',
    fallback: "Scrivici un'e-mail",
    start: 'Avvia la chat',
    retry: 'Riprova',
    failError: 'Non è stato possibile caricare la chat.',
    failTimeout: 'La chat impiega troppo tempo a caricarsi.',
    failOffline: 'Sembra che tu sia offline, quindi la chat non può caricarsi.',
    failHidden: 'La chat non è disponibile su questa pagina in questo momento.',
  },
};

export default texts;
