package cn.ronghe.admission.catalogue;

import java.util.List;
import java.util.Set;

/**
 * A change to publish as a new catalogue version.
 *
 * @param sourceCaseNo the case that decided the change; a second publication for the same case returns the
 *                     version the first one made
 * @param added        new matters, with a null code (the catalogue assigns the next free YF-/XZ- code)
 * @param replaced     new states of existing items, by code
 * @param removed      codes of items to take out
 * @param note         what the summary starts with, e.g. the reason of a yearly re-confirmation; may be null
 */
public record Publication(String sourceCaseNo, ChangeKind kind, String publishedBy, List<CatalogueItem> added,
    List<CatalogueItem> replaced, Set<String> removed, String note) {

  public Publication {
    added = List.copyOf(added);
    replaced = List.copyOf(replaced);
    removed = Set.copyOf(removed);
  }
}
