package cn.ronghe.notice;

import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of process {@code notice-objection}: file, decide, uphold or reject, remind. */
@Configuration
class ObjectionSteps {

  static final String OBJECTION_ID = "objectionId";
  static final String UPHELD = "objectionUpheld";
  static final String RESOLUTION = "resolution";
  static final String RESOLVED_BY = "resolvedBy";

  /** Start listener: checks the form, files the objection (the item pauses), names the case. */
  @Bean
  ExecutionListener objectionFiling(NoticeService notices, CaseNumbers numbers, IdentityService identity) {
    return execution -> {
      FormInput in = FormInput.of(execution);
      String noticeNo = in.text("noticeNo", "公示编号", 40, true);
      String subjectKey = in.text("subjectKey", "异议对象编号", 64, true);
      String name = in.text("objectorName", "异议人姓名", 50, true);
      String contact = in.text("contact", "联系方式", 100, false);
      String content = in.text("content", "异议内容", 2000, true);
      if (content != null && content.length() < 10) {
        in.addProblem("content", "异议内容请写明事实和理由（至少 10 字）", "must state facts and reasons (10+ characters)");
      }
      in.throwIfInvalid();
      String caseNo = numbers.next("YY");
      Objection o = notices.fileObjection(noticeNo, subjectKey, name, contact, content, actor(identity), caseNo);
      notices.attachObjectionProcess(o.id(), execution.getProcessInstanceId());
      Notice notice = notices.notice(noticeNo);
      NoticeItem item = notices.item(o.itemId());
      execution.setProcessBusinessKey(caseNo);
      execution.setVariable(CaseVariables.CASE_NO, caseNo);
      execution.setVariable(CaseVariables.CASE_TITLE, "对 " + item.subjectName() + "（" + item.subjectOrg() + "）"
          + item.content() + " 的异议");
      execution.setVariable(CaseVariables.CASE_ORG, notice.orgLabel());
      execution.setVariable("resolverGroup", notice.resolverGroup());
      execution.setVariable("itemContent", item.subjectName() + "（" + item.subjectOrg() + "）：" + item.content());
      execution.setVariable("noticeTitle", notice.title() + "（" + notice.startsOn() + " 至 " + notice.endsOn() + "）");
      execution.setVariable(OBJECTION_ID, o.id());
    };
  }

  /** End listener of the resolver's task (an execution listener, so a form error reaches the caller as HTTP 400). */
  @Bean
  ExecutionListener objectionDecision(IdentityService identity) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String decision = in.choice("decision", "核实结论", List.of("UPHELD", "REJECTED"), true);
      in.text(RESOLUTION, "核实情况和理由", 2000, true);
      in.throwIfInvalid();
      execution.setVariable(UPHELD, "UPHELD".equals(decision));
      execution.setVariable(RESOLVED_BY, actor(identity));
    };
  }

  @Bean
  JavaDelegate upholdObjection(NoticeService notices, DecisionLog log) {
    return execution -> resolve(notices, log, execution, true);
  }

  @Bean
  JavaDelegate rejectObjection(NoticeService notices, DecisionLog log) {
    return execution -> resolve(notices, log, execution, false);
  }

  @Bean
  JavaDelegate remindResolver(Notifier notifier) {
    return execution -> notifier.toGroup((String) execution.getVariable("resolverGroup"),
        "公示异议即将到期：" + execution.getVariable(CaseVariables.CASE_NO),
        "请尽快核实：" + execution.getVariable(CaseVariables.CASE_TITLE),
        (String) execution.getVariable(CaseVariables.CASE_NO), execution.getProcessInstanceId(),
        "objection-reminder:" + execution.getProcessInstanceId());
  }

  private static void resolve(NoticeService notices, DecisionLog log, DelegateExecution execution, boolean upheld) {
    long id = ((Number) execution.getVariable(OBJECTION_ID)).longValue();
    String resolution = ((String) execution.getVariable(RESOLUTION)).strip();
    String by = (String) execution.getVariable(RESOLVED_BY);
    notices.resolve(id, upheld, resolution, by);
    log.record(execution, upheld ? "UPHELD" : "REJECTED", resolution, by, null);
    Objection o = notices.objection(id);
    notices.notifyObjector(o, upheld, execution.getProcessInstanceId());
  }

  private static String actor(IdentityService identity) {
    Authentication a = identity.getCurrentAuthentication();
    return a == null ? "system" : a.getUserId();
  }
}
