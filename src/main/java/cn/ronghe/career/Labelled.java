package cn.ronghe.career;

import java.util.Arrays;
import java.util.Optional;

/** A code kept in the database (English) with the Chinese label people read and may type in a CSV file. */
public interface Labelled {

  String name();

  String label();

  /** The constant whose code or Chinese label is {@code text} (trimmed); empty when none is. */
  static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equalsIgnoreCase(t) || e.label().equals(t))
        .findFirst();
  }

  /** "优秀、称职、基本称职、不称职": the labels, for error messages. */
  static <E extends Enum<E> & Labelled> String labels(Class<E> type) {
    return String.join("、", Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList());
  }
}
