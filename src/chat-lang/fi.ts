/**
 * Finnish (fi) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/fi.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Keskustele kanssamme',
    loading: 'Chattia ladataan…',
  },
  panel: {
    promptTitle: 'Aloitetaanko chat palvelussa {vendor}?',
    promptBody: '{summary} Chatin tarjoaa {provider}, ja se tarvitsee suostumuksesi luokan ”{purpose}” evästeisiin.',
    purposeFunctional: 'Toiminnalliset',
    purposeAnalytics: 'Analytiikka',
    purposeMarketing: 'Markkinointi',
    stored: 'Tallennetaan laitteellesi:',
    storageLocal: 'paikallinen tallennustila',
    storageSession: 'istunnon tallennustila',
    sessionLifetime: 'kunnes suljet selaimen',
    policy: 'Tietosuojakäytäntö: {provider}',
    allow: 'Salli ja aloita chat',
    notNow: 'Ei nyt',
    awayTitle: 'Tiimimme ei ole paikalla',
    awayBody: 'Emme voi keskustella juuri nyt.',
    backToday: 'Palaamme tänään klo {time}.',
    backTomorrow: 'Palaamme huomenna klo {time}.',
    backLater: 'Palaamme {day} klo {time}.',
    leaveConsent: 'Voit jättää viestin. Chatin tarjoaa {provider}, ja se tarvitsee suostumuksesi luokan ”{purpose}” evästeisiin.',
    allowLeave: 'Salli ja jätä viesti',
    leave: 'Jätä viesti',
    close: 'Sulje',
    fallback: 'Lähetä meille sähköpostia',
    start: 'Aloita chat',
    retry: 'Yritä uudelleen',
    failError: 'Chattia ei voitu ladata.',
    failTimeout: 'Chatin lataaminen kestää liian kauan.',
    failOffline: 'Olet ilmeisesti offline-tilassa, joten chattia ei voi ladata.',
    failHidden: 'Chat ei ole juuri nyt käytettävissä tällä sivulla.',
  },
};

export default texts;
