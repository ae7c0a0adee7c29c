/**
 * Greek (el) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/el.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Συνομιλήστε μαζί μας',
    loading: 'Φόρτωση συνομιλίας…',
  },
  panel: {
    promptTitle: 'Έναρξη συνομιλίας με {vendor};',
    promptBody: '{summary} Η συνομιλία παρέχεται από {provider} και χρειάζεται τη συγκατάθεσή σας για cookies της κατηγορίας «{purpose}».',
    purposeFunctional: 'Λειτουργικές',
    purposeAnalytics: 'Στατιστικά',
    purposeMarketing: 'Μάρκετινγκ',
    stored: 'Αποθηκεύεται στη συσκευή σας:',
    storageLocal: 'τοπική αποθήκευση',
    storageSession: 'αποθήκευση συνεδρίας',
    sessionLifetime: 'μέχρι να κλείσετε το πρόγραμμα περιήγησης',
    policy: 'Πολιτική απορρήτου: {provider}',
    allow: 'Αποδοχή και έναρξη συνομιλίας',
    notNow: 'Όχι τώρα',
    awayTitle: 'Η ομάδα μας δεν είναι διαθέσιμη',
    awayBody: 'Δεν μπορούμε να συνομιλήσουμε αυτή τη στιγμή.',
    backToday: 'Επιστρέφουμε σήμερα στις {time}.',
    backTomorrow: 'Επιστρέφουμε αύριο στις {time}.',
    backLater: 'Επιστρέφουμε {day} στις {time}.',
    leaveConsent:
      'Μπορείτε να αφήσετε μήνυμα. Η συνομιλία παρέχεται από {provider} και χρειάζεται τη συγκατάθεσή σας για cookies της κατηγορίας «{purpose}».',
    allowLeave: 'Αποδοχή και αποστολή μηνύματος',
    leave: 'Αφήστε μήνυμα',
    close: 'Κλείσιμο',
    fallback: 'Στείλτε μας email',
    start: 'Έναρξη συνομιλίας',
    retry: 'Δοκιμάστε ξανά',
    failError: 'Δεν ήταν δυνατή η φόρτωση της συνομιλίας.',
    failTimeout: 'Η φόρτωση της συνομιλίας αργεί πολύ.',
    failOffline: 'Φαίνεται ότι είστε εκτός σύνδεσης, οπότε η συνομιλία δεν μπορεί να φορτωθεί.',
    failHidden: 'Η συνομιλία δεν είναι διαθέσιμη σε αυτή τη σελίδα αυτή τη στιγμή.',
  },
};

export default texts;
