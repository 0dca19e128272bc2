package cn.ronghe.cobuilding;

/** Process {@code co-building-list-item} (发布共建清单): a community publishes a demand, a unit a resource. */
public final class ListItemProcess {

  public static final String KEY = "co-building-list-item";

  public static final String ITEM_TYPE = "itemType";
  public static final String OWNER_CODE = "ownerCode";
  public static final String ITEM_NO = "itemNo";
  public static final String ITEM_ID = "itemId";
  public static final String SUGGESTION_COUNT = "suggestionCount";

  private ListItemProcess() {
  }
}
