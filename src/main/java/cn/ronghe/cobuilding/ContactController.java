package cn.ronghe.cobuilding;

import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cobuilding/contacts")
@Tag(name = "报到与联系 Contacts", description = "共建单位到结对社区报到和日常联系记录 / units reporting to their paired communities")
class ContactController {

  static final List<String> OVERSEERS = List.of(Groups.ORG_DEPT, Groups.CITY_COMMITTEE, Groups.CIVIL_AFFAIRS);

  record ContactInput(String unitCode, String communityCode, String contactDate, String kind, String note) {
  }

  private final ContactRepository contacts;
  private final RegistryRepository registry;

  ContactController(ContactRepository contacts, RegistryRepository registry) {
    this.contacts = contacts;
    this.registry = registry;
  }

  @GetMapping
  @Operation(summary = "Contacts of my unit, my community, my street's communities (or any, for city bodies)")
  List<Contact> list(ApiUser user, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String community, @RequestParam(required = false) Integer year) {
    if (user.isAdmin() || OVERSEERS.stream().anyMatch(user::inGroup)) {
      return contacts.contacts(unit, community, null, year);
    }
    List<Contact> visible = new ArrayList<>();
    user.codes(Groups.UNIT_PREFIX).forEach(u -> visible.addAll(contacts.contacts(u, community, null, year)));
    user.codes(Groups.COMMUNITY_PREFIX).forEach(c -> visible.addAll(contacts.contacts(unit, c, null, year)));
    user.codes(Groups.STREET_PREFIX).forEach(s -> visible.addAll(contacts.contacts(unit, community, s, year)));
    return visible.stream().distinct().toList();
  }

  @PostMapping
  @Operation(summary = "Record that a unit reported to (or met, served) its paired community")
  ResponseEntity<Contact> record(ApiUser user, @RequestBody ContactInput input) {
    List<FieldProblem> problems = new ArrayList<>();
    String unit = input == null ? null : input.unitCode();
    String community = input == null ? null : input.communityCode();
    if (unit == null || community == null) {
      throw RongheException.invalid(List.of(new FieldProblem("unitCode/communityCode", "须填写单位和社区编码",
          "unitCode and communityCode are required")));
    }
    user.requireAnyGroup(Groups.unit(unit), Groups.community(community));
    if (!registry.isPaired(unit, community)) {
      throw RongheException.forbidden("单位 " + unit + " 与社区 " + community + " 没有结对关系",
          "unit " + unit + " is not paired with community " + community);
    }
    LocalDate date = null;
    try {
      date = LocalDate.parse(String.valueOf(input.contactDate()));
    } catch (RuntimeException e) {
      problems.add(new FieldProblem("contactDate", "日期格式应为 2026-03-15", "a date such as 2026-03-15 is required"));
    }
    if (date != null && (date.isAfter(Times.today()) || date.isBefore(Times.today().minusYears(2)))) {
      problems.add(new FieldProblem("contactDate", "日期须在两年内且不晚于今天", "the date must be within the last two years"));
    }
    Contact.Kind kind = null;
    try {
      kind = Contact.Kind.valueOf(String.valueOf(input.kind()));
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("kind", "类型须为 REPORT、MEETING、SERVICE 或 VISIT",
          "kind must be REPORT, MEETING, SERVICE or VISIT"));
    }
    String note = input.note() == null ? "" : input.note().strip();
    if (note.isEmpty() || note.length() > 500) {
      problems.add(new FieldProblem("note", "请填写 1–500 字的说明", "a note of 1-500 characters is required"));
    }
    if (!problems.isEmpty()) {
      throw RongheException.invalid(problems);
    }
    long id = contacts.insert(unit, community, date, kind, note, user.id());
    return ResponseEntity.status(HttpStatus.CREATED).body(contacts.contacts(unit, community, null, date.getYear())
        .stream().filter(x -> x.id() == id).findFirst().orElseThrow());
  }
}
