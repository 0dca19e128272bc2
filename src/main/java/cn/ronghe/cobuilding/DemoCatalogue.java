package cn.ronghe.cobuilding;

import java.util.List;
import java.util.Map;

/**
 * Plausible content for the demo lists: what Taicang's communities ask for and what their co-building units
 * offer, per service category. Used only by {@link CoBuildingDemoData}.
 */
final class DemoCatalogue {

  /** A demand a community publishes: title, description, beneficiaries, typical number of beneficiaries. */
  record DemandTemplate(String title, String description, String beneficiaries, int count) {
  }

  /** A resource a unit offers: title, what it offers, capacity in words, people served per year. */
  record ResourceTemplate(String title, String offering, String capacity, int count) {
  }

  static final Map<String, List<DemandTemplate>> DEMANDS = Map.ofEntries(
      Map.entry("ELDERLY", List.of(
          new DemandTemplate("独居老人助餐配送", "辖区 60 岁以上独居老人做饭难，希望每周有人配送午餐并顺带探望。", "独居老人", 60),
          new DemandTemplate("老年人智能手机培训", "不少老人不会用手机挂号、缴费和视频通话，希望定期开班手把手教学。", "60 岁以上居民", 40),
          new DemandTemplate("高龄老人上门探访", "80 岁以上高龄老人需要定期上门探访、代购生活用品和陪同就医。", "高龄老人", 30),
          new DemandTemplate("适老化改造评估", "老旧小区老人家中缺少扶手和防滑设施，需要专业人员入户评估。", "困难老人家庭", 20))),
      Map.entry("YOUTH", List.of(
          new DemandTemplate("“四点半课堂”作业辅导", "双职工家庭孩子放学后无人看管，希望有志愿者在社区辅导作业。", "辖区小学生", 50),
          new DemandTemplate("青少年防溺水安全教育", "暑期前需要开展防溺水宣传和自救演练，辖区河道较多。", "中小学生", 200),
          new DemandTemplate("留守儿童周末陪伴", "外来务工家庭的留守儿童需要周末陪伴、读书和心理疏导。", "留守儿童", 25))),
      Map.entry("HEALTH", List.of(
          new DemandTemplate("慢病患者健康管理", "高血压、糖尿病患者较多，需要定期随访、测量和用药指导。", "慢病患者", 150),
          new DemandTemplate("专家义诊进社区", "居民希望三甲医院专家定期到社区义诊，减少到市区排队。", "辖区居民", 300),
          new DemandTemplate("心理健康讲座", "部分居民和青少年有焦虑等问题，希望开展心理健康讲座和咨询。", "辖区居民", 80))),
      Map.entry("EMPLOYMENT", List.of(
          new DemandTemplate("失业人员技能培训", "辖区失业、待业人员希望参加家政、电工、育婴等技能培训。", "失业人员", 40),
          new DemandTemplate("高校毕业生就业指导", "未就业的高校毕业生需要简历指导、模拟面试和岗位推荐。", "未就业毕业生", 30),
          new DemandTemplate("灵活就业岗位对接", "社区宝妈和低龄老人希望就近找到灵活就业岗位。", "灵活就业人员", 50))),
      Map.entry("LEGAL", List.of(
          new DemandTemplate("物业纠纷法律咨询", "老旧小区物业纠纷多，希望律师定期坐班答疑、协助调解。", "辖区居民", 300),
          new DemandTemplate("老年人遗嘱和赡养咨询", "老人对遗嘱、房产和赡养问题有较多疑问，需要专业解答。", "老年居民", 60),
          new DemandTemplate("劳动争议调解", "外来务工人员欠薪和劳动合同纠纷需要法律援助。", "外来务工人员", 40))),
      Map.entry("SAFETY", List.of(
          new DemandTemplate("电动自行车安全充电宣传", "楼道违规停放、充电现象多，需要消防宣传和隐患排查。", "辖区居民", 800),
          new DemandTemplate("反电信诈骗宣传", "今年辖区发生多起冒充客服诈骗，希望开展防骗宣传。", "辖区居民", 500),
          new DemandTemplate("社区微型消防站建设", "社区微型消防站器材不全，队员缺乏专业训练。", "社区消防队员", 20))),
      Map.entry("ENVIRONMENT", List.of(
          new DemandTemplate("老旧小区楼道堆物清理", "楼道堆放杂物影响通行和消防安全，需要集中清理。", "辖区居民", 600),
          new DemandTemplate("垃圾分类投放督导", "早晚投放高峰需要志愿者在投放点督导和宣传。", "辖区居民", 1000),
          new DemandTemplate("河道沿岸绿化维护", "小区外河道沿岸绿化带杂草多，需要义务劳动维护。", "沿河居民", 400))),
      Map.entry("CULTURE", List.of(
          new DemandTemplate("文艺团队排练场地", "社区广场舞队、合唱团缺少固定排练场地，冬季尤其困难。", "文艺团队成员", 60),
          new DemandTemplate("社区全民健身赛事", "希望举办乒乓球、羽毛球邻里赛，需要场地和器材支持。", "辖区居民", 120),
          new DemandTemplate("传统节日文化活动", "端午、中秋等传统节日需要文艺演出和民俗活动支持。", "辖区居民", 300))),
      Map.entry("VOLUNTEER", List.of(
          new DemandTemplate("新时代文明实践站志愿者", "文明实践站活动多，需要共建单位志愿者长期参与。", "辖区居民", 200),
          new DemandTemplate("文明城市创建常态长效", "背街小巷、农贸市场周边需要志愿者劝导文明行为。", "辖区居民", 500))),
      Map.entry("ASSISTANCE", List.of(
          new DemandTemplate("困难家庭节日慰问", "春节前走访慰问低保、残疾和大病家庭，送去慰问品。", "困难家庭", 30),
          new DemandTemplate("残疾人就业帮扶", "有劳动能力的残疾人希望得到岗位和职业培训。", "残疾人", 15),
          new DemandTemplate("困难学生助学", "低保家庭学生需要学习用品和助学金资助。", "困难学生", 20))),
      Map.entry("FINANCE", List.of(
          new DemandTemplate("老年人防范金融诈骗", "老人容易被“保健品”“高息理财”骗局骗取养老钱。", "老年居民", 150),
          new DemandTemplate("沿街商户金融服务", "沿街小微商户需要收款、贷款和征信方面的咨询。", "沿街商户", 50))),
      Map.entry("PARTY", List.of(
          new DemandTemplate("党员冬训联学联建", "社区党组织希望与共建单位党支部联合开展冬训学习。", "社区党员", 80),
          new DemandTemplate("红色教育基地联学", "组织社区党员参观红色教育基地，需要讲解和交通支持。", "社区党员", 60))));

