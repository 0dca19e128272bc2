package cn.ronghe.admission.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public catalogue (公示): readable without login, server-rendered, no scripts. Anyone can see which matters
 * communities carry, since when, and what changed from one version to the next.
 */
@Controller
class PublicCatalogueController {

  /** One of the two lists as shown on the page. */
  record Section(String title, List<ItemView> items) {
  }

  private final CatalogueService catalogue;

  PublicCatalogueController(CatalogueService catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/public/catalogue")
  String catalogue(@RequestParam(required = false) String version, Model model, HttpServletResponse response) {
    Optional<CatalogueVersion> v = resolve(version);
    if (v.isEmpty()) {
      return notFound(model, response, "未找到清单版本 " + version);
    }
    CatalogueVersion shown = v.get();
    List<ItemView> items = ItemView.of(catalogue.items(shown.versionNo()), catalogue.naming());
    model.addAttribute("version", shown);
    model.addAttribute("latest", catalogue.currentOrFail());
    model.addAttribute("versions", catalogue.versions());
    List<ItemView> byLaw = items.stream().filter(i -> ListType.BY_LAW.name().equals(i.listType())).toList();
    List<ItemView> assistance = items.stream().filter(i -> ListType.ASSISTANCE.name().equals(i.listType())).toList();
    model.addAttribute("byLawCount", byLaw.size());
    model.addAttribute("assistanceCount", assistance.size());
    model.addAttribute("sections", List.of(new Section("一、" + ListType.BY_LAW.label(), byLaw),
        new Section("二、" + ListType.ASSISTANCE.label(), assistance)));
    model.addAttribute("hasSampleData", items.stream().anyMatch(ItemView::sampleData));
    return "admission/catalogue";
  }

  @GetMapping("/public/catalogue/items/{code}")
  String item(@PathVariable String code, @RequestParam(required = false) String version, Model model,
      HttpServletResponse response) {
    Optional<CatalogueVersion> v = resolve(version);
    Optional<CatalogueItem> item = v.flatMap(x -> catalogue.item(x.versionNo(), code));
    if (item.isEmpty()) {
      List<CatalogueService.ItemRevision> history = catalogue.history(code);
      if (version == null && !history.isEmpty()) {
        // An item no longer in the catalogue: show its last published state, marked as removed.
        CatalogueService.ItemRevision last = history.get(history.size() - 1);
        model.addAttribute("removed", true);
        return itemPage(model, last.version(), last.item(), history);
      }
      return notFound(model, response, "未找到清单事项 " + code + (version == null ? "" : "（版本 " + version + "）"));
    }
    model.addAttribute("removed", false);
    return itemPage(model, v.get(), item.get(), catalogue.history(code));
  }

  @GetMapping("/public/catalogue/diff")
  String diff(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
      HttpServletResponse response) {
    Optional<CatalogueVersion> a = from == null ? Optional.empty() : resolve(from);
    Optional<CatalogueVersion> b = to == null ? Optional.empty() : resolve(to);
    if (a.isEmpty() || b.isEmpty()) {
      return notFound(model, response, "请指定两个已发布的版本（from 与 to）");
    }
    model.addAttribute("diff", catalogue.diff(a.get().versionNo(), b.get().versionNo()));
    model.addAttribute("from", a.get());
    model.addAttribute("to", b.get());
    model.addAttribute("naming", catalogue.naming());
    return "admission/diff";
  }

  @GetMapping("/public/catalogue.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String version) {
    Optional<CatalogueVersion> v = resolve(version);
    if (v.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return CatalogueController.csvResponse(v.get(),
        CatalogueCsv.download(catalogue.items(v.get().versionNo()), catalogue.naming()));
  }

  private String itemPage(Model model, CatalogueVersion version, CatalogueItem item,
      List<CatalogueService.ItemRevision> history) {
    model.addAttribute("version", version);
    model.addAttribute("item", ItemView.of(item, catalogue.naming()));
    model.addAttribute("history", history);
    return "admission/item";
  }

  /** The requested version, or the current one; empty for a malformed or unknown number. */
  private Optional<CatalogueVersion> resolve(String version) {
    if (version == null || version.isBlank()) {
      return catalogue.current();
    }
    try {
      int n = Integer.parseInt(version.strip());
      return catalogue.versions().stream().filter(v -> v.versionNo() == n).findFirst();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String notFound(Model model, HttpServletResponse response, String message) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("message", message);
    return "admission/not-found";
  }
}
