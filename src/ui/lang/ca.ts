/**
 * Catalan (ca) texts of the banner.
 * From Klaro 0.7.22 (src/translations/ca.yml), verbatim: acceptAll, close, changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'La vostra privadesa',
  services: 'Ens agradaria utilitzar aquests serveis opcionals: {purposes}.',
  description: "No es carrega res opcional fins que no ho accepteu, i podeu canviar d'opinió en qualsevol moment.",
  acceptAll: 'Accepta-les totes',
  rejectAll: 'Rebutja-les totes',
  settings: 'Configuració',
  save: 'Desa les opcions',
  close: 'Tanca',
  settingsTitle: 'Configuració de privadesa',
  settingsDescription:
    'Trieu quins serveis opcionals pot utilitzar aquest lloc. Les galetes necessàries, com la que desa aquesta elecció, sempre estan actives.',
  usedBy: 'Utilitzat per: {vendors}.',
  policyName: 'política de privadesa',
  policyText: 'Per a saber-ne més, llegiu la nostra {privacyPolicy}.',
  changed: 'Hi ha hagut canvis des de la vostra darrera visita. Actualitzeu el vostre consentiment.',
  toggleAllTitle: 'Habilita/deshabilita totes les aplicacions',
  toggleAllDescription: 'Useu aquest botó per a habilitar o deshabilitar totes les aplicacions.',
  functional: 'Funcionals',
  functionalDescription: 'Funcions que demaneu, com ara el xat en directe.',
  analytics: 'Analítica',
  analyticsDescription: "Mesurar com s'utilitza el lloc per a millorar-lo.",
  marketing: 'Màrqueting',
  marketingDescription: 'Eines de publicitat i màrqueting.',
  gpcHonored: "S'ha respectat el senyal de preferència d'exclusió",
};

export default texts;
