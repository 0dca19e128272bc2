package cn.ronghe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Flow-node coverage of every process in {@code bpmn/}, over all test classes of the build: the union of the
 * flow nodes and sequence flows that some test walked, divided by all of them. Run by Maven after the tests
 * ({@code verify}); prints a table, writes {@code target/process-coverage.md} and fails the build when a process
 * is below the minimum (system property {@code ronghe.coverage.minimum}, default 0.90).
 */
public final class ProcessCoverageReport {

  private ProcessCoverageReport() {
  }

  public static void main(String[] args) throws IOException {
    Path base = Path.of(args.length > 0 ? args[0] : ".");
    double minimum = Double.parseDouble(System.getProperty("ronghe.coverage.minimum", "0.90"));
    Map<String, Set<String>> covered = covered(base.resolve("target/process-test-coverage"));

    Map<String, Set<String>> elements = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    try (Stream<Path> files = Files.walk(base.resolve("bpmn"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process p : model.getModelElementsByType(Process.class)) {
          if (!p.isExecutable()) {
            continue;
          }
          Set<String> ids = new HashSet<>();
          model.getModelElementsByType(FlowNode.class).forEach(n -> ids.add(n.getId()));
          model.getModelElementsByType(SequenceFlow.class).forEach(f -> ids.add(f.getId()));
          elements.put(p.getId(), ids);
          names.put(p.getId(), p.getName());
        }
      }
    }

    StringBuilder md = new StringBuilder("| process | name | covered | elements | coverage | not walked |\n"
        + "|---|---|---:|---:|---:|---|\n");
    List<String> below = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : elements.entrySet()) {
      Set<String> walked = new HashSet<>(covered.getOrDefault(e.getKey(), Set.of()));
      walked.retainAll(e.getValue());
      Set<String> missing = new java.util.TreeSet<>(e.getValue());
      missing.removeAll(walked);
      double ratio = e.getValue().isEmpty() ? 1 : (double) walked.size() / e.getValue().size();
      md.append(String.format("| %s | %s | %d | %d | %.1f %% | %s |%n", e.getKey(), names.get(e.getKey()),
          walked.size(), e.getValue().size(), ratio * 100, String.join(", ", missing)));
      if (ratio < minimum) {
        below.add(String.format("%s %.1f %%", e.getKey(), ratio * 100));
      }
    }
    Files.writeString(base.resolve("target/process-coverage.md"), md.toString(), StandardCharsets.UTF_8);
    System.out.println("Process flow-node coverage (target/process-coverage.md):");
    System.out.print(md);
    if (!below.isEmpty()) {
      System.err.println("Below the minimum of " + minimum * 100 + " %: " + String.join("; ", below));
      System.exit(1);
    }
  }

  /** Element ids walked per process key, over every report.json the coverage extension wrote. */
  static Map<String, Set<String>> covered(Path reports) throws IOException {
    Map<String, Set<String>> covered = new HashMap<>();
    if (!Files.isDirectory(reports)) {
      return covered;
    }
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(reports)) {
      for (Path report : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
        for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
          for (JsonNode run : suite.path("runs")) {
            for (JsonNode event : run.path("events")) {
              covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                  .add(event.path("definitionKey").asText());
            }
          }
        }
      }
    }
    return covered;
  }
}
