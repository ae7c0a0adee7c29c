/**
 * Turkish (tr) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/tr.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: 'Bizimle sohbet edin',
    loading: 'Sohbet yükleniyor…',
  },
  panel: {
    promptTitle: '{vendor} ile sohbet başlatılsın mı?',
    promptBody: '{summary} Sohbet {provider} tarafından sağlanır ve "{purpose}" kategorisindeki çerezler için onayınızı gerektirir.',
    purposeFunctional: 'İşlevsel',
    purposeAnalytics: 'Analitik',
    purposeMarketing: 'Pazarlama',
    stored: 'Cihazınızda saklanan:',
    storageLocal: 'yerel depolama',
    storageSession: 'oturum depolaması',
    sessionLifetime: 'tarayıcıyı kapatana kadar',
    policy: '{provider} gizlilik politikası',
    allow: 'İzin ver ve sohbeti başlat',
    notNow: 'Şimdi değil',
    awayTitle: 'Ekibimiz şu anda burada değil',
    awayBody: 'Şu anda sohbet edemiyoruz.',
    backToday: 'Bugün saat {time} itibarıyla döneceğiz.',
    backTomorrow: 'Yarın saat {time} itibarıyla döneceğiz.',
    backLater: '{day} saat {time} itibarıyla döneceğiz.',
    leaveConsent:
      'Mesaj bırakabilirsiniz. Sohbet {provider} tarafından sağlanır ve "{purpose}" kategorisindeki çerezler için onayınızı gerektirir.',
    allowLeave: 'İzin ver ve mesaj bırak',
    leave: 'Mesaj bırak',
    close: 'Kapat',
    fallback: 'Bunun yerine bize e-posta gönderin',
    start: 'Sohbeti başlat',
    retry: 'Tekrar dene',
    failError: 'Sohbet yüklenemedi.',
    failTimeout: 'Sohbetin yüklenmesi çok uzun sürüyor.',
    failOffline: 'Çevrimdışı görünüyorsunuz, bu yüzden sohbet yüklenemiyor.',
    failHidden: 'Sohbet şu anda bu sayfada kullanılamıyor.',
  },
};

export default texts;
