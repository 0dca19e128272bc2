package cn.ronghe.cobuilding;

import cn.ronghe.platform.policy.PolicyParameters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Ranks the open items of the other list against one item, best first, each with its explanation. */
@Service
public class MatchingService {

  private final ListRepository lists;
  private final JdbcClient jdbc;
  private final PolicyParameters policy;

  MatchingService(ListRepository lists, JdbcClient jdbc, PolicyParameters policy) {
    this.lists = lists;
    this.jdbc = jdbc;
    this.policy = policy;
  }

  public List<Matching.Match> resourcesFor(DemandItem demand) {
    Map<String, Matching.Reach> reach = reachOfAllUnits();
    List<ResourceItem> candidates = lists.resources(new ListRepository.Filter(null, null, null, demand.category(),
        ItemStatus.Resource.OPEN.name()));
    return rank(candidates.stream()
        .map(r -> Matching.evaluate(demand, r, reach.getOrDefault(r.unitCode(), empty())))
        .flatMap(Optional::stream).toList());
  }

  public List<Matching.Match> demandsFor(ResourceItem resource) {
    Matching.Reach reach = reachOfAllUnits().getOrDefault(resource.unitCode(), empty());
    List<DemandItem> candidates = lists.demands(new ListRepository.Filter(null, null, null, resource.category(),
        ItemStatus.Demand.OPEN.name()));
    return rank(candidates.stream().map(d -> Matching.evaluate(d, resource, reach)).flatMap(Optional::stream)
        .toList());
  }

  private List<Matching.Match> rank(List<Matching.Match> matches) {
    int limit = policy.intValue("cobuilding.match-limit");
    return matches.stream()
        .sorted(Comparator.comparingInt(Matching.Match::score).reversed()
            .thenComparing(m -> m.resource().publishedAt(), Comparator.reverseOrder())
            .thenComparing(m -> m.demand().publishedAt(), Comparator.reverseOrder()))
        .limit(limit).toList();
  }

  private Map<String, Matching.Reach> reachOfAllUnits() {
    Map<String, Matching.Reach> reach = new HashMap<>();
    jdbc.sql("SELECT p.unit_code, p.community_code, c.street_code FROM org_pairing p "
            + "JOIN org_community c ON c.code = p.community_code WHERE p.active")
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
        .forEach(row -> {
          Matching.Reach r = reach.computeIfAbsent(row[0], u -> new Matching.Reach(new HashSet<>(), new HashSet<>()));
          r.communities().add(row[1]);
          r.streets().add(row[2]);
        });
    return reach;
  }

  private static Matching.Reach empty() {
    return new Matching.Reach(java.util.Set.of(), java.util.Set.of());
  }
}
