/*
 * Ronghe (融合): Chinese first in every Camunda webapp, English one click away.
 *
 * Loaded by each app's scripts/config.js (customScripts) before AngularJS starts. The webapps choose their
 * language from the browser's first preferred language among config.js' availableLocales; a caseworker
 * whose browser happens to be set to English would get English. So the page answers with the user's own
 * choice instead: Chinese unless they picked English with the link this script adds to the login page and
 * the Tasklist header. The choice is kept in the browser (localStorage), for all four apps alike.
 */
const STORAGE_KEY = 'ronghe.locale';
const LOCALES = ['zh', 'en'];
const stored = window.localStorage.getItem(STORAGE_KEY);
const chosen = LOCALES.includes(stored) ? stored : 'zh';
const other = chosen === 'zh' ? 'en' : 'zh';

Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => [chosen] });
Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => chosen });
// Lets the browser pick Chinese glyph forms and the right fonts.
document.documentElement.lang = chosen === 'zh' ? 'zh-CN' : 'en';

function switchLink() {
  const link = document.createElement('a');
  link.href = '';
  link.className = 'ronghe-locale-switch';
  link.lang = other === 'zh' ? 'zh-CN' : 'en';
  link.textContent = other === 'zh' ? '中文' : 'English';
  link.title = other === 'zh' ? '切换为中文界面' : 'Switch to the English interface';
  link.addEventListener('click', event => {
    event.preventDefault();
    window.localStorage.setItem(STORAGE_KEY, other);
    window.location.reload();
  });
  return link;
}

const onLoginPage = pluginPoint => ({
  id: 'ronghe-locale-' + pluginPoint,
  pluginPoint,
  priority: -100,
  render: node => {
    const p = document.createElement('p');
    p.className = 'ronghe-locale-login';
    p.appendChild(switchLink());
    node.appendChild(p);
  }
});

export default [
  onLoginPage('tasklist.login'),
  onLoginPage('cockpit.login'),
  onLoginPage('admin.login'),
  onLoginPage('welcome.login'),
  {
    id: 'ronghe-locale-tasklist-navbar',
    pluginPoint: 'tasklist.navbar.action',
    priority: 50,
    render: node => node.appendChild(switchLink())
  }
];
