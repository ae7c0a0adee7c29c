/**
 * Italian (it) texts of the banner.
 * From Klaro 0.7.22 (src/translations/it.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'La sua privacy',
  services: 'Vorremmo utilizzare questi servizi facoltativi: {purposes}.',
  description: 'Nulla di facoltativo viene caricato finché non acconsente, e può cambiare idea in qualsiasi momento.',
  acceptAll: 'Accettare tutti',
  rejectAll: 'Rifiutare tutti',
  settings: 'Impostazioni',
  save: 'Salva le scelte',
  close: 'Chiudi',
  settingsTitle: 'Impostazioni della privacy',
  settingsDescription:
    'Scelga quali servizi facoltativi questo sito può utilizzare. I cookie necessari, come quello che conserva questa scelta, sono sempre attivi.',
  usedBy: 'Utilizzato da: {vendors}.',
  policyName: 'informativa sulla privacy',
  policyText: 'Per saperne di più, legga la nostra {privacyPolicy}.',
  changed: 'Ci sono stati dei cambiamenti rispetto alla sua ultima visita, la preghiamo di rinnovare il suo consenso.',
  toggleAllTitle: 'Attivare o disattivare tutti i servizi',
  toggleAllDescription: 'Utilizzi questo interruttore per attivare o disattivare tutti i servizi.',
  functional: 'Funzionali',
  functionalDescription: 'Funzioni che lei richiede, come la chat dal vivo.',
  analytics: 'Statistiche',
  analyticsDescription: 'Misurare come viene utilizzato il sito, per migliorarlo.',
  marketing: 'Marketing',
  marketingDescription: 'Strumenti di pubblicità e marketing.',
  gpcHonored: 'Segnale di preferenza di opt-out rispettato',
};

export default texts;
