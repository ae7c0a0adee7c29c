/**
 * Spanish (es) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/es.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Chatea con nosotros',
    loading: 'Cargando el chat…',
  },
  panel: {
    promptTitle: '¿Iniciar un chat con {vendor}?',
    promptBody: '{summary} El chat lo proporciona {provider} y necesita su consentimiento para las cookies de la categoría «{purpose}».',
    purposeFunctional: 'Funcionales',
    purposeAnalytics: 'Analítica',
    purposeMarketing: 'Marketing',
    stored: 'Se guarda en su dispositivo:',
    storageLocal: 'almacenamiento local',
    storageSession: 'almacenamiento de sesión',
    sessionLifetime: 'hasta que cierre el navegador',
    policy: 'Política de privacidad de {provider}',
    allow: 'Permitir e iniciar el chat',
    notNow: 'Ahora no',
    awayTitle: 'Nuestro equipo no está disponible',
    awayBody: 'Ahora mismo no podemos chatear.',
    backToday: 'Volvemos hoy a las {time}.',
    backTomorrow: 'Volvemos mañana a las {time}.',
    backLater: 'Volvemos el {day} a las {time}.',
    leaveConsent:
      'Puede dejar un mensaje. El chat lo proporciona {provider} y necesita su consentimiento para las cookies de la categoría «{purpose}».',
    allowLeave: 'Permitir y dejar un mensaje',
    leave: 'Dejar un mensaje',
    close: 'Cerrar',
    fallback: 'Escríbanos un correo',
    start: 'Iniciar chat',
    retry: 'Intentar de nuevo',
    failError: 'No se ha podido cargar el chat.',
    failTimeout: 'El chat está tardando demasiado en cargar.',
    failOffline: 'Parece que no tiene conexión, así que el chat no puede cargarse.',
    failHidden: 'El chat no está disponible en esta página ahora mismo.',
  },
};

export default texts;
