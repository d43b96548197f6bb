package gov.keyproject.statistics.feed;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
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
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams the first worksheet of an .xlsx file row by row (SAX: a large sheet never sits in memory as a workbook).
 * Cells come out as text: numbers as stored, rounded to Excel's 15 significant digits (so a hidden third decimal is
 * still seen), date-formatted numbers as ISO dates (Excel turns a typed "2026-09" into the date 2026-09-01).
 */
final class FeedXlsx {

    private static final Set<String> WORKBOOK_TYPES = Set.of(XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType(), XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType());
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final int MAX_CELL_CHARS = 32_767;

    private FeedXlsx() {
    }

    static void read(Path file, FeedFile.RowSink sink) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            requireWorkbook(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            boolean date1904 = date1904(reader);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new FeedFileRejected("工作簿中没有工作表");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(strings, styles, date1904, sink));
                xml.parse(new InputSource(sheet));
            }
        } catch (FeedFileRejected | FeedFile.Stop e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                 | InvalidOperationException | IllegalArgumentException | IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FeedFileRejected r) {
                    throw r;
                }
                if (t instanceof FeedFile.Stop s) {
                    throw s;
                }
            }
            throw new FeedFileRejected("文件无法作为 .xlsx 工作簿读取（文件可能已损坏），请用 Excel 打开后另存为 .xlsx 再上传", e);
        } finally {
            if (pkg != null) {
                pkg.revert(); // opened read-only: close() would try to save
            }
        }
    }

    /** A .docx or .pptx is also an OOXML zip: refuse anything whose main part is not a workbook. */
    private static void requireWorkbook(OPCPackage pkg) {
        PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                .getRelationship(0);
        PackagePart part;
        try {
            part = core == null ? null : pkg.getPart(core);
        } catch (InvalidOperationException e) {
            part = null;
        }
        if (part == null || !WORKBOOK_TYPES.contains(part.getContentType())) {
            throw new FeedFileRejected("文件不是 Excel 工作簿 (.xlsx)");
        }
    }

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
        private final FeedFile.RowSink sink;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private final StringBuilder text = new StringBuilder();

        private int row;
        private int nextColumn;
        private List<String> cells = new ArrayList<>();
        private int column;
        private String type;
        private String style;
        private boolean hasValue;
        private boolean inValue;
        private boolean inInline;
        private boolean inInlineText;
        private int phonetic;

        SheetHandler(SharedStrings strings, StylesTable styles, boolean date1904, FeedFile.RowSink sink) {
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
                    row = r == null ? row + 1 : Integer.parseInt(r);
                    nextColumn = 0;
                    cells = new ArrayList<>();
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
                    if (hasValue && column >= 0 && column < 1000) {
                        while (cells.size() <= column) {
                            cells.add(null);
                        }
                        cells.set(column, cell());
                    }
                }
                case "row" -> sink.row(row, cells);
                default -> {
                }
            }
        }

        private String cell() throws SAXException {
            String v = text.toString();
            if (type == null || "n".equals(type)) {
                if (v.isBlank()) {
                    return null;
                }
                double d;
                try {
                    d = Double.parseDouble(v.strip());
                } catch (NumberFormatException e) {
                    throw new SAXException("bad number in cell: " + v);
                }
                if (!Double.isFinite(d)) {
                    return v;
                }
                if (isDate() && DateUtil.isValidExcelDate(d)) {
                    return DateUtil.getLocalDateTime(d, date1904).toLocalDate().toString();
                }
                BigDecimal n = new BigDecimal(d).round(EXCEL_DIGITS).stripTrailingZeros();
                return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
            }
            return switch (type) {
                case "s" -> {
                    try {
                        yield strings.getItemAt(Integer.parseInt(v.strip())).getString();
                    } catch (RuntimeException e) {
                        throw new SAXException("bad shared string reference: " + v, e);
                    }
                }
                case "b" -> "1".equals(v.strip()) ? "TRUE" : "FALSE";
                default -> v; // inlineStr, str (a formula's text), e (#N/A…), d (ISO date text)
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
