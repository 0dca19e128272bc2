/*
 * Ronghe (融合): a link to the project's dashboard (/dashboard, outside the Camunda webapps) in the header of
 * Tasklist and Cockpit. Loaded through config.js customScripts (see webapp-config.js); the Welcome page gets
 * the same link from its config.js "links" setting. The dashboard accepts the webapps' login session.
 */
const dashboardUrl = () => window.location.pathname.split('/camunda/')[0] + '/dashboard';
const LABEL = '数据看板';

export default [
  {
    id: 'ronghe-dashboard-tasklist',
    pluginPoint: 'tasklist.navbar.action',
    priority: 60,
    render: node => {
      const link = document.createElement('a');
      link.href = dashboardUrl();
      link.className = 'ronghe-dashboard-link';
      link.textContent = LABEL;
      node.appendChild(link);
    }
  },
  {
    id: 'ronghe-dashboard-cockpit',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    label: LABEL,
    pagePath: dashboardUrl()
  }
];
