package cn.dataelements.contest.intake.records;

import cn.dataelements.contest.extraction.MaterialReader;
import cn.dataelements.contest.extraction.SubmissionLimits;
import cn.dataelements.contest.intake.IntakeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The readers of the two structured channels: both archive registration bundles. */
@Configuration(proxyBeanMethods = false)
class RecordReaders {

    @Bean
    RecordSubmissionReader portalReader(
            MaterialReader materials, SubmissionLimits limits, IntakeProperties properties) {
        return new RecordSubmissionReader(Channels.PORTAL, materials, limits, properties.workDir());
    }

    @Bean
    RecordSubmissionReader exportReader(
            MaterialReader materials, SubmissionLimits limits, IntakeProperties properties) {
        return new RecordSubmissionReader(Channels.EXPORT, materials, limits, properties.workDir());
    }
}
