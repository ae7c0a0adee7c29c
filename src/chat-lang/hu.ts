/**
 * Hungarian (hu) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/hu.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Csevegjen velünk',
    loading: 'A csevegés betöltése…',
  },
  panel: {
    promptTitle: 'Csevegést indít a(z) {vendor} szolgáltatással?',
    promptBody: '{summary} A csevegést a(z) {provider} biztosítja, és ehhez hozzá kell járulnia a(z) „{purpose}” kategória sütijeihez.',
    purposeFunctional: 'Funkcionális',
    purposeAnalytics: 'Statisztika',
    purposeMarketing: 'Marketing',
    stored: 'Az eszközén tárolt adatok:',
    storageLocal: 'helyi tárhely',
    storageSession: 'munkamenet-tárhely',
    sessionLifetime: 'a böngésző bezárásáig',
    policy: 'Adatvédelmi irányelvek: {provider}',
    allow: 'Engedélyezés és csevegés indítása',
    notNow: 'Most nem',
    awayTitle: 'Csapatunk most nem elérhető',
    awayBody: 'Most nem tudunk csevegni.',
    backToday: 'Ma {time}-kor visszatérünk.',
    backTomorrow: 'Holnap {time}-kor visszatérünk.',
    backLater: '{day} {time}-kor visszatérünk.',
    leaveConsent:
      'Hagyhat üzenetet. A csevegést a(z) {provider} biztosítja, és ehhez hozzá kell járulnia a(z) „{purpose}” kategória sütijeihez.',
    allowLeave: 'Engedélyezés és üzenet hagyása',
    leave: 'Üzenet hagyása',
    close: 'Bezárás',
    fallback: 'Inkább írjon nekünk e-mailt',
    start: 'Csevegés indítása',
    retry: 'Újra',
    failError: 'A csevegést nem sikerült betölteni.',
    failTimeout: 'A csevegés betöltése túl sokáig tart.',
    failOffline: 'Úgy tűnik, nincs internetkapcsolat, ezért a csevegés nem tölthető be.',
    failHidden: 'A csevegés most nem érhető el ezen az oldalon.',
  },
};

export default texts;
