package gov.keyproject.assessment.bulletin;

import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.RankedUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BulletinFormatTest {

    @Test
    void roundsHalfUpToTwoPlaces() {
        assertThat(BulletinFormat.decimal(new BigDecimal("87.5000000000"))).isEqualTo("87.50");
        assertThat(BulletinFormat.decimal(new BigDecimal("0.1250000000"))).isEqualTo("0.13");
        assertThat(BulletinFormat.decimal(new BigDecimal("-0.1250000000"))).isEqualTo("-0.13");
        assertThat(BulletinFormat.decimal(new BigDecimal("0.1249999999"))).isEqualTo("0.12");
        assertThat(BulletinFormat.decimal(null)).isEqualTo("—");
        assertThat(BulletinFormat.signed(new BigDecimal("2.25"))).isEqualTo("+2.25");
        assertThat(BulletinFormat.signed(new BigDecimal("-0.004"))).isEqualTo("0.00");
        assertThat(BulletinFormat.signed(new BigDecimal("-32.56"))).isEqualTo("-32.56");
    }

    @Test
    void amountsAreGroupedWithoutALocale() {
        assertThat(BulletinFormat.amount(new BigDecimal("0"))).isEqualTo("0.00");
        assertThat(BulletinFormat.amount(new BigDecimal("999.995"))).isEqualTo("1,000.00");
        assertThat(BulletinFormat.amount(new BigDecimal("1234567.8912"))).isEqualTo("1,234,567.89");
        assertThat(BulletinFormat.amount(new BigDecimal("-123456.5"))).isEqualTo("-123,456.50");
        assertThat(BulletinFormat.signedAmount(new BigDecimal("150"))).isEqualTo("+150.00");
        assertThat(BulletinFormat.signedAmount(new BigDecimal("-1500"))).isEqualTo("-1,500.00");
        assertThat(BulletinFormat.amount(null)).isEqualTo("—");
    }

    @Test
    void ratesAndRatios() {
        assertThat(BulletinFormat.percent(new BigDecimal("0.45675"))).isEqualTo("45.68%");
        assertThat(BulletinFormat.percent(new BigDecimal("1"))).isEqualTo("100.00%");
        assertThat(BulletinFormat.percent(null)).isEqualTo("—");
        assertThat(BulletinFormat.percentPoints(new BigDecimal("-0.061949"))).isEqualByComparingTo("-6.19");
        assertThat(BulletinFormat.ratio(1, 3)).isEqualTo("1/3 (33.33%)");
        assertThat(BulletinFormat.ratio(2, 3)).isEqualTo("2/3 (66.67%)");
        assertThat(BulletinFormat.ratio(0, 0)).isEqualTo("—");
    }

    @Test
    void closingTimeInShanghai() {
        assertThat(BulletinFormat.dateTime(Instant.parse("2026-09-30T16:05:59Z"))).isEqualTo("2026-10-01 00:05");
    }

    @Test
    void labels() {
        assertThat(BulletinFormat.rankingSheetName(UnitKind.TOWNSHIP)).isEqualTo("红黑榜-乡镇街道");
        assertThat(BulletinFormat.rankingSheetName(UnitKind.DEPARTMENT)).isEqualTo("红黑榜-部门");
        assertThat(BulletinFormat.rankingSheetName(UnitKind.DEVELOPMENT_ZONE)).isEqualTo("红黑榜-开发区园区");
        assertThat(BulletinFormat.statusLabel("ESCALATED")).isEqualTo("已升级");
        assertThat(BulletinFormat.statusLabel("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(BulletinFormat.penaltyLabel("OVERDUE_NOTICE")).isEqualTo("督办单逾期");
    }

    @Test
    void movesSinceThePreviousBulletin() {
        assertThat(BulletinFormat.rankChange(unit(1, "90"), unit(3, "85"))).isEqualTo("↑2");
        assertThat(BulletinFormat.rankChange(unit(4, "70"), unit(3, "85"))).isEqualTo("↓1");
        assertThat(BulletinFormat.rankChange(unit(3, "70"), unit(3, "85"))).isEqualTo("—");
        assertThat(BulletinFormat.rankChange(unit(3, "70"), null)).isEqualTo("新");
        assertThat(BulletinFormat.rankChange(unit(null, null), unit(3, "85"))).isEqualTo("—");
        assertThat(BulletinFormat.scoreChange(unit(1, "90.004"), unit(3, "85.005"))).isEqualByComparingTo("4.99");
        assertThat(BulletinFormat.scoreChange(unit(1, "90"), null)).isNull();
        assertThat(BulletinFormat.scoreChange(unit(null, null), unit(3, "85"))).isNull();
    }

    private static RankedUnit unit(Integer rank, String score) {
        return new RankedUnit("U", "单位", rank, score == null ? null : new BigDecimal(score), null, BigDecimal.ZERO,
                List.of(), List.of(), null, null, null, null, List.of());
    }
}
