package cn.dataelements.contest.normalize;

import cn.dataelements.contest.normalize.SectionVocabulary.PartTerm;
import cn.dataelements.contest.normalize.SectionVocabulary.SectionTerm;
import java.util.List;

/** The vocabularies of the guide, written out here until the catalog under mappings/ provides them. */
final class FormVocabularies {

    private FormVocabularies() {}

    /** Tracks 1-12: the five sections of 作品申报书 with their sub-parts. */
    static SectionVocabulary fiveSections() {
        return new SectionVocabulary(List.of(
                new SectionTerm(
                        "overview",
                        "作品概述",
                        List.of("项目概述", "作品简介", "项目简介", "概述"),
                        List.of(part("background", "背景"), part("industry", "应用行业"), part("advantage", "核心优势"))),
                new SectionTerm(
                        "solution",
                        "解决方案",
                        List.of("技术方案", "实施方案"),
                        List.of(
                                part("architecture", "架构设计"),
                                part("functions", "方案功能"),
                                part("keyTechnology", "关键技术"),
                                part("dataUse", "数据要素利用方案"))),
                new SectionTerm(
                        "value",
                        "应用价值",
                        List.of("应用成效", "应用效果"),
                        List.of(part("cases", "应用案例"), part("economic", "经济效果"), part("social", "社会效益"))),
                new SectionTerm(
                        "business",
                        "商业模式",
                        List.of("盈利模式"),
                        List.of(part("promotion", "推广模式"), part("market", "市场空间"), part("socialEffect", "社会效应"))),
                new SectionTerm(
                        "team",
                        "团队介绍",
                        List.of("团队情况", "团队简介", "参赛团队"),
                        List.of(part("resume", "履历"), part("qualification", "资质"), part("strength", "优势")))));
    }

    /** Track 14 数据赋能: the four parts of 作品方案介绍. */
    static SectionVocabulary track14() {
        return new SectionVocabulary(List.of(
                new SectionTerm("demand", "需求分析/场景设计/解决方案", List.of("需求分析", "场景设计", "解决方案"), List.of()),
                new SectionTerm("technology", "技术水准/创新性", List.of("技术水准", "创新性"), List.of()),
                new SectionTerm("application", "落地应用", List.of(), List.of()),
                new SectionTerm("benefit", "社会效益", List.of(), List.of())));
    }

    private static PartTerm part(String key, String title) {
        return new PartTerm(key, title, List.of());
    }
}
