package cn.ronghe.career.demo;

import cn.ronghe.career.Gender;
import java.util.Random;

/** Plausible names of people in southern Jiangsu, for demo and load-test workers. */
final class ChineseNames {

  /** Common surnames around Suzhou and Taicang, the frequent ones repeated so they come up more often. */
  private static final String[] SURNAMES = ("陈陈陈王王王张张李李周周徐徐朱朱陆陆顾顾沈沈钱吴吴孙杨黄蒋施邵金范陶龚唐"
      + "姚浦缪瞿郁季俞汤秦许潘殷戴冯薛杭管严盛胡高宋郭").split("");
  private static final String[] FEMALE = {"芳", "敏", "静", "丽", "娟", "艳", "霞", "燕", "婷", "雪", "琳", "慧", "洁",
      "颖", "倩", "佳", "晓燕", "秀英", "美华", "玉兰", "丽萍", "海燕", "雅琴", "梦瑶", "欣怡", "思雨", "雨婷", "佳怡",
      "嘉琪", "晓雯", "春燕", "红梅", "文静", "丽娜", "亚楠", "婉婷", "心怡", "晓丽", "建芳", "月琴"};
  private static final String[] MALE = {"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "浩", "俊", "峰", "建华",
      "建国", "志刚", "晓东", "海峰", "振华", "国平", "明", "亮", "鹏", "宇", "晨", "凯", "一鸣", "子豪", "嘉诚", "文博",
      "天宇", "卫东", "建军", "志强", "永兴", "伟民", "鑫", "昊", "立新", "国庆", "春华", "金龙"};

  private ChineseNames() {
  }

  static String name(Random random, Gender gender) {
    String[] given = gender == Gender.FEMALE ? FEMALE : MALE;
    return SURNAMES[random.nextInt(SURNAMES.length)] + given[random.nextInt(given.length)];
  }
}
