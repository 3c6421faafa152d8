package cn.dataelements.contest.compliance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Organizers import the dishonesty list and the provincial-registration list here (admins only: the security
 * configuration guards /api/admin/**), as a multipart upload (part {@code file}) or as the raw CSV body with a
 * {@code name} parameter. See README, "Watch lists".
 */
@RestController
@RequestMapping("/api/admin/lists")
class WatchListController {

    private final WatchListImports lists;

    WatchListController(WatchListImports lists) {
        this.lists = lists;
    }

    @PostMapping(path = "/{list}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportReport upload(@PathVariable("list") String list, @RequestPart("file") MultipartFile file) throws IOException {
        return imported(kind(list), file.getOriginalFilename(), file.getInputStream());
    }

    @PostMapping(path = "/{list}")
    @ResponseStatus(HttpStatus.CREATED)
    ImportReport raw(
            @PathVariable("list") String list,
            @RequestParam(name = "name", defaultValue = "list.csv") String name,
            @RequestBody byte[] body) {
        return imported(kind(list), name, new ByteArrayInputStream(body));
    }

    /** Imports the list, then checks again the entries it, or the import it replaces, names. */
    private ImportReport imported(ListKind kind, String name, java.io.InputStream csv) {
        return lists.importList(kind, name, csv);
    }

    @GetMapping
    List<ListImport> imports() {
        return lists.imports();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    java.util.Map<String, String> badList(IllegalArgumentException e) {
        return java.util.Map.of("error", e.getMessage());
    }

    private static ListKind kind(String list) {
        return ListKind.fromPath(list)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no list '" + list + "'; valid: dishonest, provincial"));
    }
}
