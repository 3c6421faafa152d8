package cn.dataelements.contest.index;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents go to Elasticsearch through the app's own Jackson settings, so times are ISO-8601 strings (as the
 * index mappings expect), not epoch numbers.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchJsonConfiguration {

    @Bean
    JacksonJsonpMapper jacksonJsonpMapper(ObjectMapper objectMapper) {
        return new JacksonJsonpMapper(objectMapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL));
    }
}
