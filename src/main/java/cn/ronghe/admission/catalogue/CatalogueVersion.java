package cn.ronghe.admission.catalogue;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A published version of the catalogue: its number, date, what changed and which case caused it. */
public record CatalogueVersion(int versionNo, LocalDate publishedOn, LocalDateTime publishedAt, ChangeKind changeKind,
    String summary, String sourceCaseNo, String publishedBy, int itemCount) {
}