  static final Map<String, List<ResourceTemplate>> RESOURCES = Map.ofEntries(
      Map.entry("ELDERLY", List.of(
          new ResourceTemplate("党员志愿者助餐配送", "组织党员志愿者每周两次为独居老人送餐，并记录老人身体状况。", "每周 2 次，每次 30 户", 60),
          new ResourceTemplate("“银龄课堂”智能手机教学", "派出青年员工到社区，手把手教老人使用手机挂号、缴费、视频。", "每月 2 次，每次 30 人", 60))),
      Map.entry("YOUTH", List.of(
          new ResourceTemplate("青年志愿者课业辅导", "每周派青年志愿者到社区“四点半课堂”辅导作业。", "每周 3 次，每次 20 人", 60),
          new ResourceTemplate("职业体验开放日", "组织青少年到单位参观，体验不同职业。", "每季度 1 次，每次 40 人", 160))),
      Map.entry("HEALTH", List.of(
          new ResourceTemplate("专家义诊进社区", "每季度组织内科、眼科、口腔科专家到社区义诊和健康咨询。", "每季度 1 次，每次 150 人", 600),
          new ResourceTemplate("慢病随访和健康讲座", "家庭医生团队上门随访慢病患者，每月一次健康讲座。", "每月 1 次，每次 50 人", 600))),
      Map.entry("EMPLOYMENT", List.of(
          new ResourceTemplate("专场招聘和岗位推介", "提供本单位及上下游企业岗位信息，举办社区专场招聘会。", "每半年 1 次，每次 50 个岗位", 100),
          new ResourceTemplate("职业技能培训", "开设电工、家政、电商等技能培训班并推荐就业。", "每季度 1 期，每期 30 人", 120))),
      Map.entry("LEGAL", List.of(
          new ResourceTemplate("律师社区坐班", "每月安排律师到社区坐班，提供法律咨询、合同审查和调解。", "每月 1 次，每次 40 人", 480),
          new ResourceTemplate("普法讲座进社区", "围绕民法典、反诈、劳动权益开展普法讲座。", "每季度 1 次，每次 80 人", 320))),
      Map.entry("SAFETY", List.of(
          new ResourceTemplate("消防安全培训和演练", "每季度到社区开展消防知识培训、灭火器使用和疏散演练。", "每季度 1 次，每次 200 人", 800),
          new ResourceTemplate("反诈宣讲进社区", "派员讲解冒充客服、刷单返利等常见诈骗手法。", "每月 1 次，每次 60 人", 720))),
      Map.entry("ENVIRONMENT", List.of(
          new ResourceTemplate("党员志愿服务队环境整治", "每月组织党员志愿者清理楼道、绿化带和河道沿岸。", "每月 1 次，30 名志愿者", 800),
          new ResourceTemplate("垃圾分类督导志愿服务", "安排员工轮流在投放高峰到社区督导垃圾分类。", "每周 2 次，每次 4 人", 1000))),
      Map.entry("CULTURE", List.of(
          new ResourceTemplate("开放职工活动中心", "周末向社区开放单位活动室、篮球场和乒乓球室。", "每周末，每次 50 人", 2000),
          new ResourceTemplate("送文艺演出进社区", "单位文艺队在传统节日到社区演出。", "每年 3 场，每场 300 人", 900))),
      Map.entry("VOLUNTEER", List.of(
          new ResourceTemplate("青年志愿服务队", "组建青年志愿服务队，长期参与社区文明实践活动。", "每月 2 次，每次 10 人", 240))),
      Map.entry("ASSISTANCE", List.of(
          new ResourceTemplate("党员结对帮扶困难家庭", "单位党员与社区困难家庭一对一结对，节日走访慰问。", "结对 30 户", 30),
          new ResourceTemplate("助学金资助", "每年资助社区困难学生助学金和学习用品。", "每年 20 人", 20))),
      Map.entry("FINANCE", List.of(
          new ResourceTemplate("金融知识进社区", "派员讲解防范非法集资、电信诈骗和养老金融知识。", "每月 1 次，每次 60 人", 720),
          new ResourceTemplate("小微商户金融服务站", "在社区设立流动服务点，为商户办理收款和贷款咨询。", "每月 2 次", 100))),
      Map.entry("PARTY", List.of(
          new ResourceTemplate("主题党日联建", "与社区党组织共同开展主题党日、党课和志愿服务。", "每季度 1 次", 60),
          new ResourceTemplate("红色教育基地讲解", "提供红色教育基地讲解员和参观车辆。", "每半年 1 次，每次 40 人", 80))));

