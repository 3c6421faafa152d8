package cn.dataelements.contest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Memory of a process as Linux counts it: peak (VmHWM) and current (VmRSS) resident size, in MiB. */
record ProcessMemory(long pid, long peakMib, long residentMib) {

    static Optional<ProcessMemory> of(long pid) {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            return Optional.of(new ProcessMemory(pid, kib(status, "VmHWM:") / 1024, kib(status, "VmRSS:") / 1024));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The app's extraction children (their command line names the child's argument file), peak memory each. */
    static List<ProcessMemory> extractionChildren(long appPid) {
        return ProcessHandle.of(appPid).stream()
                .flatMap(ProcessHandle::children)
                .filter(p -> p.info().commandLine().orElse("").contains("extraction-child"))
                .flatMap(p -> of(p.pid()).stream())
                .toList();
    }

    private static long kib(List<String> status, String field) {
        return status.stream()
                .filter(l -> l.startsWith(field))
                .map(l -> l.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(0);
    }
}
