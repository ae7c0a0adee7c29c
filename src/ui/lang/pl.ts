/**
 * Polish (pl) texts of the banner.
 * From Klaro 0.7.22 (src/translations/pl.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Twoja prywatność',
  services: 'Chcielibyśmy korzystać z tych opcjonalnych usług: {purposes}.',
  description: 'Nic opcjonalnego nie zostanie załadowane, dopóki się nie zgodzisz, a swoją decyzję możesz zmienić w każdej chwili.',
  acceptAll: 'Zaakceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  settings: 'Ustawienia',
  save: 'Zapisz wybór',
  close: 'Zamknij',
  settingsTitle: 'Ustawienia prywatności',
  settingsDescription:
    'Wybierz, z których opcjonalnych usług może korzystać ta strona. Niezbędne pliki cookie, takie jak ten, który zapamiętuje ten wybór, są zawsze włączone.',
  usedBy: 'Używane przez: {vendors}.',
  policyName: 'polityka prywatności',
  policyText: 'Aby dowiedzieć się więcej, prosimy o zapoznanie się z naszą {privacyPolicy}.',
  changed: 'Od Twojej ostatniej wizyty nastąpiły zmiany, prosimy o odnowienie zgody.',
  toggleAllTitle: 'Włącz lub wyłącz wszystkie usługi',
  toggleAllDescription: 'Za pomocą tego przełącznika można włączać lub wyłączać wszystkie usługi.',
  functional: 'Funkcjonalne',
  functionalDescription: 'Funkcje, o które prosisz, np. czat na żywo.',
  analytics: 'Analityka',
  analyticsDescription: 'Pomiar sposobu korzystania ze strony w celu jej ulepszenia.',
  marketing: 'Marketing',
  marketingDescription: 'Narzędzia reklamowe i marketingowe.',
  gpcHonored: 'Uwzględniono sygnał preferencji rezygnacji',
};

export default texts;
