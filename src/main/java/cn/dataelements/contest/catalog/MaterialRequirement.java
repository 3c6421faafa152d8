package cn.dataelements.contest.catalog;

import cn.dataelements.contest.entry.MaterialKind;

/**
 * A material a track (or direction) asks for, and how firmly.
 *
 * @param kind the material
 * @param need required, recommended or optional
 */
public record MaterialRequirement(MaterialKind kind, Need need) {}
