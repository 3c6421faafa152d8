package cn.dataelements.contest.index;

/** One document to write under a given id. */
public record IndexItem(String id, Object document) {}
