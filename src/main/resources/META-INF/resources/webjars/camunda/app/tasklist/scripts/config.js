// Ronghe (融合): replaces the webjar's app/tasklist/scripts/config.js (a classpath override; see docs/webapps.md).
// Chinese first (../locales/zh.json; English still available), the product's own name in the header,
// Camunda's defaults for everything not set here.
export default {
  app: {
    // The header shows "<vendor> <name>", the login page the name alone.
    vendor: '融合 · 太仓社区治理',
    name: '任务中心'
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
  disableWelcomeMessage: true,

  // Camunda's default shortcuts, described in Chinese (Tasklist lists them under 键盘快捷键).
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
