package gov.keyproject.registry.ledger;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Streams the rows of an .xlsx file's first worksheet with raw cell values: numbers as stored (not as displayed, so
 * a hidden third decimal is still seen), dates flagged by their number format. SAX, so a large sheet never sits in
 * memory as a workbook, and the consumer may stop early by throwing.
 */
final class XlsxRows {

    /** A cell value as stored in the file. */
    sealed interface Cell permits Text, Number, Failure {
    }

    record Text(String value) implements Cell {
    }

    /** A number; {@code dateFormatted} when its number format shows it as a date (Excel stores dates as serials). */
    record Number(double value, boolean dateFormatted, boolean date1904) implements Cell {
    }

    /** An Excel error value such as #N/A or #REF!. */
    record Failure(String code) implements Cell {
    }

    /** Receives each row in order: its number as Excel shows it and its non-empty cells by 0-based column. */
    interface RowSink {
        void row(int rowNumber, Map<Integer, Cell> cells);
    }

    private static final Set<String> WORKBOOK_TYPES = Set.of(XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType(), XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType());
    /** Excel's own limit for a cell's text; longer runs are cut (the domain limits are far lower anyway). */
    private static final int MAX_CELL_CHARS = 32_767;

    private XlsxRows() {
    }

    static void read(Path file, RowSink sink) {
        checkMagic(file);
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            requireWorkbook(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = date1904(reader);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new LedgerFileRejected("工作簿中没有工作表");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(strings, styles, date1904, sink));
                xml.parse(new InputSource(sheet));
            }
        } catch (LedgerFileRejected e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                 | InvalidOperationException | IllegalArgumentException | IllegalStateException e) {
            LedgerFileRejected rejected = findRejection(e);
            if (rejected != null) {
                throw rejected;
            }
            throw new LedgerFileRejected("文件无法作为 .xlsx 工作簿读取（文件可能已损坏），请用 Excel 打开后另存为 .xlsx 再导入", e);
        } finally {
            if (pkg != null) {
                pkg.revert(); // opened read-only: close() would try to save
            }
        }
    }

    private static void checkMagic(Path file) {
        FileMagic magic;
        try {
            if (Files.size(file) == 0) {
                throw new LedgerFileRejected("文件为空");
            }
            magic = FileMagic.valueOf(file.toFile());
        } catch (IOException e) {
            throw new LedgerFileRejected("文件无法读取", e);
        }
        if (magic == FileMagic.OLE2) {
            throw new LedgerFileRejected("文件是旧版 .xls 格式或已加密，请用 Excel 另存为未加密的 .xlsx 后导入");
        }
        if (magic != FileMagic.OOXML) {
            throw new LedgerFileRejected("文件不是 .xlsx 工作簿（如 CSV、WPS 或其他格式），请使用导入模板填写后上传");
        }
    }

    /** A .docx or .pptx is also an OOXML zip: refuse anything whose main part is not a workbook. */
    private static void requireWorkbook(OPCPackage pkg) throws InvalidOperationException {
        PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                .getRelationship(0);
        PackagePart part = core == null ? null : pkg.getPart(core);
        if (part == null || !WORKBOOK_TYPES.contains(part.getContentType())) {
            throw new LedgerFileRejected("文件不是 Excel 工作簿 (.xlsx)");
        }
    }

    /** Workbooks made on old Macs count dates from 1904. */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException,
            ParserConfigurationException {
        boolean[] flag = new boolean[1];
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attrs) {
                if ("workbookPr".equals(localName)) {
                    String v = attrs.getValue("date1904");
                    flag[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                }
            }
        });
        try (InputStream in = reader.getWorkbookData()) {
            xml.parse(new InputSource(in));
        }
        return flag[0];
    }

    private static LedgerFileRejected findRejection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LedgerFileRejected r) {
                return r;
            }
        }
        return null;
    }

    /** 0-based column of a cell reference such as "AB12". */
    static int column(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }

    private static final class SheetHandler extends DefaultHandler {
        private final SharedStrings strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final RowSink sink;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private final StringBuilder text = new StringBuilder();

        private int row;
        private int nextColumn;
        private Map<Integer, Cell> cells = new TreeMap<>();
        private int column;
        private String type;
        private String style;
        private boolean hasValue;
        private boolean inValue;
        private boolean inInline;
        private boolean inInlineText;
        private int phonetic;

        SheetHandler(SharedStrings strings, StylesTable styles, boolean date1904, RowSink sink) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            switch (localName) {
                case "row" -> {
                    String r = attrs.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r); // "r" is optional in the format
                    nextColumn = 0;
                    cells = new TreeMap<>();
                }
                case "c" -> {
                    String r = attrs.getValue("r");
                    column = r == null ? nextColumn : column(r);
                    nextColumn = column + 1;
                    type = attrs.getValue("t");
                    style = attrs.getValue("s");
                    hasValue = false;
                    text.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "is" -> {
                    inInline = true;
                    hasValue = true;
                }
                case "rPh" -> phonetic++;
                case "t" -> inInlineText = inInline && phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if ((inValue || inInlineText) && text.length() < MAX_CELL_CHARS) {
                text.append(ch, start, Math.min(length, MAX_CELL_CHARS - text.length()));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "rPh" -> phonetic--;
                case "is" -> inInline = false;
                case "c" -> {
                    Cell cell = hasValue ? cell() : null;
                    if (cell != null) {
                        cells.put(column, cell);
                    }
                }
                case "row" -> sink.row(row, cells);
                default -> {
                }
            }
        }

        private Cell cell() throws SAXException {
            String v = text.toString();
            if (type == null || "n".equals(type)) {
                if (v.isBlank()) {
                    return null;
                }
                try {
                    return new Number(Double.parseDouble(v.strip()), isDate(), date1904);
                } catch (NumberFormatException e) {
                    throw new SAXException("bad number in cell: " + v);
                }
            }
            return switch (type) {
                case "s" -> {
                    try {
                        yield new Text(strings.getItemAt(Integer.parseInt(v.strip())).getString());
                    } catch (RuntimeException e) {
                        throw new SAXException("bad shared string reference: " + v, e);
                    }
                }
                case "b" -> new Text("1".equals(v.strip()) ? "TRUE" : "FALSE");
                case "e" -> new Failure(v.strip());
                default -> new Text(v); // inlineStr, str (a formula's text), d (ISO date text)
            };
        }

        private boolean isDate() {
            if (styles == null || style == null) {
                return false;
            }
            return dateStyles.computeIfAbsent(Integer.parseInt(style), i -> {
                XSSFCellStyle s = i < styles.getNumCellStyles() ? styles.getStyleAt(i) : null;
                return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
            });
        }
    }
}
