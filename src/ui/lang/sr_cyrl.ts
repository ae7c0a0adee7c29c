/**
 * Serbian (Cyrillic script) (sr_cyrl) texts of the banner.
 * From Klaro 0.7.22 (src/translations/sr_cyrl.yml), verbatim: close, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Ваша приватност',
  services: 'Желели бисмо да користимо ове опционе услуге: {purposes}.',
  description: 'Ништа опционо се не учитава док не пристанете, а одлуку можете променити у било ком тренутку.',
  acceptAll: 'Прихвати све',
  rejectAll: 'Одбиј све',
  settings: 'Подешавања',
  save: 'Сачувај избор',
  close: 'Затвори',
  settingsTitle: 'Подешавања приватности',
  settingsDescription:
    'Изаберите које опционе услуге овај сајт сме да користи. Неопходни колачићи, попут оног који чува овај избор, увек су укључени.',
  usedBy: 'Користи: {vendors}.',
  policyName: 'политику приватности',
  policyText: 'Да бисте сазнали више, прочитајте нашу {privacyPolicy}.',
  changed: 'Дошло је до промена од Ваше последње посете, молимо Вас да ажурирате своја одобрења.',
  toggleAllTitle: 'Измени све',
  toggleAllDescription: 'Користите овај прекидач да омогућите/онеспособите све апликације одједном.',
  functional: 'Функционалне',
  functionalDescription: 'Функције које тражите, попут ћаскања уживо.',
  analytics: 'Аналитика',
  analyticsDescription: 'Мерење начина коришћења сајта ради његовог побољшања.',
  marketing: 'Маркетинг',
  marketingDescription: 'Алати за оглашавање и маркетинг.',
  gpcHonored: 'Сигнал за одустајање је поштован',
};

export default texts;
