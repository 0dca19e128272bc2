package cn.ronghe.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a user task of a process in {@code bpmn/} would show up in an inbox without saying what
 * it is or when it is due: every name reads {@code <step> · ${caseNo} · <subject>} (准入审查 · ZR-2026-0007 ·
 * 社区消防安全检查台账), every task has a due date (so 即将到期 and 已逾期 find it) and one of the documented
 * priorities ({@code docs/dashboard.md}, "Inbox").
 */
class InboxConventionsTest {

  static final String SEPARATOR = " · ";
  static final String CASE_NO = "${caseNo}";
  /** Normal work, a decision many cases or people wait on, work that exists because something went wrong. */
  static final Map<Integer, String> PRIORITIES = Map.of(50, "普通", 60, "较高", 80, "紧急");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  record Task(String file, UserTask task) {
    String where() {
      return file + " " + task.getId();
    }
  }

  static List<Task> tasks;

  @BeforeAll
  static void read() throws IOException {
    tasks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        var model = Bpmn.readModelFromFile(file.toFile());
        boolean executable = model.getModelElementsByType(Process.class).stream().anyMatch(Process::isExecutable);
        if (executable) {
          model.getModelElementsByType(UserTask.class).forEach(t -> tasks.add(new Task(file.toString(), t)));
        }
      }
    }
    assertThat(tasks).as("user tasks in bpmn/").hasSizeGreaterThan(30);
  }

  @Test
  void everyTaskNameSaysTheStepTheCaseAndItsSubject() {
    List<String> wrong = new ArrayList<>();
    for (Task t : tasks) {
      String name = t.task().getName();
      String[] parts = name == null ? new String[0] : name.split(Pattern.quote(SEPARATOR), 3);
      boolean ok = parts.length == 3
          && HAN.matcher(parts[0]).find() && !parts[0].contains("${")
          && parts[1].equals(CASE_NO)
          && !parts[2].isBlank() && !parts[2].contains(CASE_NO);
      if (!ok) {
        wrong.add(t.where() + ": \"" + name + "\"");
      }
    }
    assertThat(wrong).as("task names must read <step> · ${caseNo} · <subject>").isEmpty();
  }

  @Test
  void everyTaskHasADueDate() {
    List<String> missing = tasks.stream()
        .filter(t -> t.task().getCamundaDueDate() == null || !t.task().getCamundaDueDate().startsWith("${"))
        .map(Task::where).toList();
    assertThat(missing).as("user tasks without a due date expression (camunda:dueDate)").isEmpty();
  }

  @Test
  void everyTaskHasADocumentedPriority() {
    List<String> wrong = new ArrayList<>();
    for (Task t : tasks) {
      String priority = t.task().getCamundaPriority();
      if (priority == null || !priority.matches("\\d+") || !PRIORITIES.containsKey(Integer.parseInt(priority))) {
        wrong.add(t.where() + ": " + priority);
      }
    }
    assertThat(wrong).as("camunda:priority must be one of " + PRIORITIES).isEmpty();
  }
}
