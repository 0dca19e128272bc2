package cn.ronghe.career.onboarding;

import cn.ronghe.career.Education;
import cn.ronghe.career.Gender;
import cn.ronghe.career.Labelled;
import cn.ronghe.career.Post;
import cn.ronghe.career.Qualification;
import cn.ronghe.platform.process.FormInput;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The proposed hire as the community entered it; read and checked from the form variables. */
record NewWorker(String name, Gender gender, LocalDate birthDate, Post post, String duty, Education education,
    Qualification qualification, LocalDate serviceStart, LocalDate hireDate, List<String> documents) {

  /** Documents a community attaches (材料); the form's checklist values. */
  enum Document implements Labelled {
    ID_CARD("身份证复印件"),
    DIPLOMA("学历（学位）证书"),
    RECRUITMENT("招聘录用审批表"),
    QUALIFICATION("社会工作职业资格证书"),
    WORK_PROOF("相关工作经历证明"),
    HEALTH("体检报告");

    private final String label;

    Document(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  int serviceYears() {
    return (int) ChronoUnit.YEARS.between(serviceStart, hireDate);
  }

  /** Reads every field, collecting problems in {@code in}; null when something is wrong. */
  static NewWorker read(VariableScope scope, FormInput in, LocalDate today) {
    String name = in.text("workerName", "姓名", 20, true);
    if (name != null && !name.matches("[\\p{IsHan}·]{2,20}")) {
      in.addProblem("workerName", "姓名须为 2 到 20 个汉字", "must be 2-20 Chinese characters");
    }
    Gender gender = choice(in, Gender.class, "gender", "性别");
    LocalDate birth = in.date("birthDate", "出生日期", true);
    Post post = choice(in, Post.class, "post", "岗位");
    String duty = in.text("duty", "职务", 50, true);
    Education education = choice(in, Education.class, "education", "学历");
    Qualification qualification = choice(in, Qualification.class, "qualification", "社会工作职业资格");
    LocalDate serviceStart = in.date("serviceStart", "从事相关工作起始日期", true);
    LocalDate hire = in.date("hireDate", "聘用日期", true);
    List<String> documents = in.texts("documents", "入职材料", 10, 40, true);
    if (hire != null && (hire.isBefore(today.minusYears(1)) || hire.isAfter(today.plusYears(1)))) {
      in.addProblem("hireDate", "聘用日期须在今天前后一年以内", "must be within a year of today");
    }
    if (birth != null && hire != null) {
      long age = ChronoUnit.YEARS.between(birth, hire);
      if (age < 18 || age > 60) {
        in.addProblem("birthDate", "聘用时年龄须在 18 到 60 岁之间（现为 " + age + " 岁）", "age at hiring must be 18-60");
      }
    }
    if (serviceStart != null && hire != null && serviceStart.isAfter(hire)) {
      in.addProblem("serviceStart", "从事相关工作起始日期不能晚于聘用日期", "must not be after the hire date");
    }
    if (serviceStart != null && birth != null && serviceStart.isBefore(birth.plusYears(16))) {
      in.addProblem("serviceStart", "从事相关工作起始日期不能早于 16 周岁", "must not be before the age of 16");
    }
    if (documents != null) {
      checkDocuments(in, documents, qualification, serviceStart, hire);
    }
    if (!in.valid()) {
      return null;
    }
    return new NewWorker(name, gender, birth, post, duty, education, qualification, serviceStart, hire, documents);
  }

  private static void checkDocuments(FormInput in, List<String> documents, Qualification qualification,
      LocalDate serviceStart, LocalDate hire) {
    for (String d : documents) {
      if (Labelled.parse(Document.class, d).isEmpty()) {
        in.addProblem("documents", "未知的材料：" + d, "unknown document " + d);
        return;
      }
    }
    List<Document> required = new java.util.ArrayList<>(List.of(Document.ID_CARD, Document.DIPLOMA,
        Document.RECRUITMENT));
    if (qualification != null && qualification != Qualification.NONE) {
      required.add(Document.QUALIFICATION);
    }
    if (serviceStart != null && hire != null && ChronoUnit.YEARS.between(serviceStart, hire) >= 1) {
      required.add(Document.WORK_PROOF);
    }
    List<Document> missing = required.stream().filter(r -> !documents.contains(r.name())).toList();
    if (!missing.isEmpty()) {
      in.addProblem("documents", "缺少材料：" + String.join("、", missing.stream().map(Document::label).toList()),
          "missing documents: " + String.join(", ", missing.stream().map(Enum::name).toList()));
    }
  }

  private static <E extends Enum<E> & Labelled> E choice(FormInput in, Class<E> type, String key, String label) {
    String code = in.choice(key, label, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), true);
    return code == null ? null : Enum.valueOf(type, code);
  }

  /** "其他社区工作者 张三（女，本科，助理社会工作师，相关工作 3 年）". */
  String describe() {
    return post.label() + " " + name + "（" + gender.label() + "，" + education.label() + "，" + qualification.label()
        + "，相关工作 " + serviceYears() + " 年）";
  }
}
