package gov.keyproject.statistics.feed;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** The row rules alone: forms of period and amount, p(D) as the latest period, one reason per bad field. */
class FeedRowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 10); // p(D) = 2026-09

    @Test
    void acceptedForms() {
        assertThat(FeedRow.parsePeriod("2026-09")).isEqualTo(YearMonth.of(2026, 9));
        assertThat(FeedRow.parsePeriod("2026年9月")).isEqualTo(YearMonth.of(2026, 9));
        assertThat(FeedRow.parsePeriod("2026 年 10 月")).isEqualTo(YearMonth.of(2026, 10));
        assertThat(FeedRow.parsePeriod("2026/9")).isEqualTo(YearMonth.of(2026, 9));
        assertThat(FeedRow.parsePeriod("202609")).isEqualTo(YearMonth.of(2026, 9));
        assertThat(FeedRow.parsePeriod("2026-09-01")).isEqualTo(YearMonth.of(2026, 9));
        assertThat(FeedRow.parsePeriod("2026-13")).isNull();
        assertThat(FeedRow.parsePeriod("2026-02-30")).isNull();
        assertThat(FeedRow.parsePeriod("九月")).isNull();

        FeedRow.Result ok = FeedRow.parse(2, " P-1 ", "2026年9月", "1,234.50", TODAY);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.entry().amountEntered()).isEqualByComparingTo("1234.50");
        assertThat(FeedRow.parse(2, "P-1", "2026-09", "0", TODAY).ok()).isTrue();
        assertThat(FeedRow.parse(2, "P-1", "2026-09", "12.300", TODAY).ok()).isTrue(); // trailing zeros are 2 places
    }

    @Test
    void eachBadFieldIsNamedWithItsReason() {
        assertThat(reason("P-1", "2026-10", "1")).startsWith("period:").contains("未来").contains("2026-09");
        assertThat(reason("P-1", "2026-09", "12.345")).startsWith("amountEntered:").contains("2 位小数");
        assertThat(reason("P-1", "2026-09", "-1")).startsWith("amountEntered:").contains("负数");
        assertThat(reason("P-1", "2026-09", "1.2.3")).startsWith("amountEntered:").contains("不是有效的金额");
        assertThat(reason("P-1", "2026-09", "1e3")).startsWith("amountEntered:");
        assertThat(reason("P-1", "2026-09", "")).startsWith("amountEntered:").contains("不能为空");
        assertThat(reason("", "2026-09", "1")).startsWith("projectCode:");
        assertThat(reason("A|B", "2026-09", "1")).startsWith("projectCode:");
        assertThat(FeedRow.parse(7, "", "x", "y", TODAY).errors()).hasSize(3).allMatch(e -> e.row() == 7);
    }

    private static String reason(String code, String period, String amount) {
        FeedRow.Result r = FeedRow.parse(1, code, period, amount, TODAY);
        assertThat(r.ok()).isFalse();
        return r.errors().get(0).field() + ": " + r.errors().get(0).reason();
    }

    @Test
    void theRowRulesArePlainJava() {
        classes().that().haveSimpleNameStartingWith("FeedRow").or().haveSimpleNameStartingWith("FeedHeader")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "gov.keyproject.statistics.feed..", "gov.keyproject.statistics.figures..")
                .check(new ClassFileImporter().importClasses(FeedRow.class, FeedRow.Result.class, FeedRow.Error.class,
                        FeedHeader.class));
    }
}
