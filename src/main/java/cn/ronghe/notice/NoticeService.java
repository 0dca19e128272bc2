package cn.ronghe.notice;

import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.calendar.WorkCalendar;
import cn.ronghe.platform.calendar.WorkingDays;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Public notices (公示) and objections (异议). Publishing starts process {@code public-notice}, whose timer ends
 * the period; an objection is process {@code notice-objection}. Items move PUBLISHED → RELEASED at the end of
 * the period, or PUBLISHED → OBJECTED while an objection is open, then back, RELEASED or WITHDRAWN; each move
 * is reported to the {@link NoticeOwner} of the notice's kind in the same transaction.
 */
@Service
public class NoticeService {

  public static final String NOTICE_PROCESS = "public-notice";
  public static final String OBJECTION_PROCESS = "notice-objection";

  private final NoticeRepository repository;
  private final CaseNumbers numbers;
  private final WorkCalendar calendar;
  private final PolicyParameters policy;
  private final Deadlines clock;
  private final RuntimeService runtime;
  private final Notifier notifier;
  /** Looked up when needed: owners use this service to publish, so they cannot be constructor arguments. */
  private final ObjectProvider<NoticeOwner> owners;

  NoticeService(NoticeRepository repository, CaseNumbers numbers, WorkCalendar calendar, PolicyParameters policy,
      Deadlines clock, RuntimeService runtime, Notifier notifier, ObjectProvider<NoticeOwner> owners) {
    this.repository = repository;
    this.numbers = numbers;
    this.calendar = calendar;
    this.policy = policy;
    this.clock = clock;
    this.runtime = runtime;
    this.notifier = notifier;
    this.owners = owners;
  }

  /**
   * Publishes a notice in the caller's transaction (normally a process step) and starts its process. The period
   * starts on the first working day from today and lasts the kind's number of working days; objections are
   * accepted until the end of its last day.
   */
  public Notice publish(NoticeRequest request, String publisher) {
    if (request.items().isEmpty()) {
      throw new IllegalArgumentException("A notice needs at least one item");
    }
    owner(request.kind());
    WorkingDays days = calendar.workingDays();
    LocalDate first = days.plusWorkingDays(clock.today(), 0);
    LocalDate last = days.plusWorkingDays(first, Math.max(periodDays(request.kind()), 1) - 1);
    String noticeNo = numbers.next("GS");
    Notice notice = new Notice(noticeNo, request.kind(), request.title(), request.orgLabel(), request.body(),
        request.ownerRef(), request.resolverGroup(), publisher, first, last, "OPEN", now(), null, null);
    repository.insert(notice, request.items());
    Date endsAt = Date.from(last.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.CASE_NO, noticeNo);
    variables.put(CaseVariables.CASE_TITLE, request.title());
    variables.put(CaseVariables.CASE_ORG, request.orgLabel());
    variables.put("noticeNo", noticeNo);
    variables.put("noticeEndsAt", endsAt);
    variables.put("audience", String.join(",", request.audience()));
    ProcessInstance pi = runtime.startProcessInstanceByKey(NOTICE_PROCESS, noticeNo, variables);
    repository.setProcessInstance(noticeNo, pi.getId());
    return repository.find(noticeNo).orElseThrow();
  }

  /** Ends the period: every item without an open objection is released to its owner. Repeating it does nothing. */
  public List<NoticeItem> close(String noticeNo) {
    Notice notice = repository.lock(noticeNo).orElseThrow();
    if (!notice.open()) {
      return List.of();
    }
    LocalDateTime now = now();
    repository.close(noticeNo, now);
    List<NoticeItem> released = repository.move(noticeNo, "PUBLISHED", "RELEASED", now);
    if (!released.isEmpty()) {
      owner(notice.kind()).released(released);
    }
    return released;
  }

  /**
   * Files an objection against the item about {@code subjectKey} of an open notice and pauses the item. State
   * problems are answered like form errors (HTTP 400 naming the field), so nothing is stored.
   */
  public Objection fileObjection(String noticeNo, String subjectKey, String objectorName, String contact,
      String content, String filedBy, String caseNo) {
    Notice notice = repository.lock(noticeNo).orElseThrow(() -> FormInput.invalid(List.of(new FieldProblem(
        "noticeNo", "公示编号 " + noticeNo + " 不存在", "no notice " + noticeNo))));
    if (!notice.open() || clock.today().isAfter(notice.endsOn())) {
      throw FormInput.invalid(List.of(new FieldProblem("noticeNo", "公示 " + noticeNo + " 已于 " + notice.endsOn()
          + " 结束，不再受理异议", "the notice ended on " + notice.endsOn())));
    }
    NoticeItem item = repository.item(noticeNo, subjectKey).orElseThrow(() -> FormInput.invalid(List.of(
        new FieldProblem("subjectKey", "公示 " + noticeNo + " 中没有编号为 " + subjectKey + " 的事项",
            "notice " + noticeNo + " has no item " + subjectKey))));
    if ("WITHDRAWN".equals(item.status())) {
      throw FormInput.invalid(List.of(new FieldProblem("subjectKey", "该事项已撤销", "the item was withdrawn")));
    }
    LocalDateTime now = now();
    long id = repository.insertObjection(caseNo, item, objectorName, contact, content, filedBy, now);
    if (repository.move(item.id(), "PUBLISHED", "OBJECTED", now)) {
      owner(notice.kind()).objected(NoticeRepository.withStatus(item, "OBJECTED"));
    }
    return repository.objection(id).orElseThrow();
  }

