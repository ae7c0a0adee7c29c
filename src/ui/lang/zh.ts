/**
 * Chinese (Simplified) (zh) texts of the banner.
 * From Klaro 0.7.22 (src/translations/zh.yml), verbatim: policyName, policyText, changed, toggleAllTitle, toggleAllDescription, marketing
 * Machine-drafted, to be reviewed by a native speaker: every other text.
 */
import type { Texts } from '../texts.js';

const texts: Texts = {
  title: '您的隐私',
  services: '我们希望使用以下可选服务：{purposes}。',
  description: '在您同意之前，不会加载任何可选内容；您可以随时改变主意。',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  settings: '设置',
  save: '保存选择',
  close: '关闭',
  settingsTitle: '隐私设置',
  settingsDescription: '选择本网站可以使用哪些可选服务。必要的 Cookie（例如保存此选择的 Cookie）始终开启。',
  usedBy: '使用方：{vendors}。',
  policyName: '隐私政策',
  policyText: '要了解更多，请阅读我们的{privacyPolicy} 。',
  changed: '自上次访问后有变化，请更新您的同意。',
  toggleAllTitle: '启用或停用所有服务',
  toggleAllDescription: '使用此开关可启用或禁用所有服务。',
  functional: '功能性',
  functionalDescription: '您请求的功能，例如在线聊天。',
  analytics: '统计分析',
  analyticsDescription: '衡量网站的使用情况，以便改进网站。',
  marketing: '市场营销',
  marketingDescription: '广告和营销工具。',
  gpcHonored: '已遵从选择退出偏好信号',
};

export default texts;
