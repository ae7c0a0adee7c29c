/**
 * Occitan (oc) texts of the banner.
 * From Klaro 0.7.22 (src/translations/oc.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Vòstra vida privada',
  services: 'Volriam utilizar aquestes servicis opcionals : {purposes}.',
  description: "Res d'opcional se carga pas abans que diguètz òc, e podètz cambiar d'avís quand volètz.",
  acceptAll: 'Tot acceptar',
  rejectAll: 'Tot refusar',
  settings: 'Paramètres',
  save: 'Salvar las causidas',
  close: 'Tampar',
  settingsTitle: 'Paramètres de confidencialitat',
  settingsDescription:
    "Causissètz los servicis opcionals qu'aqueste site pòt utilizar. Los cookies necessaris, coma lo que garda aquesta causida, son totjorn actius.",
  usedBy: 'Utilizat per : {vendors}.',
  policyName: 'politica de confidencialitat',
  policyText: 'Per ne saber mai, vejatz nòstra {privacyPolicy}.',
  changed: 'I aguèt de modificacions dempuèi vòstra darrièra visita, mercés de repassar vòstre consentiment.',
  toggleAllTitle: 'Activar o desactivar totes los servicis',
  toggleAllDescription: 'Utilizatz aqueste alternator per activar o desactivar totes los servicis.',
  functional: 'Foncionals',
  functionalDescription: 'Las foncions que demandatz, coma la messatjariá en dirècte.',
  analytics: "Mesura d'audiéncia",
  analyticsDescription: "Mesurar l'utilizacion del site per lo melhorar.",
  marketing: 'Marketing',
  marketingDescription: 'Aisinas de publicitat e de marketing.',
  gpcHonored: 'Senhal de refús (opt-out) respectat',
};

export default texts;
