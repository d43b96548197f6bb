package gov.keyproject.statistics.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading feed files: encodings, CSV quoting, header search and whole-file refusals, without a server. */
class FeedFileTest {

    @TempDir
    Path dir;

    @Test
    void encodingsAreDetected() throws IOException {
        String text = "项目代码,统计期,入库金额（万元）\nP-1,2026年9月,1\n";
        assertThat(inspect(text.getBytes(StandardCharsets.UTF_8)).encoding()).isEqualTo("UTF-8");
        assertThat(inspect(text.getBytes(Charset.forName("GBK"))).encoding()).isEqualTo("GB18030");
        assertThat(inspect(text.getBytes(Charset.forName("GB18030"))).encoding()).isEqualTo("GB18030");
        byte[] utf16 = ("\uFEFF" + text.replace(',', '\t')).getBytes(StandardCharsets.UTF_16LE);
        FeedFile.Inspection tab = inspect(utf16);
        assertThat(tab.encoding()).isEqualTo("UTF-16LE");
        assertThat(tab.delimiter()).isEqualTo('\t');
        assertThat(rows(utf16)).containsExactly("2:P-1|2026年9月|1");
    }

    @Test
    void quotedCellsTitlesAndBlankRows() throws IOException {
        byte[] file = ("2026年9月重点项目入库情况\n\n序号,项目代码,统计期,入库金额(万元),备注\n"
                + "1,P-1,2026-09,\"1,234.50\",\"多行\n备注，含\"\"引号\"\"\"\n,,,,\n2,P-2,2026-08,5\n")
                .getBytes(StandardCharsets.UTF_8);
        FeedFile.Inspection in = inspect(file);
        assertThat(in.header().rowNumber()).isEqualTo(3);
        assertThat(in.rows()).isEqualTo(2);
        assertThat(rows(file)).containsExactly("4:P-1|2026-09|1,234.50", "7:P-2|2026-08|5");
    }

    @Test
    void wholeFileProblems() {
        assertThatThrownBy(() -> inspect(new byte[0])).hasMessageContaining("文件为空");
        assertThatThrownBy(() -> inspect(new byte[] {(byte) 0xC4, (byte) 0xE3, (byte) 0xFF, (byte) 0x80, 0x41}))
                .isInstanceOf(FeedFileRejected.class).hasMessageContaining("编码无法识别");
        assertThatThrownBy(() -> inspect("项目代码,统计期\nP-1,2026-09\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("缺少列").hasMessageContaining("入库金额");
        assertThatThrownBy(() -> inspect("项目代码,统计期,入库金额\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("没有数据");
        assertThatThrownBy(() -> inspect("项目代码,统计期,入库金额\n\"P-1,2026-09,1\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("引号没有闭合");
        assertThatThrownBy(() -> inspect("项目代码,统计期,入库金额\nP\u0000,2026-09,1\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("控制字符");
        StringBuilder big = new StringBuilder("项目代码,统计期,入库金额\n");
        for (int i = 0; i < 11; i++) {
            big.append("P-").append(i).append(",2026-09,1\n");
        }
        assertThatThrownBy(() -> FeedFile.inspect(write(big.toString().getBytes(StandardCharsets.UTF_8)), 10))
                .hasMessageContaining("10 行");
        assertThatThrownBy(() -> inspect(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5}))
                .isInstanceOf(FeedFileRejected.class).hasMessageContaining(".xlsx");
    }

    private FeedFile.Inspection inspect(byte[] bytes) throws IOException {
        return FeedFile.inspect(write(bytes), 1000);
    }

    private List<String> rows(byte[] bytes) throws IOException {
        Path file = write(bytes);
        FeedFile.Inspection in = FeedFile.inspect(file, 1000);
        List<String> rows = new ArrayList<>();
        FeedFile.read(file, in, (n, cells) -> rows.add(n + ":" + in.header().cell(cells, FeedRow.CODE) + "|"
                + in.header().cell(cells, FeedRow.PERIOD) + "|" + in.header().cell(cells, FeedRow.AMOUNT)));
        return rows;
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "feed", ".bin");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aFileAboveTheRowLimitIsRefusedAsAWhole() throws IOException {
        StringBuilder csv = new StringBuilder("项目代码,统计期,入库金额(万元)\n");
        for (int i = 0; i < 11; i++) {
            csv.append("P-").append(i).append(",2026-09,100.00\n");
        }
        Path file = dir.resolve("big.csv");
        Files.writeString(file, csv);
        assertThatThrownBy(() -> FeedFile.inspect(file, 10)).isInstanceOf(FeedFileRejected.class)
                .hasMessageContaining("10 行的上限");
        assertThat(FeedFile.inspect(file, 11).encoding()).isEqualTo("UTF-8");
    }
}
