package cn.ronghe.reliability.cluster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workers for the cluster's review, as a city would bring them in: the worker file of the registry import and,
 * per street, the assessment files of two years. Every tenth worker was 不称职 twice (demoted), two in ten are
 * 基本称职 this year (kept), the rest 优秀 this year after a 称职 one (promoted: grade 2–9, one qualifying year
 * with an 优秀 one is enough) — so most workers get a grade change, a notice and a history line.
 */
record GeneratedWorkers(List<Worker> workers) {

  static final String ID_PREFIX = "CL";

  record Worker(String id, String community, String street, int grade, String lastYear, String thisYear) {
    boolean changes() {
      return !"基本称职".equals(thisYear);
    }
  }

  /** {@code perCommunity} workers in each community (community code → street code). */
  static GeneratedWorkers of(Map<String, String> communities, int perCommunity) {
    List<Worker> workers = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, String> c : communities.entrySet()) {
      for (int i = 0; i < perCommunity; i++, n++) {
        int kind = n % 10;
        String last = kind == 0 ? "不称职" : "称职";
        String now = kind == 0 ? "不称职" : kind <= 2 ? "基本称职" : "优秀";
        workers.add(new Worker(String.format("%s%05d", ID_PREFIX, n), c.getKey(), c.getValue(), 2 + n % 8, last,
            now));
      }
    }
    return new GeneratedWorkers(List.copyOf(workers));
  }

  List<String> ids() {
    return workers.stream().map(Worker::id).toList();
  }

  long changes() {
    return workers.stream().filter(Worker::changes).count();
  }

  /** The registry import (header of {@code WorkerFile}); in grade since two years before the review year. */
  String workerFile(int reviewYear) {
    LocalDate since = LocalDate.of(reviewYear - 2, 3, 1);
    StringBuilder csv = new StringBuilder("工号,姓名,性别,出生日期,社区代码,岗位,职务,等级,定级日期,学历,职业资格,参加工作日期,入职日期\n");
    for (Worker w : workers) {
      csv.append(w.id()).append(",集测").append(w.id().substring(ID_PREFIX.length())).append(",女,1986-04-12,")
          .append(w.community()).append(",其他社区工作者,网格员,").append(w.grade()).append(',').append(since)
          .append(",本科,助理社会工作师,2012-07-01,2014-03-01\n");
    }
    return csv.toString();
  }

  /** Street → its assessment file of the year before the review year ({@code false}) or of the review year. */
  Map<String, String> assessmentFiles(boolean reviewYear) {
    Map<String, StringBuilder> files = new LinkedHashMap<>();
    for (Worker w : workers) {
      files.computeIfAbsent(w.street(), s -> new StringBuilder("工号,考核结果\n")).append(w.id()).append(',')
          .append(reviewYear ? w.thisYear() : w.lastYear()).append('\n');
    }
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((street, csv) -> out.put(street, csv.toString()));
    return out;
  }
}
