/**
 * Croatian (hr) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/hr.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Razgovarajte s nama',
    loading: 'Učitavanje chata…',
  },
  panel: {
    promptTitle: 'Započeti chat s uslugom {vendor}?',
    promptBody: '{summary} Chat pruža {provider} i za njega je potreban vaš pristanak na kolačiće kategorije „{purpose}”.',
    purposeFunctional: 'Funkcionalni',
    purposeAnalytics: 'Analitika',
    purposeMarketing: 'Marketing',
    stored: 'Sprema se na vaš uređaj:',
    storageLocal: 'lokalna pohrana',
    storageSession: 'pohrana sesije',
    sessionLifetime: 'dok ne zatvorite preglednik',
    policy: 'Pravila privatnosti: {provider}',
    allow: 'Dopusti i započni chat',
    notNow: 'Ne sada',
    awayTitle: 'Naš tim trenutačno nije tu',
    awayBody: 'Trenutačno ne možemo razgovarati.',
    backToday: 'Vraćamo se danas u {time}.',
    backTomorrow: 'Vraćamo se sutra u {time}.',
    backLater: 'Vraćamo se {day} u {time}.',
    leaveConsent: 'Možete ostaviti poruku. Chat pruža {provider} i za njega je potreban vaš pristanak na kolačiće kategorije „{purpose}”.',
    allowLeave: 'Dopusti i ostavi poruku',
    leave: 'Ostavi poruku',
    close: 'Zatvori',
    fallback: 'Pošaljite nam e-poruku',
    start: 'Započni chat',
    retry: 'Pokušaj ponovno',
    failError: 'Chat se nije mogao učitati.',
    failTimeout: 'Učitavanje chata traje predugo.',
    failOffline: 'Čini se da niste povezani s internetom pa se chat ne može učitati.',
    failHidden: 'Chat trenutačno nije dostupan na ovoj stranici.',
  },
};

export default texts;
