package cn.ronghe.admission;

import cn.ronghe.admission.catalogue.CatalogueDiff;
import cn.ronghe.admission.catalogue.CatalogueItem;
import java.util.List;

/** Field-by-field comparison of two states of an item, for change requests. */
final class CatalogueDiffs {

  private CatalogueDiffs() {
  }

  static boolean same(CatalogueItem a, CatalogueItem b) {
    return changes(a, b, CatalogueDiff.Naming.CODES).isEmpty();
  }

  static List<CatalogueDiff.FieldChange> changes(CatalogueItem a, CatalogueItem b, CatalogueDiff.Naming naming) {
    return CatalogueDiff.compare(a, b, naming);
  }
}
