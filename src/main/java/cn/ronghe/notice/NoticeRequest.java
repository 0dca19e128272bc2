package cn.ronghe.notice;

import java.util.List;

/**
 * What a capability asks to announce.
 *
 * @param kind          the owning capability; a {@link NoticeOwner} bean of this kind gets the outcome, and
 *                      policy {@code notice.<kind>.working-days} (else {@code notice.working-days}) sets the period
 * @param resolverGroup the Camunda group that decides objections
 * @param audience      groups told that the notice is out (the bodies whose people it concerns)
 */
public record NoticeRequest(String kind, String title, String orgLabel, String body, String ownerRef,
    String resolverGroup, List<String> audience, List<Item> items) {

  public record Item(String subjectKey, String subjectName, String subjectOrg, String content, String ownerRef) {
  }
}
