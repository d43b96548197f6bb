package gov.keyproject.statistics.unit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "责任单位 Units (read model)", description = "Units as this service knows them from the registry's events")
class KnownUnitController {

    private final MongoTemplate mongo;

    KnownUnitController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/v1/units")
    @Operation(summary = "本服务已知的责任单位")
    List<UnitDirectory.KnownUnit> units() {
        return UnitDirectory.all(mongo);
    }
}
