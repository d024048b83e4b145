package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
    @Test
    void neutralise_formulaStarts_prefixedWithQuote() {
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", CsvCells.neutralise("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'+91 98", CsvCells.neutralise("+91 98"));
        assertEquals("'@SUM(A1)", CsvCells.neutralise("@SUM(A1)"));
        assertEquals("'-2+3+cmd|' /C calc'!A0", CsvCells.neutralise("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'-", CsvCells.neutralise("-"));
        assertEquals("'\tx", CsvCells.neutralise("\tx"));
    }

    @Test
    void neutralise_plainTextAndNegativeNumbers_unchanged() {
        assertEquals("Jaipur I", CsvCells.neutralise("Jaipur I"));
        assertEquals("-12", CsvCells.neutralise("-12"));
        assertEquals("-0.5", CsvCells.neutralise("-0.5"));
        assertEquals("18-44", CsvCells.neutralise("18-44"));
        assertEquals("", CsvCells.neutralise(""));
    }

    @Test
    void cell_values_isoDatesPlainNumbersEmptyNull() {
        assertEquals("", CsvCells.cell(null));
        assertEquals("2021-05-16", CsvCells.cell(LocalDate.parse("2021-05-16")));
        assertEquals("2021-05-16T04:30:00Z", CsvCells.cell(LocalDateTime.parse("2021-05-16T04:30:00")));
        assertEquals("12345678.50", CsvCells.cell(new BigDecimal("12345678.50")));
        assertEquals("10000000", CsvCells.cell(1.0E7).replace(".0", ""));
        assertEquals("123456789012345678901", CsvCells.cell(new BigInteger("123456789012345678901")));
        assertEquals("true", CsvCells.cell(Boolean.TRUE));
        assertEquals("'=1+1", CsvCells.cell("=1+1"));
    }
}
