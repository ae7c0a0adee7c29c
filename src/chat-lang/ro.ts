/**
 * Romanian (ro) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/ro.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Discutați cu noi',
    loading: 'Se încarcă chatul…',
  },
  panel: {
    promptTitle: 'Începeți un chat cu {vendor}?',
    promptBody:
      '{summary} Chatul este furnizat de {provider} și are nevoie de consimțământul dvs. pentru cookie-urile din categoria „{purpose}”.',
    purposeFunctional: 'Funcționale',
    purposeAnalytics: 'Statistici',
    purposeMarketing: 'Marketing',
    stored: 'Stocat pe dispozitivul dvs.:',
    storageLocal: 'stocare locală',
    storageSession: 'stocare de sesiune',
    sessionLifetime: 'până închideți browserul',
    policy: 'Politica de confidențialitate: {provider}',
    allow: 'Permiteți și începeți chatul',
    notNow: 'Nu acum',
    awayTitle: 'Echipa noastră nu este disponibilă',
    awayBody: 'Nu putem discuta acum.',
    backToday: 'Revenim astăzi la {time}.',
    backTomorrow: 'Revenim mâine la {time}.',
    backLater: 'Revenim {day} la {time}.',
    leaveConsent:
      'Puteți lăsa un mesaj. Chatul este furnizat de {provider} și are nevoie de consimțământul dvs. pentru cookie-urile din categoria „{purpose}”.',
    allowLeave: 'Permiteți și lăsați un mesaj',
    leave: 'Lăsați un mesaj',
    close: 'Închide',
    fallback: 'Scrieți-ne un e-mail',
    start: 'Începeți chatul',
    retry: 'Încercați din nou',
    failError: 'Chatul nu a putut fi încărcat.',
    failTimeout: 'Încărcarea chatului durează prea mult.',
    failOffline: 'Se pare că sunteți offline, așa că chatul nu se poate încărca.',
    failHidden: 'Chatul nu este disponibil acum pe această pagină.',
  },
};

export default texts;
