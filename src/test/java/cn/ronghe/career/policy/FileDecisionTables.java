package cn.ronghe.career.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The career DMN tables straight from {@code bpmn/career/}, evaluated by a plain DMN engine: rule tests. */
public final class FileDecisionTables {

  private FileDecisionTables() {
  }

  public static GradeRules rules() {
    return new GradeRules(tables("bpmn/career"));
  }

  /** Every DMN file of a folder, keyed by file name (= decision key): rule tests of other capabilities. */
  public static DecisionTables tables(String folder) {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    Map<String, org.camunda.bpm.dmn.engine.DmnDecision> decisions = new HashMap<>();
    Map<String, String> versions = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
        String key = f.getFileName().toString().replace(".dmn", "");
        try (InputStream in = Files.newInputStream(f)) {
          decisions.put(key, engine.parseDecision(key, in));
        }
        versions.put(key, key + " (file)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ParsedDecisionTables(engine, decisions, versions);
  }
}
