package cn.ronghe.admission.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One matter of the catalogue as published in one version. Immutable: a change is a new version holding a new
 * copy.
 *
 * @param code          YF-nn or XZ-nn; null for a matter not yet published (the catalogue assigns it)
 * @param funding       费随事转: yuan per community per year
 * @param admittedBy    the admission case that brought the matter in; null for the first list
 * @param scopeStreets  street codes of the communities concerned; empty = every community
 */
public record CatalogueItem(String code, String name, ListType listType, String departmentCode, String legalBasis,
    String content, Frequency frequency, int workloadHours, BigDecimal funding, boolean addsSignboard,
    boolean addsLedger, boolean addsCertificate, String admittedBy, LocalDate effectiveDate,
    List<String> scopeStreets, boolean sampleData) {

  public CatalogueItem {
    scopeStreets = scopeStreets == null ? List.of() : List.copyOf(scopeStreets);
  }

  public CatalogueItem withCode(String newCode) {
    return new CatalogueItem(newCode, name, listType, departmentCode, legalBasis, content, frequency, workloadHours,
        funding, addsSignboard, addsLedger, addsCertificate, admittedBy, effectiveDate, scopeStreets, sampleData);
  }

  public boolean appliesToAllCommunities() {
    return scopeStreets.isEmpty();
  }

  /** Whether communities of this street must perform the matter. */
  public boolean appliesToStreet(String streetCode) {
    return scopeStreets.isEmpty() || scopeStreets.contains(streetCode);
  }
}
