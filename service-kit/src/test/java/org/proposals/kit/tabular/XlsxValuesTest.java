package org.proposals.kit.tabular;

import org.junit.jupiter.api.Test;
import org.proposals.kit.tabular.XlsxValues.NumberKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class XlsxValuesTest {

    @Test
    void numbersAsExcelShowsThemInAGeneralCell() {
        assertEquals("20220024", XlsxValues.number("20220024"));
        assertEquals("20220024", XlsxValues.number("2.0220024E7"));
        assertEquals("20220024", XlsxValues.number("20220024.0"));
        assertEquals("110101199003071000", XlsxValues.number("1.10101199003071E+17"));
        assertEquals("0.1", XlsxValues.number("0.1"));
        assertEquals("1.1", XlsxValues.number("1.1000000000000001"));
        assertEquals("-3.5", XlsxValues.number("-3.5"));
        assertEquals("0", XlsxValues.number("-0"));
        assertEquals("0.00001", XlsxValues.number("1E-5"));
        assertEquals("abc", XlsxValues.number("abc"));
        assertEquals("1E+999999999", XlsxValues.number("1E+999999999"), "not a double: left as it is");
    }

    @Test
    void dateSerialNumbersOfThe1900DateSystem() {
        assertEquals("1900-01-01", XlsxValues.dateTime(1, false, NumberKind.DATE));
        assertEquals("1900-02-28", XlsxValues.dateTime(59, false, NumberKind.DATE));
        assertEquals("1900-03-01", XlsxValues.dateTime(61, false, NumberKind.DATE), "60 is Excel's 1900-02-29, which never was");
        assertEquals("2022-03-15", XlsxValues.dateTime(44635, false, NumberKind.DATE));
        assertEquals("2022-03-15T09:30", XlsxValues.dateTime(44635.395833333336, false, NumberKind.DATE));
        assertEquals("2022-03-15T09:30:15", XlsxValues.dateTime(44635 + (9 * 3600 + 30 * 60 + 15) / 86400.0, false, NumberKind.DATE));
        assertEquals("2022-03-16", XlsxValues.dateTime(44635.9999999999, false, NumberKind.DATE), "rounded to the second");
        assertEquals("9999-12-31", XlsxValues.dateTime(2_958_465, false, NumberKind.DATE));
        assertNull(XlsxValues.dateTime(2_958_466, false, NumberKind.DATE));
        assertNull(XlsxValues.dateTime(-1, false, NumberKind.DATE));
    }

    @Test
    void timesOfDayAndThe1904DateSystem() {
        assertEquals("14:45", XlsxValues.dateTime(0.6145833333333334, false, NumberKind.TIME));
        assertEquals("2022-03-15T14:45", XlsxValues.dateTime(44635.6145833333333334, false, NumberKind.TIME));
        assertEquals("2022-03-15", XlsxValues.dateTime(43173, true, NumberKind.DATE));
        assertEquals("1904-01-01", XlsxValues.dateTime(0, true, NumberKind.DATE));
    }

    @Test
    void whichNumberFormatsAreDates() {
        assertEquals(NumberKind.DATE, XlsxValues.builtInKind(14));
        assertEquals(NumberKind.DATE, XlsxValues.builtInKind(22));
        assertEquals(NumberKind.DATE, XlsxValues.builtInKind(31), "yyyy年m月d日 in Chinese Excel");
        assertEquals(NumberKind.TIME, XlsxValues.builtInKind(20));
        assertEquals(NumberKind.NUMBER, XlsxValues.builtInKind(0));
        assertEquals(NumberKind.NUMBER, XlsxValues.builtInKind(49), "text");

        assertEquals(NumberKind.DATE, XlsxValues.formatKind("yyyy/m/d"));
        assertEquals(NumberKind.DATE, XlsxValues.formatKind("yyyy\"年\"m\"月\"d\"日\""));
        assertEquals(NumberKind.DATE, XlsxValues.formatKind("[$-804]yyyy\"年\"m\"月\"d\"日\" dddd"));
        assertEquals(NumberKind.DATE, XlsxValues.formatKind("[DBNum1][$-804]yyyy\"年\"m\"月\""));
        assertEquals(NumberKind.DATE, XlsxValues.formatKind("mmm-yy"));
        assertEquals(NumberKind.DATE, XlsxValues.formatKind("yyyy-mm-dd hh:mm:ss"));
        assertEquals(NumberKind.TIME, XlsxValues.formatKind("h:mm AM/PM"));
        assertEquals(NumberKind.TIME, XlsxValues.formatKind("[h]:mm:ss"));
        assertEquals(NumberKind.NUMBER, XlsxValues.formatKind("General"));
        assertEquals(NumberKind.NUMBER, XlsxValues.formatKind("[$-804]General"));
        assertEquals(NumberKind.NUMBER, XlsxValues.formatKind("#,##0.00_);[Red](#,##0.00)"));
        assertEquals(NumberKind.NUMBER, XlsxValues.formatKind("0.00E+00"));
        assertEquals(NumberKind.NUMBER, XlsxValues.formatKind("0.0 \"days\""));
        assertEquals(NumberKind.NUMBER, XlsxValues.formatKind("[$¥-804]#,##0.00"));
        assertEquals(NumberKind.NUMBER, XlsxValues.formatKind("0\\d"));
        assertEquals(NumberKind.NUMBER, XlsxValues.formatKind("@"));
    }

    @Test
    void escapesOfCharactersXmlCannotHold() {
        assertEquals("a\rb", XlsxValues.unescape("a_x000D_b"));
        assertEquals("_x000D_", XlsxValues.unescape("_x005F_x000D_"));
        assertEquals("_x00ZZ_ and _x", XlsxValues.unescape("_x00ZZ_ and _x"));

        for (String text : new String[] {"plain", "a\rb\u0001c", "_x000D_", "__x0041__", "_x", "行\r\n行"}) {
            assertEquals(text, XlsxValues.unescape(XlsxValues.escape(text)), text);
        }
        assertEquals("a_x0001_b", XlsxValues.escape("a\u0001b"));
        assertEquals("_x005F_x0041_", XlsxValues.escape("_x0041_"));
    }

    @Test
    void cellReferences() {
        assertEquals(0, XlsxValues.columnIndex("A1"));
        assertEquals(3, XlsxValues.columnIndex("D7"));
        assertEquals(26, XlsxValues.columnIndex("AA10"));
        assertEquals(16_383, XlsxValues.columnIndex("XFD1048576"));
        assertEquals(-1, XlsxValues.columnIndex("XFE1"));
        assertEquals(-1, XlsxValues.columnIndex("AAAA1"));
        assertEquals(-1, XlsxValues.columnIndex("7"));
    }
}
