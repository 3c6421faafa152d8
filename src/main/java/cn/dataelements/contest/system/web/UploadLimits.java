package cn.dataelements.contest.system.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload over the multipart limits gets 413 and says the limits in Chinese, instead of an error page. */
@ControllerAdvice
class UploadLimits {

    private static final Logger log = LoggerFactory.getLogger(UploadLimits.class);

    private final DataSize perFile;
    private final DataSize perRequest;

    UploadLimits(
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize perFile,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize perRequest) {
        this.perFile = perFile;
        this.perRequest = perRequest;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e) {
        log.info("Refused an upload over the limits: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body("上传的文件超过上限：每个文件最多 " + perFile.toMegabytes() + " MB，一次最多 " + perRequest.toMegabytes()
                        + " MB。请压缩或拆分后再上传。");
    }
}
