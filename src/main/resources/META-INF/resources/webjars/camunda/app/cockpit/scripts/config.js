// Ronghe (融合): replaces the webjar's app/cockpit/scripts/config.js (a classpath override; see docs/webapps.md).
// Chinese first, the product's own name in the header; the shared settings are in ../../ronghe/webapp-config.js.
import webappConfig from '../../ronghe/webapp-config.js';

export default webappConfig('流程监控');