  /** Categories a unit is most likely to offer, from words in its name. */
  static List<String> likelyCategories(String unitName) {
    if (unitName.contains("银行") || unitName.contains("保险") || unitName.contains("证券")) {
      return List.of("FINANCE", "SAFETY", "ASSISTANCE");
    }
    if (unitName.contains("卫生") || unitName.contains("医院") || unitName.contains("卫健")) {
      return List.of("HEALTH", "ELDERLY");
    }
    if (unitName.contains("消防") || unitName.contains("公安") || unitName.contains("派出所") || unitName.contains("应急")) {
      return List.of("SAFETY", "YOUTH");
    }
    if (unitName.contains("教育") || unitName.contains("学校") || unitName.contains("中学") || unitName.contains("小学")
        || unitName.contains("团市委")) {
      return List.of("YOUTH", "VOLUNTEER");
    }
    if (unitName.contains("司法") || unitName.contains("律师") || unitName.contains("法院") || unitName.contains("检察")) {
      return List.of("LEGAL");
    }
    if (unitName.contains("人力资源") || unitName.contains("人社") || unitName.contains("总工会")) {
      return List.of("EMPLOYMENT", "LEGAL");
    }
    if (unitName.contains("社会工作") || unitName.contains("民政") || unitName.contains("残联") || unitName.contains("妇联")) {
      return List.of("ASSISTANCE", "ELDERLY", "YOUTH");
    }
    if (unitName.contains("文体") || unitName.contains("文化") || unitName.contains("广电")) {
      return List.of("CULTURE", "VOLUNTEER");
    }
    return List.of("PARTY", "ENVIRONMENT", "VOLUNTEER", "CULTURE", "ASSISTANCE");
  }

  static final List<String> STAFF_SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "朱",
      "马", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "沈", "顾", "陆", "钱", "蒋", "殷", "浦");
  static final List<String> STAFF_GIVEN = List.of("芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
      "涛", "明", "超", "霞", "平", "刚", "燕", "华", "红", "建国", "晓东", "雪梅", "志强", "丽娟", "海燕", "建华");

  private DemoCatalogue() {
  }
}
