package cn.ronghe.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a process or form in {@code bpmn/} and {@code forms/} would only break once a user
 * opens it: an unresolvable formRef, a user task or people-facing start event without a form, a form that
 * Tasklist 7.24 cannot render, a process without version tag or history time to live, a generated id.
 */
class ProcessModelConventionsTest {

  /** form-js 1.8.7 (Tasklist 7.24) renders schema version 16 and these component types. */
  static final Set<String> RENDERABLE = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
      "checklist", "radio", "select", "taglist", "button", "text", "html", "image", "iframe", "table", "group",
      "dynamiclist", "expression", "separator", "spacer", "default");
  static final Pattern GENERATED_ID = Pattern.compile("^(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task|"
      + "SequenceFlow|ExclusiveGateway|ParallelGateway|IntermediateThrowEvent|BoundaryEvent|DataObject)_[0-9a-z]{7}$"
      + "|^(StartEvent|EndEvent|Task|UserTask|ServiceTask|Gateway|SequenceFlow)_\\d+$");

  static List<Path> bpmnFiles;
  static Map<String, JsonNode> formsById;

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("bpmn"))) {
      bpmnFiles = s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    formsById = new HashMap<>();
    try (Stream<Path> s = Files.walk(Path.of("forms"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = new ObjectMapper().readTree(p.toFile());
        String id = form.path("id").asText();
        assertThat(id).as("form id in " + p).isNotBlank();
        assertThat(formsById.put(id, form)).as("form id " + id + " is used by two files").isNull();
      }
    }
  }

  @Test
  void everyProcessIsVersionedExpiresAndIsNamedLikeItsFile() {
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      List<Process> executable = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
          .toList();
      assertThat(executable).as(file.toString()).hasSize(1);
      Process p = executable.get(0);
      assertThat(file.getFileName().toString()).isEqualTo(p.getId() + ".bpmn");
      assertThat(p.getCamundaVersionTag()).as(p.getId() + " versionTag").isNotBlank();
      assertThat(p.getCamundaHistoryTimeToLiveString()).as(p.getId() + " historyTimeToLive").isNotBlank();
      assertThat(p.getName()).as(p.getId() + " needs a Chinese name").isNotBlank();
    }
  }

  @Test
  void noElementKeepsAModellersGeneratedId() {
    List<String> generated = new ArrayList<>();
    for (Path file : bpmnFiles) {
      for (BaseElement e : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(FlowElement.class)) {
        if (GENERATED_ID.matcher(e.getId()).matches()) {
          generated.add(file + ": " + e.getId());
        }
      }
    }
    assertThat(generated).isEmpty();
  }

  @Test
  void everyUserTaskAndPeopleFacingStartEventHasAResolvableForm() {
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask t : model.getModelElementsByType(UserTask.class)) {
        checkForm(file, t.getId(), t.getCamundaFormRef(), t.getCamundaFormRefBinding(), t.getCamundaFormKey(),
            problems);
        if (t.getName() == null || t.getName().isBlank()) {
          problems.add(file + ": user task " + t.getId() + " has no name");
        }
      }
      for (StartEvent s : model.getModelElementsByType(StartEvent.class)) {
        boolean plain = s.getEventDefinitions().isEmpty() && s.getParentElement() instanceof Process;
        Process p = s.getParentElement() instanceof Process proc ? proc : null;
        boolean forPeople = p != null && p.isCamundaStartableInTasklist();
        if (plain && forPeople) {
          checkForm(file, s.getId(), s.getCamundaFormRef(), s.getCamundaFormRefBinding(), s.getCamundaFormKey(),
              problems);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormRendersInTasklist() {
    List<String> problems = new ArrayList<>();
    formsById.forEach((id, form) -> {
      if (form.path("schemaVersion").asInt(99) > 16) {
        problems.add(id + ": schemaVersion " + form.path("schemaVersion") + " > 16");
      }
      // form-js renders the root component by its type "default"; Tasklist 7.24 fails on "form" with
      // "form field of type <form> not supported".
      if (!"default".equals(form.path("type").asText())) {
        problems.add(id + ": the root component's type must be \"default\"");
      }
      collectComponents(form, id, problems);
    });
    assertThat(problems).isEmpty();
  }

  private static void collectComponents(JsonNode node, String formId, List<String> problems) {
    for (JsonNode c : node.path("components")) {
      String type = c.path("type").asText();
      if (!RENDERABLE.contains(type)) {
        problems.add(formId + ": component type \"" + type + "\" is not rendered by Tasklist 7.24");
      }
      if (Set.of("textfield", "textarea", "number", "datetime", "checkbox", "checklist", "radio", "select",
          "taglist").contains(type) && c.path("label").asText().isBlank()) {
        problems.add(formId + ": field " + c.path("key").asText() + " has no label");
      }
      collectComponents(c, formId, problems);
    }
  }

  private static void checkForm(Path file, String id, String ref, String binding, String formKey,
      List<String> problems) {
    if (formKey != null) {
      problems.add(file + ": " + id + " uses formKey; use camunda:formRef with binding \"deployment\"");
    } else if (ref == null) {
      problems.add(file + ": " + id + " has no camunda:formRef");
    } else if (!formsById.containsKey(ref)) {
      problems.add(file + ": " + id + " references form \"" + ref + "\", which no file in forms/ defines");
    } else if (!"deployment".equals(binding)) {
      problems.add(file + ": " + id + " should bind its form with formRefBinding=\"deployment\"");
    }
  }
}