  public void attachObjectionProcess(long objectionId, String processInstanceId) {
    repository.setObjectionProcess(objectionId, processInstanceId);
  }

  /**
   * Decides an objection. Upheld: the item is withdrawn. Rejected and no other objection open: the item is back
   * in notice while the notice runs, else released. A second call for the same objection does nothing.
   */
  public void resolve(long objectionId, boolean upheld, String resolution, String resolvedBy) {
    Objection objection = repository.objection(objectionId).orElseThrow();
    Notice notice = repository.lock(objection.noticeNo()).orElseThrow();
    LocalDateTime now = now();
    if (!repository.resolve(objectionId, upheld ? "UPHELD" : "REJECTED", resolution, resolvedBy, now)) {
      return;
    }
    NoticeItem item = repository.item(objection.itemId()).orElseThrow();
    NoticeOwner owner = owner(notice.kind());
    if (upheld) {
      for (String from : List.of("OBJECTED", "PUBLISHED", "RELEASED")) {
        if (repository.move(item.id(), from, "WITHDRAWN", now)) {
          owner.withdrawn(NoticeRepository.withStatus(item, "WITHDRAWN"), resolution);
        }
      }
      return;
    }
    if (repository.openObjections(item.id()) > 0 || !"OBJECTED".equals(item.status())) {
      return;
    }
    if (notice.open()) {
      repository.move(item.id(), "OBJECTED", "PUBLISHED", now);
      owner.cleared(NoticeRepository.withStatus(item, "PUBLISHED"));
    } else {
      repository.move(item.id(), "OBJECTED", "RELEASED", now);
      owner.released(List.of(NoticeRepository.withStatus(item, "RELEASED")));
    }
  }

  public Notice notice(String noticeNo) {
    return repository.find(noticeNo).orElseThrow(() -> RongheException.notFound("公示", noticeNo));
  }

  public List<Notice> notices(String status, String kind, int limit) {
    return repository.list(status, kind, Math.max(1, Math.min(limit, 500)));
  }

  public List<NoticeItem> items(String noticeNo) {
    return repository.items(noticeNo);
  }

  public List<Objection> objections(String noticeNo) {
    return repository.objections(noticeNo);
  }

  public Objection objection(long id) {
    return repository.objection(id).orElseThrow(() -> RongheException.notFound("异议", String.valueOf(id)));
  }

  public Objection objectionOfProcess(String processInstanceId) {
    return repository.objectionOfProcess(processInstanceId).orElseThrow();
  }

  public NoticeItem item(long id) {
    return repository.item(id).orElseThrow();
  }

  void announce(String noticeNo, String audience, String processInstanceId) {
    Notice n = notice(noticeNo);
    String body = n.title() + "：公示期 " + n.startsOn() + " 至 " + n.endsOn() + "，共 " + items(noticeNo).size()
        + " 项。对公示事项有异议的，可在公示期内提出（公示编号 " + noticeNo + "）。";
    notifier.toGroup(n.resolverGroup(), "公示已发布：" + n.title(), body, noticeNo, processInstanceId,
        "notice-published:" + noticeNo + ":" + n.resolverGroup());
    for (String group : audience.split(",")) {
      if (!group.isBlank()) {
        notifier.toGroup(group, "公示已发布：" + n.title(), body, noticeNo, processInstanceId,
            "notice-published:" + noticeNo + ":" + group);
      }
    }
  }

  void notifyObjector(Objection o, boolean upheld, String processInstanceId) {
    NoticeItem item = item(o.itemId());
    notifier.toUser(o.filedBy(), "异议处理结果：" + (upheld ? "异议成立" : "异议不成立"),
        "您对公示 " + o.noticeNo() + " 中 " + item.subjectName() + "（" + item.content() + "）提出的异议已核实："
            + (upheld ? "异议成立，该事项撤销。" : "异议不成立，该事项恢复。") + "理由：" + o.resolution(),
        o.caseNo(), processInstanceId, "objection-result:" + o.caseNo());
  }

  private int periodDays(String kind) {
    try {
      return policy.intValue("notice." + kind + ".working-days");
    } catch (RongheException e) {
      return policy.intValue("notice.working-days");
    }
  }

  private NoticeOwner owner(String kind) {
    return owners.orderedStream().filter(o -> o.kind().equals(kind)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No NoticeOwner for notice kind " + kind));
  }

  private static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
