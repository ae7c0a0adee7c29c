/**
 * Galician (gl) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/gl.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Chatea connosco',
    loading: 'Cargando o chat…',
  },
  panel: {
    promptTitle: 'Iniciar un chat con {vendor}?',
    promptBody: '{summary} O chat proporciónao {provider} e precisa o seu consentimento para as cookies da categoría «{purpose}».',
    purposeFunctional: 'Funcionais',
    purposeAnalytics: 'Analítica',
    purposeMarketing: 'Marketing',
    stored: 'Gárdase no seu dispositivo:',
    storageLocal: 'almacenamento local',
    storageSession: 'almacenamento de sesión',
    sessionLifetime: 'ata que peche o navegador',
    policy: 'Política de privacidade de {provider}',
    allow: 'Permitir e iniciar o chat',
    notNow: 'Agora non',
    awayTitle: 'O noso equipo non está dispoñible',
    awayBody: 'Agora mesmo non podemos chatear.',
    backToday: 'Volvemos hoxe ás {time}.',
    backTomorrow: 'Volvemos mañá ás {time}.',
    backLater: 'Volvemos o {day} ás {time}.',
    leaveConsent:
      'Pode deixar unha mensaxe. O chat proporciónao {provider} e precisa o seu consentimento para as cookies da categoría «{purpose}».',
    allowLeave: 'Permitir e deixar unha mensaxe',
    leave: 'Deixar unha mensaxe',
    close: 'Pechar',
    fallback: 'Escríbanos un correo',
    start: 'Iniciar o chat',
    retry: 'Tentar de novo',
    failError: 'Non se puido cargar o chat.',
    failTimeout: 'O chat está a tardar demasiado en cargar.',
    failOffline: 'Parece que non ten conexión, así que o chat non pode cargar.',
    failHidden: 'O chat non está dispoñible nesta páxina agora mesmo.',
  },
};

export default texts;
