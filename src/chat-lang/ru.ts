/**
 * Russian (ru) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/ru.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Напишите нам в чат',
    loading: 'Загрузка чата…',
  },
  panel: {
    promptTitle: 'Начать чат с {vendor}?',
    promptBody: '{summary} Чат предоставляет {provider}; для него нужно ваше согласие на файлы cookie категории «{purpose}».',
    purposeFunctional: 'Функциональные',
    purposeAnalytics: 'Аналитика',
    purposeMarketing: 'Маркетинг',
    stored: 'Сохраняется на вашем устройстве:',
    storageLocal: 'локальное хранилище',
    storageSession: 'хранилище сеанса',
    sessionLifetime: 'пока вы не закроете браузер',
    policy: 'Политика конфиденциальности: {provider}',
    allow: 'Разрешить и начать чат',
    notNow: 'Не сейчас',
    awayTitle: 'Нашей команды сейчас нет',
    awayBody: 'Сейчас мы не можем ответить в чате.',
    backToday: 'Мы вернёмся сегодня в {time}.',
    backTomorrow: 'Мы вернёмся завтра в {time}.',
    backLater: 'Мы вернёмся: {day}, {time}.',
    leaveConsent:
      'Вы можете оставить сообщение. Чат предоставляет {provider}; для него нужно ваше согласие на файлы cookie категории «{purpose}».',
    allowLeave: 'Разрешить и оставить сообщение',
    leave: 'Оставить сообщение',
    close: 'Закрыть',
    fallback: 'Напишите нам на почту',
    start: 'Начать чат',
    retry: 'Повторить',
    failError: 'Не удалось загрузить чат.',
    failTimeout: 'Чат загружается слишком долго.',
    failOffline: 'Похоже, вы не в сети, поэтому чат не может загрузиться.',
    failHidden: 'Чат сейчас недоступен на этой странице.',
  },
};

export default texts;
