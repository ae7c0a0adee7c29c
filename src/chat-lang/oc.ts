/**
 * Occitan (oc) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/oc.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Charratz amb nosautres',
    loading: 'Cargament del chat…',
  },
  panel: {
    promptTitle: 'Començar un chat amb {vendor} ?',
    promptBody:
      '{summary} Lo chat es provesit per {provider} e a besonh de vòstre consentiment pels cookies de la categoria « {purpose} ».',
    purposeFunctional: 'Foncionals',
    purposeAnalytics: "Mesura d'audiéncia",
    purposeMarketing: 'Marketing',
    stored: 'Enregistrat sus vòstre aparelh :',
    storageLocal: 'emmagazinatge local',
    storageSession: 'emmagazinatge de session',
    sessionLifetime: 'fins a la tampadura del navegador',
    policy: 'Politica de confidencialitat de {provider}',
    allow: 'Autorizar e començar lo chat',
    notNow: 'Pas ara',
    awayTitle: 'Nòstra equipa es absenta',
    awayBody: 'Podèm pas charrar ara.',
    backToday: 'Tornam uèi a {time}.',
    backTomorrow: 'Tornam deman a {time}.',
    backLater: 'Tornam {day} a {time}.',
    leaveConsent:
      'Podètz daissar un messatge. Lo chat es provesit per {provider} e a besonh de vòstre consentiment pels cookies de la categoria « {purpose} ».',
    allowLeave: 'Autorizar e daissar un messatge',
    leave: 'Daissar un messatge',
    close: 'Tampar',
    fallback: 'Escrivètz-nos puslèu un corrièl',
    start: 'Començar lo chat',
    retry: 'Tornar ensajar',
    failError: 'Lo chat a pas pogut èsser cargat.',
    failTimeout: 'Lo chat met tròp de temps a se cargar.',
    failOffline: 'Semblatz fòra linha : lo chat se pòt pas cargar.',
    failHidden: 'Lo chat es pas disponible sus aquesta pagina pel moment.',
  },
};

export default texts;
