/**
 * Hungarian (hu) texts of the banner.
 * From Klaro 0.7.22 (src/translations/hu.yml), verbatim: changed, toggleAllTitle, toggleAllDescription
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Az Ön adatvédelme',
  services: 'Szeretnénk használni ezeket az opcionális szolgáltatásokat: {purposes}.',
  description: 'Semmi opcionális nem töltődik be, amíg nem egyezik bele, és bármikor meggondolhatja magát.',
  acceptAll: 'Összes elfogadása',
  rejectAll: 'Összes elutasítása',
  settings: 'Beállítások',
  save: 'Választás mentése',
  close: 'Bezárás',
  settingsTitle: 'Adatvédelmi beállítások',
  settingsDescription:
    'Válassza ki, mely opcionális szolgáltatásokat használhatja ez a webhely. A szükséges sütik, például az, amely ezt a választást tárolja, mindig be vannak kapcsolva.',
  usedBy: 'Használja: {vendors}.',
  policyName: 'adatvédelmi tájékoztatónk',
  policyText: 'További információ: {privacyPolicy}.',
  changed: 'Az utolsó látogatás óta változások történtek, kérjük, frissítse a hozzájárulását.',
  toggleAllTitle: 'Összes app átkapcsolása',
  toggleAllDescription: 'Használja ezt a kapcsolót az összes alkalmazás engedélyezéséhez/letiltásához.',
  functional: 'Funkcionális',
  functionalDescription: 'Az Ön által kért funkciók, például az élő chat.',
  analytics: 'Statisztika',
  analyticsDescription: 'A webhely használatának mérése a fejlesztés érdekében.',
  marketing: 'Marketing',
  marketingDescription: 'Hirdetési és marketingeszközök.',
  gpcHonored: 'A leiratkozási preferenciajelzést figyelembe vettük',
};

export default texts;
