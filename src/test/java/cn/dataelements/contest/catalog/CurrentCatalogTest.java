package cn.dataelements.contest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentCatalogTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheShippedCatalog() throws IOException {
        for (String name : new String[] {CatalogLoader.TRACKS, CatalogLoader.SECTIONS, CatalogLoader.MATERIALS}) {
            Files.copy(Path.of("mappings", name), dir.resolve(name));
        }
    }

    @Test
    void aReloadPicksUpAChangedSynonym() throws IOException {
        CurrentCatalog current = CurrentCatalog.loadFrom(dir);
        assertThat(current.get().tracks().findTrack("智慧城市赛道")).isEmpty();

        replace(CatalogLoader.TRACKS, "aliases: [数据要素×城市治理", "aliases: [智慧城市, 数据要素×城市治理");
        current.reload();

        assertThat(current.get().tracks().findTrack("智慧城市赛道"))
                .map(Track::number)
                .contains(11);
    }

    @Test
    void anInvalidFileStopsTheReloadAndKeepsTheCatalogInForce() throws IOException {
        CurrentCatalog current = CurrentCatalog.loadFrom(dir);
        Catalog before = current.get();

        replace(CatalogLoader.TRACKS, "channel: export", "channel: shandongtong");

        assertThatThrownBy(current::reload)
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("tracks.yaml: tracks[13].channel: 'shandongtong' is not a channel");
        assertThat(current.get()).isSameAs(before);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), to), StandardCharsets.UTF_8);
    }
}
