package cn.ronghe.platform.error;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that never reach a controller (unknown path, filter rejections) still answer with the bilingual
 * fields of {@link ApiError}, and never with an exception class or stack trace.
 */
@Component
class BilingualErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    int status = attributes.get("status") instanceof Integer s ? s : 500;
    String[] text = switch (status) {
      case 400 -> new String[] {"请求无效", "Bad request"};
      case 401 -> new String[] {"请先登录", "Authentication required"};
      case 403 -> new String[] {"没有访问权限", "Access denied"};
      case 404 -> new String[] {"页面或资源不存在", "Not found"};
      case 405 -> new String[] {"不支持该请求方法", "Method not allowed"};
      case 413 -> new String[] {"请求内容过大", "Payload too large"};
      default -> status >= 500
          ? new String[] {"系统内部错误，请稍后重试", "Internal error, please retry later"}
          : new String[] {"请求无法处理", "The request cannot be processed"};
    };
    attributes.remove("exception");
    attributes.remove("trace");
    attributes.put("code", status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status);
    attributes.put("messageZh", text[0]);
    attributes.put("messageEn", text[1]);
    attributes.put("message", text[0] + " / " + text[1]);
    return attributes;
  }
}
