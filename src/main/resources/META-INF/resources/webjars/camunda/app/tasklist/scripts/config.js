// Ronghe (融合): replaces the webjar's app/tasklist/scripts/config.js (a classpath override; see docs/webapps.md).
// Chinese first, the product's own name in the header; the shared settings are in ../../ronghe/webapp-config.js.
import webappConfig from '../../ronghe/webapp-config.js';

export default webappConfig('任务中心', {
  // Chinese validation messages in Camunda Forms.
  customScripts: ['../ronghe/form-messages'],
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
});
