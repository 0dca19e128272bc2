/*
 * Ronghe (融合): what the four Camunda webapps (Tasklist, Cockpit, Admin, Welcome) share in their
 * scripts/config.js, which import this module (see docs/webapps.md). Everything not set here keeps Camunda's
 * default.
 */
export default function webappConfig(appName, extra = {}) {
  return {
    app: {
      // The header shows "<vendor> <name>", the login page the name alone.
      vendor: '融合 · 太仓社区治理',
      name: appName
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
    // Relative to the app's folder, e.g. /camunda/app/tasklist/.
    // dashboard-link adds 数据看板 to the headers of Tasklist and Cockpit.
    customScripts: ['../ronghe/locale', '../ronghe/dashboard-link', ...(extra.customScripts || [])],
    // Camunda's first-visit box links to its own English welcome page; our users start in Tasklist.
    disableWelcomeMessage: true,
    ...withoutScripts(extra)
  };
}

function withoutScripts({ customScripts, ...rest }) {
  return rest;
}
