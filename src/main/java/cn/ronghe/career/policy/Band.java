package cn.ronghe.career.policy;

import cn.ronghe.career.Post;

/** The grade band of a post and the highest grade a new hire may start at. */
public record Band(Post post, int minGrade, int maxGrade, int initialMaxGrade, String ruleVersion) {

  public boolean contains(int grade) {
    return grade >= minGrade && grade <= maxGrade;
  }

  /** "其他社区工作者 1–12 级". */
  public String describe() {
    return post.label() + " " + minGrade + "–" + maxGrade + " 级";
  }
}
