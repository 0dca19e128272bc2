// Ronghe (融合): replaces the webjar's app/admin/scripts/config.js (a classpath override; see docs/webapps.md).
// Chinese first (../locales/zh.json; English still available), the product's own name in the header,
// Camunda's defaults for everything not set here.
export default {
  app: {
    // The header shows "<vendor> <name>", the login page the name alone.
    vendor: '融合 · 太仓社区治理',
    name: '系统管理'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Resolved by the locale's longDateFormat: in Chinese "2026年11月30日 14:05" and "2026年11月30日星期一 14:05".
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  // Chinese unless the user picks English (login page, Tasklist header), whatever the browser's language.
  customScripts: ['../ronghe/locale'],
  // Camunda's first-visit box links to its own English welcome page; our users start in Tasklist.
  disableWelcomeMessage: true
};
