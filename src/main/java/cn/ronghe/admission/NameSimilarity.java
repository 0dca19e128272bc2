package cn.ronghe.admission;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How alike two matter names are: the Dice coefficient of their character bigrams (2·shared / total), after
 * normalising (full-width to half-width, no punctuation or spaces) and removing generic words such as 协助、开展、
 * 工作 that almost every name carries. Bigrams suit Chinese, which has no spaces between words: "人口普查" and
 * "协助开展人口普查工作" become the same name, "人口普查" and "经济普查" share only 普查.
 */
final class NameSimilarity {

  private final List<String> stopwords;

  NameSimilarity(Collection<String> stopwords) {
    this.stopwords = stopwords.stream().map(String::strip).filter(w -> !w.isEmpty())
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** 0 (nothing in common) to 1 (the same name after normalising). */
  double similarity(String a, String b) {
    String x = normalise(a);
    String y = normalise(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    if (x.equals(y)) {
      return 1;
    }
    Map<String, Integer> left = bigrams(x);
    Map<String, Integer> right = bigrams(y);
    int shared = 0;
    for (Map.Entry<String, Integer> e : left.entrySet()) {
      shared += Math.min(e.getValue(), right.getOrDefault(e.getKey(), 0));
    }
    int total = left.values().stream().mapToInt(Integer::intValue).sum()
        + right.values().stream().mapToInt(Integer::intValue).sum();
    return 2.0 * shared / total;
  }

  /** The name as compared: half-width, lower case, without punctuation, spaces or generic words. */
  String normalise(String name) {
    if (name == null) {
      return "";
    }
    String plain = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase()
        .replaceAll("[\\p{P}\\p{S}\\p{Z}\\s]", "");
    String core = plain;
    for (String w : stopwords) {
      core = core.replace(w, "");
    }
    // A name made only of generic words is compared as it is.
    return core.isEmpty() ? plain : core;
  }

  /** Character bigrams with their counts; a one-character name is its own single "bigram". */
  private static Map<String, Integer> bigrams(String s) {
    Map<String, Integer> grams = new HashMap<>();
    int[] cps = s.codePoints().toArray();
    if (cps.length == 1) {
      grams.put(s, 1);
      return grams;
    }
    for (int i = 0; i + 1 < cps.length; i++) {
      grams.merge(new String(cps, i, 2), 1, Integer::sum);
    }
    return grams;
  }

  /** The names of {@code candidates} most like {@code name}, best first. */
  <T> List<Scored<T>> rank(String name, Collection<T> candidates, java.util.function.Function<T, String> nameOf) {
    List<Scored<T>> scored = new ArrayList<>();
    for (T c : candidates) {
      scored.add(new Scored<>(c, similarity(name, nameOf.apply(c))));
    }
    scored.sort(Comparator.comparingDouble((Scored<T> s) -> s.score()).reversed());
    return scored;
  }

  record Scored<T>(T value, double score) {
  }
}
