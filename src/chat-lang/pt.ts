/**
 * Portuguese (pt) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/pt.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Converse connosco',
    loading: 'A carregar o chat…',
  },
  panel: {
    promptTitle: 'Iniciar um chat com {vendor}?',
    promptBody: '{summary} O chat é fornecido por {provider} e precisa do seu consentimento para os cookies da categoria «{purpose}».',
    purposeFunctional: 'Funcionais',
    purposeAnalytics: 'Estatísticas',
    purposeMarketing: 'Marketing',
    stored: 'Guardado no seu dispositivo:',
    storageLocal: 'armazenamento local',
    storageSession: 'armazenamento de sessão',
    sessionLifetime: 'até fechar o navegador',
    policy: 'Política de privacidade de {provider}',
    allow: 'Permitir e iniciar o chat',
    notNow: 'Agora não',
    awayTitle: 'A nossa equipa está ausente',
    awayBody: 'Não podemos conversar neste momento.',
    backToday: 'Voltamos hoje às {time}.',
    backTomorrow: 'Voltamos amanhã às {time}.',
    backLater: 'Voltamos {day} às {time}.',
    leaveConsent:
      'Pode deixar uma mensagem. O chat é fornecido por {provider} e precisa do seu consentimento para os cookies da categoria «{purpose}».',
    allowLeave: 'Permitir e deixar uma mensagem',
    leave: 'Deixar uma mensagem',
    close: 'Fechar',
    fallback: 'Envie-nos antes um e-mail',
    start: 'Iniciar o chat',
    retry: 'Tentar novamente',
    failError: 'Não foi possível carregar o chat.',
    failTimeout: 'O chat está a demorar demasiado a carregar.',
    failOffline: 'Parece estar offline, por isso o chat não pode carregar.',
    failHidden: 'O chat não está disponível nesta página neste momento.',
  },
};

export default texts;
