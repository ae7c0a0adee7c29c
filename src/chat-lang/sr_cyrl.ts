/**
 * Serbian (Cyrillic) (sr_cyrl) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/sr_cyrl.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Ћаскајте са нама',
    loading: 'Учитавање ћаскања…',
  },
  panel: {
    promptTitle: 'Започети ћаскање са услугом {vendor}?',
    promptBody: '{summary} Ћаскање пружа {provider} и потребна му је ваша сагласност за колачиће категорије „{purpose}”.',
    purposeFunctional: 'Функционалне',
    purposeAnalytics: 'Аналитика',
    purposeMarketing: 'Маркетинг',
    stored: 'Чува се на вашем уређају:',
    storageLocal: 'локално складиште',
    storageSession: 'складиште сесије',
    sessionLifetime: 'док не затворите прегледач',
    policy: 'Политика приватности: {provider}',
    allow: 'Дозволи и започни ћаскање',
    notNow: 'Не сада',
    awayTitle: 'Наш тим тренутно није ту',
    awayBody: 'Тренутно не можемо да ћаскамо.',
    backToday: 'Враћамо се данас у {time}.',
    backTomorrow: 'Враћамо се сутра у {time}.',
    backLater: 'Враћамо се {day} у {time}.',
    leaveConsent: 'Можете оставити поруку. Ћаскање пружа {provider} и потребна му је ваша сагласност за колачиће категорије „{purpose}”.',
    allowLeave: 'Дозволи и остави поруку',
    leave: 'Остави поруку',
    close: 'Затвори',
    fallback: 'Пошаљите нам имејл',
    start: 'Започни ћаскање',
    retry: 'Покушај поново',
    failError: 'Ћаскање није могло да се учита.',
    failTimeout: 'Учитавање ћаскања траје предуго.',
    failOffline: 'Изгледа да нисте на мрежи, па ћаскање не може да се учита.',
    failHidden: 'Ћаскање тренутно није доступно на овој страници.',
  },
};

export default texts;
