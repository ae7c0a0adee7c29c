/**
 * Polish (pl) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/pl.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Czatuj z nami',
    loading: 'Wczytywanie czatu…',
  },
  panel: {
    promptTitle: 'Rozpocząć czat z {vendor}?',
    promptBody: '{summary} Czat zapewnia {provider} i wymaga Twojej zgody na pliki cookie z kategorii „{purpose}”.',
    purposeFunctional: 'Funkcjonalne',
    purposeAnalytics: 'Analityka',
    purposeMarketing: 'Marketing',
    stored: 'Zapisywane na Twoim urządzeniu:',
    storageLocal: 'pamięć lokalna',
    storageSession: 'pamięć sesji',
    sessionLifetime: 'do zamknięcia przeglądarki',
    policy: 'Polityka prywatności: {provider}',
    allow: 'Zezwól i rozpocznij czat',
    notNow: 'Nie teraz',
    awayTitle: 'Naszego zespołu teraz nie ma',
    awayBody: 'Nie możemy teraz rozmawiać.',
    backToday: 'Wracamy dziś o {time}.',
    backTomorrow: 'Wracamy jutro o {time}.',
    backLater: 'Wracamy w {day} o {time}.',
    leaveConsent: 'Możesz zostawić wiadomość. Czat zapewnia {provider} i wymaga Twojej zgody na pliki cookie z kategorii „{purpose}”.',
    allowLeave: 'Zezwól i zostaw wiadomość',
    leave: 'Zostaw wiadomość',
    close: 'Zamknij',
    fallback: 'Napisz do nas e-mail',
    start: 'Rozpocznij czat',
    retry: 'Spróbuj ponownie',
    failError: 'Nie udało się wczytać czatu.',
    failTimeout: 'Wczytywanie czatu trwa zbyt długo.',
    failOffline: 'Wygląda na to, że jesteś offline, więc czat nie może się wczytać.',
    failHidden: 'Czat nie jest teraz dostępny na tej stronie.',
  },
};

export default texts;
