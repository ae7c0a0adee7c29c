/**
 * French (fr) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/fr.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Discutez avec nous',
    loading: 'Chargement du chat…',
  },
  panel: {
    promptTitle: 'Démarrer un chat avec {vendor} ?',
    promptBody: '{summary} Le chat est fourni par {provider} et nécessite votre consentement aux cookies de la catégorie « {purpose} ».',
    purposeFunctional: 'Fonctionnels',
    purposeAnalytics: "Mesure d'audience",
    purposeMarketing: 'Marketing',
    stored: 'Enregistré sur votre appareil :',
    storageLocal: 'stockage local',
    storageSession: 'stockage de session',
    sessionLifetime: "jusqu'à la fermeture du navigateur",
    policy: 'Politique de confidentialité de {provider}',
    allow: 'Autoriser et démarrer le chat',
    notNow: 'Pas maintenant',
    awayTitle: 'Notre équipe est absente',
    awayBody: 'Nous ne pouvons pas discuter pour le moment.',
    backToday: "Nous serons de retour aujourd'hui à {time}.",
    backTomorrow: 'Nous serons de retour demain à {time}.',
    backLater: 'Nous serons de retour {day} à {time}.',
    leaveConsent:
      'Vous pouvez laisser un message. Le chat est fourni par {provider} et nécessite votre consentement aux cookies de la catégorie « {purpose} ».',
    allowLeave: 'Autoriser et laisser un message',
    leave: 'Laisser un message',
    close: 'Fermer',
    fallback: 'Écrivez-nous plutôt un e-mail',
    start: 'Démarrer le chat',
    retry: 'Réessayer',
    failError: "Le chat n'a pas pu être chargé.",
    failTimeout: 'Le chat met trop de temps à se charger.',
    failOffline: 'Vous semblez hors ligne : le chat ne peut pas se charger.',
    failHidden: "Le chat n'est pas disponible sur cette page pour le moment.",
  },
};

export default texts;
