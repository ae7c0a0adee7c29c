/**
 * French (fr) texts of the banner.
 * From Klaro 0.7.22 (src/translations/fr.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Votre vie privée',
  services: 'Nous aimerions utiliser ces services facultatifs : {purposes}.',
  description: "Rien de facultatif n'est chargé tant que vous n'avez pas accepté, et vous pouvez changer d'avis à tout moment.",
  acceptAll: 'Accepter tout',
  rejectAll: 'Refuser tout',
  settings: 'Paramètres',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  settingsTitle: 'Paramètres de confidentialité',
  settingsDescription:
    'Choisissez les services facultatifs que ce site peut utiliser. Les cookies nécessaires, comme celui qui conserve ce choix, sont toujours actifs.',
  usedBy: 'Utilisé par : {vendors}.',
  policyName: 'politique de confidentialité',
  policyText: 'Pour en savoir plus, veuillez lire notre {privacyPolicy}.',
  changed: 'Il y a eu des changements depuis votre dernière visite, veuillez renouveler votre consentement.',
  toggleAllTitle: 'Activer ou désactiver tous les services',
  toggleAllDescription: 'Utilisez ce commutateur pour activer ou désactiver tous les services.',
  functional: 'Fonctionnels',
  functionalDescription: 'Les fonctions que vous demandez, comme le chat en direct.',
  analytics: "Mesure d'audience",
  analyticsDescription: "Mesurer l'utilisation du site pour l'améliorer.",
  marketing: 'Marketing',
  marketingDescription: 'Outils de publicité et de marketing.',
  gpcHonored: 'Signal de refus (opt-out) respecté',
};

export default texts;
