package gov.keyproject.registry.photo;

import gov.keyproject.contracts.project.PhotoAttached;
import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.registry.project.Project;
import gov.keyproject.registry.project.ProjectService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Site photos (现场照片) as evidence of a month's report, stored in MongoDB with their timestamp and coordinates.
 * The blob is stored first; the project then records the reference and publishes PhotoAttached in one write,
 * so a crash in between leaves at most an unreferenced blob, never an event without its photo.
 */
@RestController
@Tag(name = "现场照片 Site photos", description = "JPEG/PNG evidence attached to a month's report")
class PhotoController {

    static final String COLLECTION = "photos";
    private final ProjectService projects;
    private final MongoTemplate mongo;
    private final long maxBytes;

    PhotoController(ProjectService projects, MongoTemplate mongo,
                    @Value("${keyproject.photos.max-bytes:5242880}") long maxBytes) {
        this.projects = projects;
        this.mongo = mongo;
        this.maxBytes = maxBytes;
    }

    record PhotoReceipt(String photoId, String projectCode, String period, String contentType, long size) {
    }

    @PostMapping(value = "/api/v1/projects/{code}/reports/{period}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT_SYSTEM')")
    @Operation(summary = "上传现场照片 (JPEG or PNG, at most 5 MB; takenAt ISO-8601; optional latitude/longitude)")
    ResponseEntity<PhotoReceipt> upload(@PathVariable String code, @PathVariable YearMonth period,
                                        @RequestParam("file") MultipartFile file,
                                        @RequestParam("takenAt") Instant takenAt,
                                        @RequestParam(value = "latitude", required = false) BigDecimal latitude,
                                        @RequestParam(value = "longitude", required = false) BigDecimal longitude)
            throws IOException {
        Caller caller = Caller.current();
        Project project = projects.get(code);
        if (!caller.isOperator() && !project.unitCode().equals(caller.unit())) {
            throw ApiProblem.forbidden("只能为本单位的项目上传照片");
        }
        if (file.isEmpty()) {
            throw ApiProblem.badRequest("file", "照片不能为空");
        }
        if (file.getSize() > maxBytes) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "照片过大", "照片不能超过 " + maxBytes / 1024 / 1024
                    + " MB", List.of(new ApiProblem.FieldError("file", "照片过大 (" + file.getSize() + " 字节)")));
        }
        byte[] bytes = file.getBytes();
        String contentType = sniff(bytes);
        if (contentType == null) {
            throw ApiProblem.badRequest("file", "只接受 JPEG 或 PNG 图片");
        }
        if (takenAt.isAfter(Instant.now().plusSeconds(300))) {
            throw ApiProblem.badRequest("takenAt", "拍摄时间不能晚于当前时间");
        }
        if ((latitude == null) != (longitude == null)
                || latitude != null && latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            throw ApiProblem.badRequest("latitude", "经纬度须同时填写，纬度在 -90 到 90 之间");
        }
        if (longitude != null && longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw ApiProblem.badRequest("longitude", "经度须在 -180 到 180 之间");
        }
        if (!project.state().reports().containsKey(period.toString())) {
            throw ApiProblem.badRequest("period", period + " 尚未填报月度进度，不能上传现场照片");
        }
        String id = "PH-" + UUID.randomUUID();
        mongo.insert(new Document("_id", id).append("projectCode", code).append("period", period.toString())
                .append("contentType", contentType).append("size", (long) bytes.length)
                .append("takenAt", Date.from(takenAt))
                .append("latitude", latitude == null ? null : latitude.toPlainString())
                .append("longitude", longitude == null ? null : longitude.toPlainString())
                .append("data", new Binary(bytes)), COLLECTION);
        projects.execute(code, p -> {
            if (!caller.isOperator() && !p.unitCode().equals(caller.unit())) {
                throw ApiProblem.forbidden("只能为本单位的项目上传照片");
            }
            return new Project.Change(p.withPhoto(period, id), List.of(new PhotoAttached(code, period, id,
                    contentType, bytes.length, takenAt, latitude, longitude)), "上传现场照片 " + period,
                    Map.of("reports." + period + ".photoIds", new Object[]{null, id}));
        }, caller.actor());
        return ResponseEntity.created(URI.create("/api/v1/photos/" + id))
                .body(new PhotoReceipt(id, code, period.toString(), contentType, bytes.length));
    }

    @GetMapping("/api/v1/photos/{id}")
    @Operation(summary = "下载现场照片")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        Document photo = mongo.findById(id, Document.class, COLLECTION);
        if (photo == null) {
            throw ApiProblem.notFound("照片", id);
        }
        Caller caller = Caller.current();
        if (caller.unit() != null && !caller.isOperator()
                && !projects.get(photo.getString("projectCode")).unitCode().equals(caller.unit())) {
            throw ApiProblem.forbidden("只能查看本单位项目的照片");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.getString("contentType")))
                .header("X-Taken-At", photo.getDate("takenAt").toInstant().toString())
                .body(photo.get("data", Binary.class).getData());
    }

    /** The real type from the file's first bytes; the declared content type is not trusted. */
    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return MediaType.IMAGE_JPEG_VALUE;
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return MediaType.IMAGE_PNG_VALUE;
        }
        return null;
    }
}
