package cn.ronghe.notice;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notices")
@Tag(name = "公示 Public notices", description = "公示与异议：任何登录用户可查看公示并对公示事项提出异议")
class NoticeController {

  record NoticeSummary(Notice notice, int items) {
  }

  record NoticeDetail(Notice notice, List<NoticeItem> items, List<Objection> objections) {
  }

  record ObjectionRequest(String subjectKey, String objectorName, String contact, String content) {
  }

  record ObjectionFiled(String caseNo, long objectionId, String processInstanceId) {
  }

  private final NoticeService notices;
  private final RuntimeService runtime;

  NoticeController(NoticeService notices, RuntimeService runtime) {
    this.notices = notices;
    this.runtime = runtime;
  }

  @GetMapping
  @Operation(summary = "Notices, newest first; status OPEN or CLOSED, kind e.g. career-grade")
  List<NoticeSummary> list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "100") int limit) {
    if (status != null && !List.of("OPEN", "CLOSED").contains(status)) {
      throw RongheException.badRequest("INVALID_PARAMETER", "status 只能是 OPEN 或 CLOSED",
          "status must be OPEN or CLOSED");
    }
    return notices.notices(status, kind, limit).stream()
        .map(n -> new NoticeSummary(n, notices.items(n.noticeNo()).size())).toList();
  }

  @GetMapping("/{noticeNo}")
  @Operation(summary = "A notice with its items; objections only for its resolver group and administrators")
  NoticeDetail get(ApiUser user, @PathVariable String noticeNo) {
    Notice n = notices.notice(noticeNo);
    boolean resolver = user.isAdmin() || user.inGroup(n.resolverGroup()) || user.id().equals(n.publisher());
    return new NoticeDetail(n, notices.items(noticeNo), resolver ? notices.objections(noticeNo) : List.of());
  }

  @PostMapping("/{noticeNo}/objections")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Object to one item of an open notice; the item is paused until the objection is decided")
  ObjectionFiled object(ApiUser user, @PathVariable String noticeNo, @RequestBody ObjectionRequest request) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("noticeNo", noticeNo);
    variables.put("subjectKey", request.subjectKey());
    variables.put("objectorName", request.objectorName());
    variables.put("contact", request.contact());
    variables.put("content", request.content());
    ProcessInstance pi;
    try {
      pi = runtime.startProcessInstanceByKey(NoticeService.OBJECTION_PROCESS, variables);
    } catch (FormFieldValidationException e) {
      throw FormErrors.toApiError(e);
    }
    Objection o = notices.objectionOfProcess(pi.getId());
    return new ObjectionFiled(o.caseNo(), o.id(), pi.getId());
  }

  static List<String> objectorGroups() {
    return List.of(Groups.ROLE_COMMUNITY, Groups.ROLE_STREET, Groups.ROLE_UNIT, Groups.ROLE_DEPT,
        Groups.CIVIL_AFFAIRS, Groups.ORG_DEPT, Groups.CITY_COMMITTEE, Groups.JUSTICE_BUREAU);
  }
}
