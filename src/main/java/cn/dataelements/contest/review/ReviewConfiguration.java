package cn.dataelements.contest.review;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review plan, read and validated once at start-up: an invalid {@code review.yaml} stops the app, naming why. */
@Configuration
class ReviewConfiguration {

    @Bean
    ReviewPlan reviewPlan(ReviewProperties properties) {
        return ReviewPlanLoader.load(properties.plan());
    }
}
