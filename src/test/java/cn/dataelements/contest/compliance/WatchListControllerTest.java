package cn.dataelements.contest.compliance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The import endpoints without security (the security configuration's own tests cover /api/admin/**). */
class WatchListControllerTest {

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        WatchListStore store = new WatchListStore(
                cn.dataelements.contest.support.TestDatabase.fresh().jdbc(),
                Clock.fixed(Instant.parse("2025-06-01T04:00:00Z"), ZoneOffset.UTC));
        mvc = MockMvcBuilders.standaloneSetup(
                        new WatchListController(new WatchListImports(store, (now, before) -> List.of())))
                .build();
    }

    @Test
    void aMultipartUploadAndARawBodyAreImportedAndListed() throws Exception {
        byte[] gbk = "单位名称,统一社会信用代码\n威海某某公司,91371002401452251L\n".getBytes(Charset.forName("GBK"));
        mvc.perform(multipart("/api/admin/lists/dishonest")
                        .file(new MockMultipartFile("file", "失信.csv", "text/csv", gbk)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(1))
                .andExpect(jsonPath("$.list.file").value("2025-06-01T120000-失信.csv"));
        byte[] utf8 = "单位名称,统一社会信用代码,作品名称\n甲公司,,甲作品\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/admin/lists/provincial")
                        .param("name", "省赛.csv")
                        .contentType("text/csv")
                        .content(utf8))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(1));

        mvc.perform(get("/api/admin/lists"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].kind").value("PROVINCIAL"))
                .andExpect(jsonPath("$[1].inForce").value(true));
    }

    @Test
    void anUnknownListIs404AndABadHeader400() throws Exception {
        mvc.perform(post("/api/admin/lists/blacklist").contentType("text/csv").content("a,b\n"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/admin/lists/dishonest").contentType("text/csv").content("a,b\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").exists());
    }
}
