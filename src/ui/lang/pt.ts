/**
 * Portuguese (Brazilian) (pt) texts of the banner.
 * From Klaro 0.7.22 (src/translations/pt.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Sua privacidade',
  services: 'Gostaríamos de usar estes serviços opcionais: {purposes}.',
  description: 'Nada opcional é carregado até que você concorde, e você pode mudar de ideia a qualquer momento.',
  acceptAll: 'Aceitar todos',
  rejectAll: 'Recusar todos',
  settings: 'Configurações',
  save: 'Salvar escolhas',
  close: 'Fechar',
  settingsTitle: 'Configurações de privacidade',
  settingsDescription:
    'Escolha quais serviços opcionais este site pode usar. Os cookies necessários, como o que guarda esta escolha, estão sempre ativos.',
  usedBy: 'Usado por: {vendors}.',
  policyName: 'política de privacidade',
  policyText: 'Para saber mais, por favor, leia nossa {privacyPolicy}.',
  changed: 'Houve mudanças desde sua última visita, queira renovar seu consentimento.',
  toggleAllTitle: 'Habilitar ou desabilitar todos os serviços',
  toggleAllDescription: 'Use essa chave para habilitar ou desabilitar todos os serviços.',
  functional: 'Funcionais',
  functionalDescription: 'Recursos que você solicita, como o chat ao vivo.',
  analytics: 'Estatísticas',
  analyticsDescription: 'Medir como o site é usado, para melhorá-lo.',
  marketing: 'Marketing',
  marketingDescription: 'Ferramentas de publicidade e marketing.',
  gpcHonored: 'Sinal de preferência de exclusão respeitado',
};

export default texts;
