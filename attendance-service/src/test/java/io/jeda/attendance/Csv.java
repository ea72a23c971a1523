package io.jeda.attendance;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import java.util.List;
import java.util.Map;

/** Reads a CSV text back with an independent RFC 4180 reader: one map per record, by header name. */
final class Csv {

    private Csv() {
    }

    static List<Map<String, String>> parse(String text) {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(text)) {
            return reader.stream().map(NamedCsvRecord::getFieldsAsMap).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
