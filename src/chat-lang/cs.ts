/**
 * Czech (cs) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/cs.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Napište nám',
    loading: 'Načítání chatu…',
  },
  panel: {
    promptTitle: 'Zahájit chat se službou {vendor}?',
    promptBody: '{summary} Chat poskytuje {provider} a vyžaduje váš souhlas s cookies v kategorii „{purpose}“.',
    purposeFunctional: 'Funkční',
    purposeAnalytics: 'Analytika',
    purposeMarketing: 'Marketing',
    stored: 'Ukládá se ve vašem zařízení:',
    storageLocal: 'místní úložiště',
    storageSession: 'úložiště relace',
    sessionLifetime: 'do zavření prohlížeče',
    policy: 'Zásady ochrany soukromí společnosti {provider}',
    allow: 'Povolit a zahájit chat',
    notNow: 'Teď ne',
    awayTitle: 'Náš tým není k dispozici',
    awayBody: 'Právě teď nemůžeme chatovat.',
    backToday: 'Jsme zpět dnes v {time}.',
    backTomorrow: 'Jsme zpět zítra v {time}.',
    backLater: 'Jsme zpět {day} v {time}.',
    leaveConsent: 'Můžete nám zanechat zprávu. Chat poskytuje {provider} a vyžaduje váš souhlas s cookies v kategorii „{purpose}“.',
    allowLeave: 'Povolit a zanechat zprávu',
    leave: 'Zanechat zprávu',
    close: 'Zavřít',
    fallback: 'Napište nám raději e-mail',
    start: 'Zahájit chat',
    retry: 'Zkusit znovu',
    failError: 'Chat se nepodařilo načíst.',
    failTimeout: 'Načítání chatu trvá příliš dlouho.',
    failOffline: 'Zdá se, že jste offline, takže chat nelze načíst.',
    failHidden: 'Chat teď na této stránce není k dispozici.',
  },
};

export default texts;
