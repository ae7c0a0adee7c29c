/**
 * Turkish (tr) texts of the banner.
 * From Klaro 0.7.22 (src/translations/tr.yml), verbatim: close, changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Gizliliğiniz',
  services: 'Şu isteğe bağlı hizmetleri kullanmak istiyoruz: {purposes}.',
  description: 'Siz onay verene kadar isteğe bağlı hiçbir şey yüklenmez ve fikrinizi istediğiniz zaman değiştirebilirsiniz.',
  acceptAll: 'Tümünü kabul et',
  rejectAll: 'Tümünü reddet',
  settings: 'Ayarlar',
  save: 'Seçimleri kaydet',
  close: 'Kapat',
  settingsTitle: 'Gizlilik ayarları',
  settingsDescription:
    'Bu sitenin hangi isteğe bağlı hizmetleri kullanabileceğini seçin. Bu seçimi saklayan çerez gibi gerekli çerezler her zaman açıktır.',
  usedBy: 'Kullanan: {vendors}.',
  policyName: 'gizlilik politikamızı',
  policyText: 'Daha fazla bilgi için {privacyPolicy} okuyun.',
  changed: 'Son ziyaretinizden bu yana değişiklikler oldu, lütfen seçiminizi güncelleyin.',
  toggleAllTitle: 'Tüm uygulamaları aç/kapat',
  toggleAllDescription: 'Toplu açma/kapama için bu düğmeyi kullanabilirsin.',
  functional: 'İşlevsel',
  functionalDescription: 'Canlı sohbet gibi istediğiniz özellikler.',
  analytics: 'Analitik',
  analyticsDescription: 'Sitenin nasıl kullanıldığını ölçerek onu iyileştirmek.',
  marketing: 'Pazarlama',
  marketingDescription: 'Reklam ve pazarlama araçları.',
  gpcHonored: 'Vazgeçme tercihi sinyaline uyuldu',
};

export default texts;
