/**
 * Spanish (es) texts of the banner.
 * From Klaro 0.7.22 (src/translations/es.yml), verbatim: acceptAll, close, policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: 'Su privacidad',
  services: 'Nos gustaría utilizar estos servicios opcionales: {purposes}.',
  description: 'No se carga nada opcional hasta que usted lo acepte, y puede cambiar de opinión en cualquier momento.',
  acceptAll: 'Aceptar todas',
  rejectAll: 'Rechazar todas',
  settings: 'Configuración',
  save: 'Guardar selección',
  close: 'Cerrar',
  settingsTitle: 'Configuración de privacidad',
  settingsDescription:
    'Elija qué servicios opcionales puede utilizar este sitio. Las cookies necesarias, como la que guarda esta elección, están siempre activas.',
  usedBy: 'Utilizado por: {vendors}.',
  policyName: 'política de privacidad',
  policyText: 'Para saber más, por favor lea nuestra {privacyPolicy}.',
  changed: 'Ha habido cambios en las cookies desde su última visita. Debe renovar su consentimiento.',
  toggleAllTitle: 'Activar o desactivar todos los servicios',
  toggleAllDescription: 'Utilice este interruptor para activar o desactivar todos los servicios.',
  functional: 'Funcionales',
  functionalDescription: 'Funciones que usted solicita, como el chat en directo.',
  analytics: 'Analítica',
  analyticsDescription: 'Medir cómo se utiliza el sitio, para mejorarlo.',
  marketing: 'Marketing',
  marketingDescription: 'Herramientas de publicidad y marketing.',
  gpcHonored: 'Señal de preferencia de exclusión respetada',
};

export default texts;
