package gov.keyproject.statistics.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A feed file on disk, CSV or .xlsx, recognised by its content (not its name). {@link #inspect} reads it once to
 * refuse whole-file problems before anything is applied (format, encoding, header, row limit) and counts its data
 * rows; {@link #read} then streams the data rows with the row numbers the file shows.
 * CSV encodings: UTF-8 with or without BOM, UTF-16 with BOM, otherwise GB18030 (a superset of GBK/GB2312, what
 * Chinese Excel writes); bytes that decode in none of them are refused, never replaced.
 */
final class FeedFile {

    enum Format { CSV, XLSX }

    /** Every row as the file has it: the number the user sees and its cells by 0-based column (null = empty). */
    interface RowSink {
        void row(int rowNumber, List<String> cells);
    }

    /** What the first pass found: enough to read the file again the same way. */
    record Inspection(Format format, Charset charset, int bomBytes, char delimiter, FeedHeader header, int rows) {
        String encoding() {
            return charset == null ? null : charset.name();
        }
    }

    /** Stops a read early (the header search needs only the first rows). */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final char[] DELIMITERS = {',', '\t', ';'};
    private static final int MAX_CELL_CHARS = 10_000;

    private FeedFile() {
    }

    static Inspection inspect(Path file, int maxRows) {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new FeedFileRejected("文件为空");
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            Scan scan = new Scan(null, maxRows, null);
            try {
                FeedXlsx.read(file, scan);
            } catch (Stop noHeader) {
                // no header in the first rows: finish() says so
            }
            return new Inspection(Format.XLSX, null, 0, ',', scan.finish(), scan.rows);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new FeedFileRejected("文件是旧版 .xls 格式或已加密，请用 Excel 另存为未加密的 .xlsx 或 CSV 后上传");
        }
        if (startsWith(head, 0x50, 0x4B) || startsWith(head, 0x25, 0x50, 0x44, 0x46) || startsWith(head, 0x1F, 0x8B)) {
            throw new FeedFileRejected("文件不是 CSV 或 .xlsx（可能是压缩包或 PDF），请上传 CSV 或 .xlsx 文件");
        }
        List<Inspection> candidates = new ArrayList<>();
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            candidates.add(new Inspection(Format.CSV, StandardCharsets.UTF_8, 3, ',', null, 0));
        } else if (startsWith(head, 0xFF, 0xFE)) {
            candidates.add(new Inspection(Format.CSV, StandardCharsets.UTF_16LE, 2, ',', null, 0));
        } else if (startsWith(head, 0xFE, 0xFF)) {
            candidates.add(new Inspection(Format.CSV, StandardCharsets.UTF_16BE, 2, ',', null, 0));
        } else {
            candidates.add(new Inspection(Format.CSV, StandardCharsets.UTF_8, 0, ',', null, 0));
            candidates.add(new Inspection(Format.CSV, Charset.forName("GB18030"), 0, ',', null, 0));
        }
        for (Inspection c : candidates) {
            try {
                return inspectCsv(file, c, maxRows);
            } catch (CharacterCodingException e) {
                // not this encoding: try the next one
            }
        }
        throw new FeedFileRejected(candidates.size() == 1
                ? "文件带有 " + candidates.get(0).charset().name() + " 标记，但内容含有无法解码的字节（文件可能已损坏）"
                : "文件编码无法识别：内容既不是 UTF-8 也不是 GBK/GB18030 编码的文本（也可能不是 CSV 文件）。"
                        + "请在 Excel 中“另存为 → CSV UTF-8”或 .xlsx 后重新上传");
    }

    private static Inspection inspectCsv(Path file, Inspection c, int maxRows) throws CharacterCodingException {
        FeedFileRejected noHeader = null;
        for (char delimiter : DELIMITERS) {
            Scan headerOnly = new Scan(null, Integer.MAX_VALUE, null).stopAtHeader();
            try {
                csv(file, c.charset(), c.bomBytes(), delimiter, headerOnly);
            } catch (Stop found) {
                // header found
            }
            FeedFileRejected problem = null;
            try {
                headerOnly.finish();
            } catch (FeedFileRejected e) {
                problem = e;
            }
            if (problem != null) {
                if (noHeader == null || headerOnly.bestNamed > 0) {
                    noHeader = problem;
                }
                continue;
            }
            Scan scan = new Scan(null, maxRows, null);
            try {
                csv(file, c.charset(), c.bomBytes(), delimiter, scan);
            } catch (Stop unexpected) {
                // cannot happen: the header was found in the first rows
            }
            return new Inspection(Format.CSV, c.charset(), c.bomBytes(), delimiter, scan.finish(), scan.rows);
        }
        throw noHeader;
    }

    /** Streams the data rows below the header (blank rows skipped) to {@code data}. */
    static void read(Path file, Inspection inspection, RowSink data) {
        Scan scan = new Scan(inspection.header(), Integer.MAX_VALUE, data);
        if (inspection.format() == Format.XLSX) {
            FeedXlsx.read(file, scan);
            return;
        }
        try {
            csv(file, inspection.charset(), inspection.bomBytes(), inspection.delimiter(), scan);
        } catch (CharacterCodingException e) {
            throw new FeedFileRejected("文件在导入过程中发生变化，无法解码", e);
        }
    }

    /** Finds the header among the first rows, then counts (and hands on) the non-blank rows below it. */
    private static final class Scan implements RowSink {
        private final int maxRows;
        private final RowSink data;
        private FeedHeader header;
        private final boolean headerGiven;
        private boolean stopAtHeader;
        private boolean anyValue;
        private int bestNamed;
        private String bestMissing;
        private int rows;

        Scan(FeedHeader header, int maxRows, RowSink data) {
            this.header = header;
            this.headerGiven = header != null;
            this.maxRows = maxRows;
            this.data = data;
        }

        Scan stopAtHeader() {
            stopAtHeader = true;
            return this;
        }

        @Override
        public void row(int rowNumber, List<String> cells) {
            if (headerGiven && rowNumber <= header.rowNumber()) {
                return;
            }
            if (header == null) {
                boolean blank = blank(cells);
                anyValue |= !blank;
                if (rowNumber > FeedHeader.SEARCH_ROWS) {
                    throw new Stop();
                }
                header = FeedHeader.detect(rowNumber, cells).orElse(null);
                if (header == null && !blank) {
                    Set<String> named = FeedHeader.named(cells);
                    if (named.size() > bestNamed) {
                        bestNamed = named.size();
                        List<String> missing = new ArrayList<>();
                        FeedHeader.CHINESE.forEach((field, title) -> {
                            if (!named.contains(field)) {
                                missing.add("“" + title + "”");
                            }
                        });
                        bestMissing = "第 " + rowNumber + " 行像是表头，但缺少列 " + String.join("、", missing);
                    }
                }
                if (header != null && stopAtHeader) {
                    throw new Stop();
                }
                return;
            }
            if (blank(cells)) {
                return;
            }
            if (++rows > maxRows) {
                throw new FeedFileRejected("数据超过 " + maxRows + " 行的上限，请拆分为多个文件分批上传");
            }
            if (data != null) {
                data.row(rowNumber, cells);
            }
        }

        FeedHeader finish() {
            if (header == null) {
                if (!anyValue) {
                    throw new FeedFileRejected("文件中没有任何内容");
                }
                throw new FeedFileRejected(bestMissing != null ? "未找到完整的表头：" + bestMissing
                        : "未找到表头：前 " + FeedHeader.SEARCH_ROWS + " 行中没有同时包含“项目代码”“统计期”“入库金额(万元)”"
                                + "（或 projectCode、period、amountEntered）的行");
            }
            if (rows == 0 && !stopAtHeader) {
                throw new FeedFileRejected("表头（第 " + header.rowNumber() + " 行）下没有数据");
            }
            return header;
        }
    }

    static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (FeedRow.clean(c) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 4180 CSV as Excel writes it: quoted fields may hold delimiters, doubled quotes and line breaks. The row
     * number is the line a record starts on. Control characters other than tab and line breaks mean "not text".
     */
    static void csv(Path file, Charset charset, int skip, char delimiter, RowSink sink)
            throws CharacterCodingException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            Reader reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
            parse(reader, delimiter, sink);
        } catch (CharacterCodingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parse(Reader r, char delimiter, RowSink sink) throws IOException {
        int line = 1;
        int recordLine = 1;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        int c = r.read();
        if (c == '\uFEFF') {
            c = r.read();
        }
        while (c != -1) {
            if (quoted) {
                if (c == '"') {
                    int next = r.read();
                    if (next == '"') {
                        append(cell, '"', line);
                        c = r.read();
                    } else {
                        quoted = false;
                        c = next;
                    }
                    continue;
                }
                if (c == '\n') {
                    line++;
                } else {
                    control(c, line);
                }
                append(cell, (char) c, line);
                c = r.read();
                continue;
            }
            if (c == '"' && cell.isEmpty()) {
                quoted = true;
                first = false;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                first = false;
            } else if (c == '\r' || c == '\n') {
                int next = c == '\r' ? r.read() : -2;
                cells.add(cell.toString());
                cell.setLength(0);
                sink.row(recordLine, cells);
                cells = new ArrayList<>();
                first = true;
                line++;
                recordLine = line;
                c = (next == '\n' || next == -2) ? r.read() : next;
                continue;
            } else {
                control(c, line);
                append(cell, (char) c, line);
                first = false;
            }
            c = r.read();
        }
        if (quoted) {
            throw new FeedFileRejected("第 " + recordLine + " 行的引号没有闭合（CSV 格式不正确）");
        }
        if (!first || !cell.isEmpty()) {
            cells.add(cell.toString());
            sink.row(recordLine, cells);
        }
    }

    private static void control(int c, int line) {
        if (c < 0x20 && c != '\t' || c == 0x7F) {
            throw new FeedFileRejected("第 " + line + " 行含有控制字符 (0x" + Integer.toHexString(c)
                    + ")：文件不是文本 CSV，请上传 CSV 或 .xlsx 文件");
        }
    }

    private static void append(StringBuilder cell, char c, int line) {
        if (cell.length() >= MAX_CELL_CHARS) {
            throw new FeedFileRejected("第 " + line + " 行的单元格超过 " + MAX_CELL_CHARS + " 个字符（CSV 格式可能不正确）");
        }
        cell.append(c);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
