package cn.dataelements.contest.entry;

/**
 * A file a channel listed for a team but could not deliver (the portal answered 404, refused it, it was too large or
 * stalled; a sheet's row named a file its package lacks): a file the team submitted that the entry does not have.
 *
 * @param name the file's name as the channel gave it
 * @param channel the channel that listed it ({@code portal}, {@code export}, {@code mail})
 * @param submissionId the submission that listed it
 * @param reasonZh why it could not be had, in Chinese
 * @param detailEn why, for the log
 */
public record MissingFile(String name, String channel, String submissionId, String reasonZh, String detailEn) {}
