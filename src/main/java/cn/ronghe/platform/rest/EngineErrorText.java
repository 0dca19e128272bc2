package cn.ronghe.platform.rest;

import java.util.regex.Pattern;

/**
 * Error messages of the engine REST API in Chinese and English. Camunda's messages are English (and sometimes
 * empty); the Chinese part says what kind of problem it is and what to do, the English part keeps Camunda's
 * detail for whoever reads the logs or calls the API.
 */
final class EngineErrorText {

  static final String TOO_LONG_OR_MALFORMED = "提交的数据超出允许的长度或含有无法保存的字符（如文本过长、含空字符），未保存任何内容"
      + " / A submitted value is too long or contains characters that cannot be stored; nothing was saved";
  static final String CONCURRENT_CHANGE = "该案件刚被他人同时修改，未保存任何内容，请刷新后重试"
      + " / The case was changed by someone else at the same moment; nothing was saved, please reload and retry";

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  private EngineErrorText() {
  }

  /** The message as it should reach the caller: unchanged when it already has Chinese, else Chinese + English. */
  static String bilingual(int status, String message) {
    if (message != null && CHINESE.matcher(message).find()) {
      return message;
    }
    String en = message == null || message.isBlank() ? english(status) : message;
    return chinese(status) + " / " + en;
  }

  static String chinese(int status) {
    return switch (status) {
      case 400 -> "请求无效，请检查提交的数据（格式、类型或取值）";
      case 401 -> "请先登录（HTTP Basic，使用系统账号）";
      case 403 -> "您没有执行该操作的权限";
      case 404 -> "未找到请求的对象或地址";
      case 405 -> "不支持该请求方法";
      case 406 -> "无法提供所要求的内容格式";
      case 409 -> "与现有数据冲突，请刷新后重试";
      case 413 -> "请求内容过大";
      case 415 -> "不支持的内容类型，请以 JSON 提交";
      default -> status >= 500 ? "系统内部错误，请稍后重试或联系管理员" : "请求无法处理";
    };
  }

  static String english(int status) {
    return switch (status) {
      case 400 -> "Bad request: check the submitted data";
      case 401 -> "Authentication required";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 409 -> "Conflict";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      default -> status >= 500 ? "Internal error" : "The request cannot be processed";
    };
  }
}
