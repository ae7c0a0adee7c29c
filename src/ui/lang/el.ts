/**
 * Greek (el) texts of the banner.
 * From Klaro 0.7.22 (src/translations/el.yml), verbatim: close, changed, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Το απόρρητό σας',
  services: 'Θα θέλαμε να χρησιμοποιήσουμε αυτές τις προαιρετικές υπηρεσίες: {purposes}.',
  description: 'Τίποτα προαιρετικό δεν φορτώνεται μέχρι να συμφωνήσετε, και μπορείτε να αλλάξετε γνώμη οποιαδήποτε στιγμή.',
  acceptAll: 'Αποδοχή όλων',
  rejectAll: 'Απόρριψη όλων',
  settings: 'Ρυθμίσεις',
  save: 'Αποθήκευση επιλογών',
  close: 'Κλείσιμο',
  settingsTitle: 'Ρυθμίσεις απορρήτου',
  settingsDescription:
    'Επιλέξτε ποιες προαιρετικές υπηρεσίες μπορεί να χρησιμοποιεί αυτός ο ιστότοπος. Τα απαραίτητα cookies, όπως αυτό που αποθηκεύει αυτή την επιλογή, είναι πάντα ενεργά.',
  usedBy: 'Χρησιμοποιείται από: {vendors}.',
  policyName: 'πολιτική απορρήτου',
  policyText: 'Για να μάθετε περισσότερα, διαβάστε την {privacyPolicy} μας.',
  changed: 'Πραγματοποιήθηκαν αλλαγές μετά την τελευταία σας επίσκεψη παρακαλούμε ανανεώστε την συγκατάθεση σας.',
  toggleAllTitle: 'Ενεργοποίηση ή απενεργοποίηση όλων των υπηρεσιών',
  toggleAllDescription: 'Χρησιμοποίησε αυτό τον διακόπτη για να ενεργοποιήσεις/απενεργοποιήσεις όλες τις εφαρμογές.',
  functional: 'Λειτουργικές',
  functionalDescription: 'Λειτουργίες που ζητάτε, όπως η ζωντανή συνομιλία.',
  analytics: 'Στατιστικά',
  analyticsDescription: 'Μέτρηση του τρόπου χρήσης του ιστότοπου, για τη βελτίωσή του.',
  marketing: 'Μάρκετινγκ',
  marketingDescription: 'Εργαλεία διαφήμισης και μάρκετινγκ.',
  gpcHonored: 'Το σήμα προτίμησης εξαίρεσης έγινε σεβαστό',
};

export default texts;
