// Ronghe (融合): replaces the webjar's app/welcome/scripts/config.js (a classpath override; see docs/webapps.md).
// Chinese first, the product's own name in the header; the shared settings are in ../../ronghe/webapp-config.js.
import webappConfig from '../../ronghe/webapp-config.js';

export default webappConfig('首页', {
  // Shown on the Welcome page under the applications; the dashboard lives outside the Camunda webapps.
  links: [
    {
      label: '数据看板',
      href: '../../../../dashboard',
      description: '事项准入、任务期限、双向考评和社区工作者等级的统计图表（按本人所在机构）'
    }
  ]
});
