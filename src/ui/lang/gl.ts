/**
 * Galician (gl) texts of the banner.
 * From Klaro 0.7.22 (src/translations/gl.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'A súa privacidade',
  services: 'Gustaríanos usar estes servizos opcionais: {purposes}.',
  description: 'Non se carga nada opcional ata que vostede o acepte, e pode cambiar de opinión en calquera momento.',
  acceptAll: 'Aceptar todas',
  rejectAll: 'Rexeitar todas',
  settings: 'Configuración',
  save: 'Gardar a selección',
  close: 'Pechar',
  settingsTitle: 'Configuración de privacidade',
  settingsDescription:
    'Escolla que servizos opcionais pode usar este sitio. As cookies necesarias, como a que garda esta elección, están sempre activas.',
  usedBy: 'Usado por: {vendors}.',
  policyName: 'política de privacidade',
  policyText: 'Para saber máis, por favor lea a nosa {privacyPolicy}.',
  changed: 'Houbo cambios nas cookies dende a súa última visita. Debe renovar o seu consentimento.',
  toggleAllTitle: 'Activar ou desactivar todos os servizos',
  toggleAllDescription: 'Utilice este interruptor para activar ou desactivar todos os servizos.',
  functional: 'Funcionais',
  functionalDescription: 'Funcións que vostede solicita, como o chat en directo.',
  analytics: 'Analítica',
  analyticsDescription: 'Medir como se usa o sitio, para melloralo.',
  marketing: 'Marketing',
  marketingDescription: 'Ferramentas de publicidade e márketing.',
  gpcHonored: 'Respectouse o sinal de preferencia de exclusión',
};

export default texts;
