package cn.dataelements.contest.index;

/**
 * A document as read, with the version Elasticsearch holds it at: what a conditional write names, so it fails when
 * another writer came in between.
 */
public record Versioned<T>(T document, long seqNo, long primaryTerm) {}
