package cn.dataelements.contest.rebuild;

/** Told how far a rebuild is: the number of submissions once listed, then each one as it is done. */
public interface RebuildProgress {

    RebuildProgress NONE = new RebuildProgress() {
        @Override
        public void started(int submissions) {}

        @Override
        public void done(boolean rebuilt) {}
    };

    void started(int submissions);

    /** @param rebuilt false when the submission failed and was skipped */
    void done(boolean rebuilt);
}
