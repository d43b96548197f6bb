package gov.keyproject.registry.ledger;

import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.registry.project.Project;
import gov.keyproject.registry.project.ProjectRuleViolation;
import gov.keyproject.registry.project.ProjectService;
import gov.keyproject.registry.unit.UnitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk import of the project ledger (项目台账). The whole file is read and checked first, so a file that cannot be
 * imported changes nothing; then each row is registered, updated or left alone on its own, and a bad row is
 * reported without stopping the others. Re-importing the same file finds every project unchanged: no writes, no
 * events.
 */
@Service
public class LedgerImportService {

    static final int MAX_ROWS = 20_000;
    private static final Logger log = LoggerFactory.getLogger(LedgerImportService.class);

    private final ProjectService projects;
    private final UnitService units;

    LedgerImportService(ProjectService projects, UnitService units) {
        this.projects = projects;
        this.units = units;
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    public byte[] template() {
        return LedgerTemplate.build(projects.today().getYear(), units.all(), MAX_ROWS);
    }

    /** @throws ApiProblem 400 (field "file") when the file as a whole cannot be imported */
    public LedgerImportResult importLedger(Path file, String actor) {
        LedgerParser.Parsed ledger;
        try {
            LedgerParser parser = new LedgerParser(MAX_ROWS);
            XlsxRows.read(file, parser);
            ledger = parser.finish();
        } catch (LedgerFileRejected e) {
            log.info("ledger import by {} refused: {}{}", actor, e.getMessage(),
                    e.getCause() == null ? "" : " (" + e.getCause() + ")");
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "台账文件不能导入", e.getMessage(),
                    List.of(new ApiProblem.FieldError("file", e.getMessage())));
        }
        int[] counts = new int[Outcome.values().length];
        List<LedgerImportResult.RowError> errors = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (LedgerRow row : ledger.rows()) {
            Integer earlier = row.code() == null ? null : firstRow.putIfAbsent(row.code(), row.number());
            Outcome outcome;
            if (earlier != null) {
                // A second row for the same project would silently overwrite the first.
                errors.add(new LedgerImportResult.RowError(row.number(),
                        ledger.header().columnOf(LedgerColumn.CODE), "与第 " + earlier + " 行的项目代码重复"));
                outcome = Outcome.REJECTED;
            } else {
                outcome = apply(ledger.header(), row, actor, errors);
            }
            counts[outcome.ordinal()]++;
        }
        LedgerImportResult result = new LedgerImportResult(ledger.rows().size(), counts[Outcome.CREATED.ordinal()],
                counts[Outcome.UPDATED.ordinal()], counts[Outcome.UNCHANGED.ordinal()],
                counts[Outcome.REJECTED.ordinal()], List.copyOf(errors));
        log.info("ledger import by {}: rows={} created={} updated={} unchanged={} rejected={}", actor,
                result.rows(), result.created(), result.updated(), result.unchanged(), result.rejected());
        return result;
    }

    private Outcome apply(LedgerHeader header, LedgerRow row, String actor,
                          List<LedgerImportResult.RowError> errors) {
        if (!row.errors().isEmpty()) {
            row.errors().forEach(e -> errors.add(new LedgerImportResult.RowError(row.number(), e.column(),
                    e.reason())));
            return Outcome.REJECTED;
        }
        try {
            if (projects.find(row.code()).isEmpty()) {
                try {
                    projects.register(row.code(), row.data(null), row.phase(), row.startDate(), null, actor);
                    return Outcome.CREATED;
                } catch (ApiProblem p) {
                    if (p.status() != HttpStatus.CONFLICT) {
                        throw p;
                    } // registered meanwhile by someone else: update it like any existing project
                }
            }
            // Phase and start date are registration-only: phase moves have their own rules and events.
            Project.Change change = projects.execute(row.code(), p -> p.update(row.data(p.state().data())), actor);
            return change.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
        } catch (ProjectRuleViolation v) {
            errors.add(new LedgerImportResult.RowError(row.number(), header.columnFor(v.field()), v.getMessage()));
        } catch (ApiProblem p) {
            if (!p.status().is4xxClientError()) {
                throw p;
            }
            List<ApiProblem.FieldError> fields = fieldErrors(p);
            if (fields.isEmpty()) {
                errors.add(new LedgerImportResult.RowError(row.number(), header.columnOf(LedgerColumn.CODE),
                        p.getMessage()));
            }
            fields.forEach(f -> errors.add(new LedgerImportResult.RowError(row.number(), header.columnFor(f.field()),
                    f.reason())));
        } catch (OptimisticLockingFailureException e) {
            errors.add(new LedgerImportResult.RowError(row.number(), header.columnOf(LedgerColumn.CODE),
                    "该项目正被他人修改，请稍后重新导入此行"));
        }
        return Outcome.REJECTED;
    }

    @SuppressWarnings("unchecked")
    private static List<ApiProblem.FieldError> fieldErrors(ApiProblem p) {
        Map<String, Object> properties = p.toProblemDetail().getProperties();
        Object errors = properties == null ? null : properties.get("errors");
        return errors instanceof List<?> list ? (List<ApiProblem.FieldError>) list : List.of();
    }
}
