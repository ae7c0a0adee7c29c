/**
 * Russian (ru) texts of the banner.
 * From Klaro 0.7.22 (src/translations/ru.yml), verbatim: acceptAll, close, changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Ваша конфиденциальность',
  services: 'Мы хотели бы использовать эти необязательные сервисы: {purposes}.',
  description: 'Ничего необязательного не загружается, пока вы не согласитесь, и вы можете изменить решение в любое время.',
  acceptAll: 'Принять всё',
  rejectAll: 'Отклонить всё',
  settings: 'Настройки',
  save: 'Сохранить выбор',
  close: 'Закрыть',
  settingsTitle: 'Настройки конфиденциальности',
  settingsDescription:
    'Выберите, какие необязательные сервисы может использовать этот сайт. Необходимые файлы cookie, например тот, который хранит этот выбор, всегда включены.',
  usedBy: 'Используют: {vendors}.',
  policyName: 'политикой конфиденциальности',
  policyText: 'Чтобы узнать больше, ознакомьтесь с нашей {privacyPolicy}.',
  changed: 'Со времени вашего последнего визита произошли изменения, обновите своё согласие.',
  toggleAllTitle: 'Переключить все приложения',
  toggleAllDescription: 'Используйте этот переключатель, чтобы включить/отключить все приложения.',
  functional: 'Функциональные',
  functionalDescription: 'Функции, которые вы запрашиваете, например онлайн-чат.',
  analytics: 'Аналитика',
  analyticsDescription: 'Измерение того, как используется сайт, чтобы улучшать его.',
  marketing: 'Маркетинг',
  marketingDescription: 'Инструменты рекламы и маркетинга.',
  gpcHonored: 'Сигнал отказа (opt-out) учтён',
};

export default texts;
