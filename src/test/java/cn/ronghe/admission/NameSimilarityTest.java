package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSimilarityTest {

  private final NameSimilarity similarity = new NameSimilarity(List.of("协助", "开展", "工作", "社区", "做好"));

  @Test
  void identicalNamesAndNamesThatDifferOnlyInGenericWordsArtTheSame() {
    assertThat(similarity.similarity("协助开展人口普查", "协助开展人口普查")).isEqualTo(1.0);
    assertThat(similarity.similarity("人口普查", "协助开展人口普查工作")).isEqualTo(1.0);
    assertThat(similarity.similarity("人口普查（2030）", "人口 普查2030")).isEqualTo(1.0);
  }

  @Test
  void diceCountsSharedBigrams() {
    // 人口|口普|普查 vs 经济|济普|普查: one shared bigram of six.
    assertThat(similarity.similarity("人口普查", "经济普查")).isCloseTo(2.0 / 6, within(1e-9));
    // 垃圾|圾分|分类 vs 垃圾|圾分|分类|类督|督导: three shared of eight.
    assertThat(similarity.similarity("垃圾分类", "垃圾分类督导")).isCloseTo(6.0 / 8, within(1e-9));
    assertThat(similarity.similarity("垃圾分类", "疫苗接种")).isZero();
  }

  @Test
  void repeatedBigramsAreCountedOnlyAsOftenAsBothNamesHaveThem() {
    // 安全|全安|安全 (安全 twice) vs 安全 once: shared = 1 of 4.
    assertThat(similarity.similarity("安全安全", "安全")).isCloseTo(2.0 / 4, within(1e-9));
  }

  @Test
  void oneCharacterAndEmptyNames() {
    assertThat(similarity.similarity("犬", "犬")).isEqualTo(1.0);
    assertThat(similarity.similarity("犬", "猫")).isZero();
    assertThat(similarity.similarity("", "人口普查")).isZero();
    assertThat(similarity.similarity(null, "人口普查")).isZero();
    assertThat(similarity.similarity("，。", "人口普查")).isZero();
  }

  @Test
  void aNameOfOnlyGenericWordsIsComparedAsItIs() {
    assertThat(similarity.normalise("协助开展社区工作")).isEqualTo("协助开展社区工作");
    assertThat(similarity.normalise("协助开展ＡＢＣ工作")).isEqualTo("abc");
  }

  @Test
  void rankingPutsTheClosestFirst() {
    var ranked = similarity.rank("老年人健康体检", List.of("适龄儿童疫苗接种", "组织老年人健康体检", "人口普查"), s -> s);
    assertThat(ranked.get(0).value()).isEqualTo("组织老年人健康体检");
    assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
  }
}
