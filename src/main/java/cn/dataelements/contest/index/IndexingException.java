package cn.dataelements.contest.index;

/** The index did not take a write that it may take later (unreachable, overloaded, a shard not ready): retry. */
public class IndexingException extends RuntimeException {

    public IndexingException(String message, Throwable cause) {
        super(message, cause);
    }
}
