/**
 * Serbian (Latin) (sr) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/sr.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Ćaskajte sa nama',
    loading: 'Učitavanje ćaskanja…',
  },
  panel: {
    promptTitle: 'Započeti ćaskanje sa uslugom {vendor}?',
    promptBody: '{summary} Ćaskanje pruža {provider} i potrebna mu je vaša saglasnost za kolačiće kategorije „{purpose}”.',
    purposeFunctional: 'Funkcionalne',
    purposeAnalytics: 'Analitika',
    purposeMarketing: 'Marketing',
    stored: 'Čuva se na vašem uređaju:',
    storageLocal: 'lokalno skladište',
    storageSession: 'skladište sesije',
    sessionLifetime: 'dok ne zatvorite pregledač',
    policy: 'Politika privatnosti: {provider}',
    allow: 'Dozvoli i započni ćaskanje',
    notNow: 'Ne sada',
    awayTitle: 'Naš tim trenutno nije tu',
    awayBody: 'Trenutno ne možemo da ćaskamo.',
    backToday: 'Vraćamo se danas u {time}.',
    backTomorrow: 'Vraćamo se sutra u {time}.',
    backLater: 'Vraćamo se {day} u {time}.',
    leaveConsent: 'Možete ostaviti poruku. Ćaskanje pruža {provider} i potrebna mu je vaša saglasnost za kolačiće kategorije „{purpose}”.',
    allowLeave: 'Dozvoli i ostavi poruku',
    leave: 'Ostavi poruku',
    close: 'Zatvori',
    fallback: 'Pošaljite nam imejl',
    start: 'Započni ćaskanje',
    retry: 'Pokušaj ponovo',
    failError: 'Ćaskanje nije moglo da se učita.',
    failTimeout: 'Učitavanje ćaskanja traje predugo.',
    failOffline: 'Izgleda da niste na mreži, pa ćaskanje ne može da se učita.',
    failHidden: 'Ćaskanje trenutno nije dostupno na ovoj stranici.',
  },
};

export default texts;
