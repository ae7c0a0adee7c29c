/**
 * Catalan (ca) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/ca.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Xateja amb nosaltres',
    loading: 'Carregant el xat…',
  },
  panel: {
    promptTitle: 'Voleu iniciar un xat amb {vendor}?',
    promptBody:
      '{summary} El xat el proporciona {provider} i necessita el vostre consentiment per a les galetes de la categoria «{purpose}».',
    purposeFunctional: 'Funcionals',
    purposeAnalytics: 'Analítica',
    purposeMarketing: 'Màrqueting',
    stored: 'Es desa al vostre dispositiu:',
    storageLocal: 'emmagatzematge local',
    storageSession: 'emmagatzematge de sessió',
    sessionLifetime: 'fins que tanqueu el navegador',
    policy: 'Política de privadesa de {provider}',
    allow: 'Permet i inicia el xat',
    notNow: 'Ara no',
    awayTitle: 'El nostre equip no hi és',
    awayBody: 'Ara mateix no podem xatejar.',
    backToday: 'Tornem avui a les {time}.',
    backTomorrow: 'Tornem demà a les {time}.',
    backLater: 'Tornem el {day} a les {time}.',
    leaveConsent:
      'Podeu deixar un missatge. El xat el proporciona {provider} i necessita el vostre consentiment per a les galetes de la categoria «{purpose}».',
    allowLeave: 'Permet i deixa un missatge',
    leave: 'Deixa un missatge',
    close: 'Tanca',
    fallback: 'Escriviu-nos un correu',
    start: 'Inicia el xat',
    retry: 'Torna-ho a provar',
    failError: "No s'ha pogut carregar el xat.",
    failTimeout: 'El xat triga massa a carregar-se.',
    failOffline: 'Sembla que no teniu connexió, així que el xat no es pot carregar.',
    failHidden: 'El xat no està disponible en aquesta pàgina ara mateix.',
  },
};

export default texts;
