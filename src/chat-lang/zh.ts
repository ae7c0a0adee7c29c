/**
 * Chinese (Simplified) (zh) words of the chat (keys and `{placeholders}` as in src/chat/texts.ts).
 * Machine-drafted, awaiting review by a native speaker; the purpose words are the
 * banner's category names (src/ui/lang/zh.ts).
 */
import type { ChatTexts } from '../chat/texts.js';

const texts: ChatTexts = {
  launcher: {
    label: '与我们聊天',
    loading: '正在加载聊天…',
  },
  panel: {
    promptTitle: '要与 {vendor} 开始聊天吗？',
    promptBody: '{summary} 聊天由 {provider} 提供，需要您同意“{purpose}”类别的 Cookie。',
    purposeFunctional: '功能性',
    purposeAnalytics: '统计分析',
    purposeMarketing: '市场营销',
    stored: '保存在您设备上的内容：',
    storageLocal: '本地存储',
    storageSession: '会话存储',
    sessionLifetime: '直到您关闭浏览器',
    policy: '{provider} 隐私政策',
    allow: '允许并开始聊天',
    notNow: '暂不',
    awayTitle: '我们的团队暂时不在',
    awayBody: '我们现在无法聊天。',
    backToday: '我们今天 {time} 回来。',
    backTomorrow: '我们明天 {time} 回来。',
    backLater: '我们将于{day} {time} 回来。',
    leaveConsent: '您可以留言。聊天由 {provider} 提供，需要您同意“{purpose}”类别的 Cookie。',
    allowLeave: '允许并留言',
    leave: '留言',
    close: '关闭',
    fallback: '改为给我们发送电子邮件',
    start: '开始聊天',
    retry: '重试',
    failError: '无法加载聊天。',
    failTimeout: '聊天加载时间过长。',
    failOffline: '您似乎处于离线状态，因此无法加载聊天。',
    failHidden: '此页面当前无法使用聊天。',
  },
};

export default texts;
